package vn.hailong.platform;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The dedicated migration step of a cluster ({@code java -jar hai-long.jar --migrate-only}, ADR 085):
 * Flyway alone, with the application's own datasource and Flyway settings, then exit. Flyway's lock
 * on MariaDB is {@code GET_LOCK}, which Galera does not replicate, so two nodes starting at once on
 * different members could both migrate; run this once, then start the nodes with
 * {@code hailong.migrations=validate}, which refuses to start on a schema that is behind.
 */
public final class MigrateOnly {

    /** The argument that selects this mode instead of starting the application. */
    public static final String ARGUMENT = "--migrate-only";

    private MigrateOnly() {}

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    /** Migrates and returns how many migrations ran (the context is closed again). */
    public static int run(String[] args) {
        String[] rest = Arrays.stream(args).filter(a -> !ARGUMENT.equals(a)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Step.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run(rest)) {
            MigrateResult result = context.getBean(Step.class).result;
            return result == null ? 0 : result.migrationsExecuted;
        }
    }

    // Not a @Configuration: the application's component scan must not pick this strategy up.
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Step {

        volatile @Nullable MigrateResult result;

        @Bean
        FlywayMigrationStrategy migrateAndRemember() {
            return flyway -> result = migrate(flyway);
        }

        private static MigrateResult migrate(Flyway flyway) {
            if (flyway.getConfiguration().getDataSource() == null) {
                throw new IllegalStateException("--migrate-only needs an external database (DATABASE_URL)");
            }
            return flyway.migrate();
        }
    }
}
