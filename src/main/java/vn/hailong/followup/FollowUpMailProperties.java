package vn.hailong.followup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender of follow-up e-mails
 * @param baseUrl where the managers' screens are; links in e-mails start with it
 * @param retryAfter how long a failed send waits before the next try (doubled per failure, at most a day)
 */
@ConfigurationProperties("hailong.followup.mail")
record FollowUpMailProperties(String from, String baseUrl, Duration retryAfter) {

    FollowUpMailProperties {
        from = from == null || from.isBlank() ? "hai-long@localhost" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        retryAfter = retryAfter == null ? Duration.ofMinutes(5) : retryAfter;
    }
}
