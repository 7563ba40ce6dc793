package vn.hailong.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hailong.mail.*}: how the outbox sends.
 *
 * @param from the sender of every e-mail
 * @param baseUrl where the managers' screens are; links in e-mails start with it
 * @param retryAfter how long a failed send waits before the next try (doubled per failure, at most a day)
 */
@ConfigurationProperties("hailong.mail")
record MailProperties(String from, String baseUrl, Duration retryAfter) {

    MailProperties {
        from = from == null || from.isBlank() ? "hai-long@localhost" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        retryAfter = retryAfter == null ? Duration.ofMinutes(5) : retryAfter;
    }
}
