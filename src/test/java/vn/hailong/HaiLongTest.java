package vn.hailong;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on its embedded MariaDB. Every test class using this
 * annotation shares one application context (and so one database); tests keep apart by using
 * codes of their own ({@link TestData#uniqueSuffix()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface HaiLongTest {

    /** The API key provisioned for tests in application-test.yaml. */
    String API_KEY = "test-key-0123456789abcdef0123456789abcdef";
}
