package vn.hailong.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook delivery ({@code hailong.webhooks.*}).
 *
 * @param secretKey the key that encrypts the endpoints' signing secrets at rest ({@link WebhookSecrets},
 *        {@code WEBHOOK_SECRET_KEY}): at least 32 random characters, the same on every node; shorter or
 *        unset (the default outside the demo and test profiles), webhooks are off
 * @param retrySchedule the waits before the 2nd, 3rd, … attempt (default Standard Webhooks' example: 5 s, 5 min, 30 min,
 *        2 h, 5 h, 10 h, 10 h: eight attempts over about 28 hours)
 * @param disableAfter an endpoint that has failed this long without a success is disabled when a delivery runs out of
 *        attempts, and its owner is told by e-mail
 * @param timeout how long one attempt may take (connecting and answering)
 * @param claimLease how long a node holds a delivery it is sending; after that another node may send it again
 * @param poll how often a node's worker looks for due deliveries when no commit woke it
 * @param requireHttps only https:// endpoints (true in the prod profile)
 * @param allowedHosts hosts that may be called although they resolve to loopback or private addresses
 * @param dispatch whether this node's worker sends deliveries (tests send them themselves)
 * @param subscriptionsCache how long a node reuses its read of the enabled endpoints and their event types (every
 *        event asks for it, on the write path); a change on this node clears it at once, one on another node is seen
 *        within this time
 */
@ConfigurationProperties("hailong.webhooks")
public record WebhookProperties(
        @Nullable String secretKey,
        List<Duration> retrySchedule,
        Duration disableAfter,
        Duration timeout,
        Duration claimLease,
        Duration poll,
        Boolean requireHttps,
        List<String> allowedHosts,
        Boolean dispatch,
        Duration subscriptionsCache) {

    public WebhookProperties {
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty()
                ? List.of(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10))
                : List.copyOf(retrySchedule);
        disableAfter = disableAfter == null ? Duration.ofDays(5) : disableAfter;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        requireHttps = requireHttps != null && requireHttps;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        dispatch = dispatch == null || dispatch;
        subscriptionsCache = subscriptionsCache == null ? Duration.ofSeconds(5) : subscriptionsCache;
    }

    /** Never shows the secret key (in a log, a failure report). */
    @Override
    public String toString() {
        return "WebhookProperties[secretKey=" + (secretKey == null || secretKey.isEmpty() ? "(none)" : "(hidden)")
                + ", retrySchedule=" + retrySchedule + ", disableAfter=" + disableAfter + ", timeout=" + timeout
                + ", claimLease=" + claimLease + ", poll=" + poll + ", requireHttps=" + requireHttps
                + ", allowedHosts=" + allowedHosts + ", dispatch=" + dispatch + ", subscriptionsCache="
                + subscriptionsCache + "]";
    }

    WebhookUrlPolicy urlPolicy() {
        return new WebhookUrlPolicy(requireHttps, Set.copyOf(allowedHosts));
    }
}
