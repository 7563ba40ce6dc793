package vn.hailong.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Token buckets (bucket4j) by key, such as {@code survey-link:203.0.113.7}. The application's
 * instance keeps them in the database ({@code rate_limit_bucket}, see
 * {@link vn.hailong.platform.limits.JdbcRateLimitBuckets}), so that a limit holds across every node
 * behind the load balancer: an attacker whose requests are spread over three nodes gets the same
 * budget as on one. {@link #local(TimeMeter)} keeps them in this JVM only, for rules tested without
 * a database.
 */
public interface RateLimitBuckets {

    /** The bucket of this key, created with this configuration the first time it is used. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /** Buckets in this JVM only, on this clock. Idle buckets are forgotten once there are very many. */
    static RateLimitBuckets local(TimeMeter time) {
        Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        return (key, configuration) -> {
            if (buckets.size() > 100_000) {
                buckets.clear(); // a flood of addresses: start afresh rather than grow without bound
            }
            return buckets.computeIfAbsent(key, k -> {
                LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
                for (var bandwidth : configuration.get().getBandwidths()) {
                    builder.addLimit(bandwidth);
                }
                return builder.build();
            });
        };
    }
}
