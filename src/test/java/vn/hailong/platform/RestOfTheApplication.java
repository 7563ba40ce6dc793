package vn.hailong.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the tests of a start-up check in Spring's own context: a bean standing for the rest of the
 * application (the database, migrations, the port), which records whether it was created, so that a
 * test can show that a check stopped the start before it.
 */
// @TestConfiguration, not @Configuration: the application's component scan, which also sees the
// test classes, leaves it out of every @SpringBootTest context.
@TestConfiguration(proxyBeanMethods = false)
public class RestOfTheApplication {

    public static final AtomicBoolean OPENED = new AtomicBoolean();

    @Bean
    String database() {
        OPENED.set(true);
        return "would be opened";
    }
}
