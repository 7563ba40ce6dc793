package vn.hailong.survey;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import vn.hailong.platform.RateLimitBuckets;

/**
 * Limits how often one client address may open survey links (a token bucket per address, with
 * bucket4j), so that tokens cannot be guessed by brute force. The buckets are shared by every
 * node (in the database), so the limit holds however a load balancer spreads the attempts. The
 * limit is generous because many citizens share one carrier-grade NAT address. Nothing about the
 * address is kept beyond its bucket, which is forgotten minutes after the address goes quiet.
 * <p>
 * Should the buckets be unreachable (the database away), attempts are let through: the survey
 * page itself cannot resolve a link then, so nothing can be guessed, and a citizen is not refused
 * because of a counter.
 */
public final class AttemptLimiter {

    private static final Logger log = LoggerFactory.getLogger(AttemptLimiter.class);

    /** Whether an attempt may go on, and if not, how long to wait. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    static final String KEY_PREFIX = "survey-link:";

    private final BucketConfiguration configuration;
    private final RateLimitBuckets buckets;

    public AttemptLimiter(int attemptsPerMinute, RateLimitBuckets buckets) {
        if (attemptsPerMinute < 1) {
            throw new IllegalArgumentException("attempts per minute must be at least 1");
        }
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(attemptsPerMinute)
                        .refillGreedy(attemptsPerMinute, Duration.ofMinutes(1))
                        .build())
                .build();
        this.buckets = buckets;
    }

    public Decision attempt(String clientAddress) {
        ConsumptionProbe probe;
        try {
            probe = buckets.bucket(KEY_PREFIX + clientAddress, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Survey-link attempt limit unavailable, attempt let through: {}", e.toString());
            return new Decision(true, Duration.ZERO);
        }
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(
                        false,
                        Duration.ofNanos(probe.getNanosToWaitForRefill())
                                .plusSeconds(1)
                                .withNanos(0));
    }
}
