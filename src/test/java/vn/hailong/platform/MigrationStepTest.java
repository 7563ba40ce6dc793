package vn.hailong.platform;

import java.nio.file.Path;
import java.util.Arrays;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cluster's migrations (ADR 085): {@code --migrate-only} migrates and exits, once; a node started
 * with {@code hailong.migrations=validate} refuses a schema that is behind and never migrates it.
 */
@ExtendWith(KeepsSecurityStrategy.class)
class MigrationStepTest {

    @Test
    void the_migration_step_migrates_once_and_validating_nodes_refuse_a_schema_that_is_behind() {
        String buildDir = System.getProperty("hailong.build-dir", "target");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(
                Path.of(buildDir, "mariadb-base"),
                Path.of(buildDir, "test-db", "migrate-" + UUID.randomUUID()),
                0,
                "cluster_hailong")) {
            String[] database = {
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=root",
                "--spring.datasource.password="
            };

            // A node that only validates, on an empty schema: it does not start, and says what to run.
            assertThatThrownBy(() -> node(database).close()).hasStackTraceContaining(MigrateOnly.ARGUMENT);

            assertThat(MigrateOnly.requested(new String[] {"--spring.profiles.active=prod", MigrateOnly.ARGUMENT}))
                    .isTrue();
            int applied = MigrateOnly.run(concat(database, MigrateOnly.ARGUMENT));
            assertThat(applied).as("every migration, from an empty schema").isGreaterThanOrEqualTo(30);
            assertThat(MigrateOnly.run(concat(database, MigrateOnly.ARGUMENT)))
                    .as("the second time, nothing")
                    .isZero();

            try (ConfigurableApplicationContext node = node(database)) {
                JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                        .as("the node migrated nothing itself")
                        .isEqualTo(applied);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM survey_template WHERE template_key = 'default'", Integer.class))
                        .isEqualTo(1);
            }
        }
    }

    private static ConfigurableApplicationContext node(String[] database) {
        return new SpringApplicationBuilder(HaiLongApplication.class)
                .profiles("test")
                .run(concat(concat(database, "--hailong.migrations=validate"), "--server.port=0"));
    }

    private static String[] concat(String[] args, String more) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}
