package vn.hailong.platform.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.platform.RestOfTheApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar without the embedded MariaDB, started without DATABASE_URL, stops before any bean with a
 * message naming the variable; with the embedded binaries on the class path, or a URL set, it does
 * not. Spring's own context, the embedded binaries hidden by a filtering class loader as they are
 * absent from the packaged jar.
 */
// Contexts of its own next to the shared one: put the shared one's security strategy back afterwards.
@ExtendWith(KeepsSecurityStrategy.class)
class DatabaseConfiguredCheckTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(DatabaseConfiguredCheck.class, RestOfTheApplication.class);

    private final ApplicationContextRunner packagedJar =
            app.withClassLoader(new FilteredClassLoader(EmbeddedDatabaseConfiguration.EMBEDDED_SERVER_CLASS));

    @Test
    void the_packaged_jar_without_a_database_url_fails_before_any_other_bean_with_a_message_naming_it() {
        RestOfTheApplication.OPENED.set(false);
        packagedJar.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(DatabaseConfiguredCheck.NoDatabaseConfiguredException.class);
            assertThat(root.getMessage()).contains("DATABASE_URL", "no embedded MariaDB", "./mvnw spring-boot:run");
            assertThat(RestOfTheApplication.OPENED)
                    .as("no other bean was created")
                    .isFalse();
            FailureAnalysis analysis = new NoDatabaseFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("DATABASE_URL", "external MariaDB");
            assertThat(analysis.getAction()).contains("Set DATABASE_URL", "jdbc:mariadb://");
        });
    }

    @Test
    void the_packaged_jar_with_a_database_url_starts() {
        packagedJar
                .withPropertyValues("spring.datasource.url=jdbc:mariadb://db.example:3306/hailong")
                .run(context -> assertThat(context).hasNotFailed().hasBean("database"));
    }

    @Test
    void with_the_embedded_binaries_on_the_class_path_the_check_is_off() {
        app.run(context -> assertThat(context).hasNotFailed().hasBean("database"));
    }
}
