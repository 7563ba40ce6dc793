package vn.hailong.platform.embedded;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jar built by {@code ./mvnw package} carries no embedded MariaDB (it is an optional dependency,
 * present in {@code ./mvnw spring-boot:run} and the tests only). Started without {@code DATABASE_URL},
 * it would stop with Spring Boot's generic "Failed to configure a DataSource" and a hint about H2;
 * this check stops it first, before any bean is created, with a message naming the variable to set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_SERVER_CLASS)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DatabaseConfiguredCheck {

    @Bean
    static BeanFactoryPostProcessor databaseIsConfigured() {
        return beanFactory -> {
            throw new NoDatabaseConfiguredException();
        };
    }

    /** Turned into Spring Boot's "APPLICATION FAILED TO START" report by {@link NoDatabaseFailureAnalyzer}. */
    static final class NoDatabaseConfiguredException extends IllegalStateException {

        NoDatabaseConfiguredException() {
            super("DATABASE_URL (spring.datasource.url) is not set, and this build has no embedded MariaDB: "
                    + "the jar talks to an external MariaDB server. Set DATABASE_URL, DATABASE_USER and "
                    + "DATABASE_PASSWORD, e.g. DATABASE_URL=jdbc:mariadb://db.example:3306/hailong, or run the "
                    + "demo on its embedded database with ./mvnw spring-boot:run");
        }
    }
}
