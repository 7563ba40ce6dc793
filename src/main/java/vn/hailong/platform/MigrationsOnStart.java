package vn.hailong.platform;

import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a node does with the migrations at start-up ({@code hailong.migrations}): {@code migrate}
 * (the default, one node or one database server: Flyway migrates under its lock) or
 * {@code validate} (the nodes of a Galera cluster, ADR 085: the schema was migrated once by
 * {@link MigrateOnly}; a node refuses to start on a schema that is behind or differs, rather
 * than migrating it concurrently with another node on another member).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hailong.migrations", havingValue = "validate")
class MigrationsOnStart {

    @Bean
    FlywayMigrationStrategy validateOnly() {
        return flyway -> {
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                throw new IllegalStateException(
                        "hailong.migrations=validate: the schema is not the one this version expects (run "
                                + MigrateOnly.ARGUMENT + " once first): " + result.getAllErrorMessages());
            }
        };
    }
}
