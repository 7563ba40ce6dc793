package vn.hailong.survey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Limits how often one client address may open survey links (a token bucket per address, with
 * bucket4j), so that tokens cannot be guessed by brute force. The limit is generous because
 * many citizens share one carrier-grade NAT address. Nothing about the address is stored beyond
 * the bucket, and buckets of idle addresses are dropped.
 */
public final class AttemptLimiter {

    /** Whether an attempt may go on, and if not, how long to wait. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private record Entry(Bucket bucket, long lastSeenNanos) {
    }

    private static final int MAX_ADDRESSES = 100_000;

    private final int attemptsPerMinute;
    private final TimeMeter time;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    public AttemptLimiter(int attemptsPerMinute, TimeMeter time) {
        if (attemptsPerMinute < 1) {
            throw new IllegalArgumentException("attempts per minute must be at least 1");
        }
        this.attemptsPerMinute = attemptsPerMinute;
        this.time = time;
    }

    public Decision attempt(String clientAddress) {
        long now = time.currentTimeNanos();
        if (buckets.size() > MAX_ADDRESSES) {
            long idleSince = now - Duration.ofMinutes(2).toNanos();
            buckets.values().removeIf(e -> e.lastSeenNanos() < idleSince);
        }
        Entry entry = buckets.compute(clientAddress, (address, known) -> new Entry(
                known != null ? known.bucket() : newBucket(), now));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attemptsPerMinute).refillGreedy(attemptsPerMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
