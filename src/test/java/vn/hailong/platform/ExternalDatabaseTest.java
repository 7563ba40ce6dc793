package vn.hailong.platform;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongApplication;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pointing spring.datasource.url at a MariaDB server switches the embedded one off: the app then
 * migrates and uses that server. The "external" server here is a separately started MariaDB.
 */
@ExtendWith(KeepsSecurityStrategy.class)
class ExternalDatabaseTest {

    @Test
    void a_configured_datasource_url_switches_the_embedded_database_off_and_is_migrated() {
        String buildDir = System.getProperty("hailong.build-dir", "target");
        try (EmbeddedMariaDb external = EmbeddedMariaDb.start(
                Path.of(buildDir, "mariadb-base"),
                Path.of(buildDir, "test-db", "external-" + UUID.randomUUID()),
                0,
                "external_hailong")) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaiLongApplication.class)
                    .profiles("test")
                    // Command-line arguments, as an operator would pass them: they outrank every profile file.
                    .run(
                            "--spring.datasource.url=" + external.jdbcUrl(),
                            "--spring.datasource.username=root",
                            "--spring.datasource.password=",
                            "--server.port=0")) {
                assertThat(app.getBeanNamesForType(EmbeddedMariaDb.class)).isEmpty();
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class))
                        .isEqualTo("external_hailong");
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                        .isGreaterThanOrEqualTo(6);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM survey_template WHERE template_key = 'default'", Integer.class))
                        .isEqualTo(1);
            }
        }
    }
}
