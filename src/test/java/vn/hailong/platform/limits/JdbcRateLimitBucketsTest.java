package vn.hailong.platform.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes (two instances on one database) share one budget per key, also when they race. */
@HaiLongTest
class JdbcRateLimitBucketsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    static BucketConfiguration tenPerMinute() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(10)
                        .refillGreedy(10, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    @Test
    void tokens_taken_on_one_node_are_gone_on_the_other() {
        JdbcRateLimitBuckets nodeA = new JdbcRateLimitBuckets(dataSource);
        JdbcRateLimitBuckets nodeB = new JdbcRateLimitBuckets(dataSource);
        String key = "test:" + TestData.uniqueSuffix();

        int taken = 0;
        for (int i = 0; i < 12; i++) {
            if ((i % 2 == 0 ? nodeA : nodeB)
                    .bucket(key, JdbcRateLimitBucketsTest::tenPerMinute)
                    .tryConsume(1)) {
                taken++;
            }
        }

        assertThat(taken).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit_bucket WHERE bucket_key = ?", Long.class, key))
                .isEqualTo(1);
    }

    @Test
    void racing_nodes_never_hand_out_more_than_the_budget() throws Exception {
        List<JdbcRateLimitBuckets> nodes = List.of(
                new JdbcRateLimitBuckets(dataSource),
                new JdbcRateLimitBuckets(dataSource),
                new JdbcRateLimitBuckets(dataSource));
        String key = "test:" + TestData.uniqueSuffix();
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                JdbcRateLimitBuckets node = nodes.get(i % nodes.size());
                attempts.add(pool.submit(() ->
                        node.bucket(key, JdbcRateLimitBucketsTest::tenPerMinute).tryConsume(1)));
            }
        }
        long granted = 0;
        for (Future<Boolean> attempt : attempts) {
            granted += attempt.get() ? 1 : 0;
        }

        assertThat(granted).isEqualTo(10);
    }

    @Test
    void buckets_full_for_a_while_are_deleted_and_busy_ones_kept() {
        JdbcRateLimitBuckets buckets = new JdbcRateLimitBuckets(dataSource);
        String quiet = "test:" + TestData.uniqueSuffix();
        String busy = "test:" + TestData.uniqueSuffix();
        buckets.bucket(quiet, JdbcRateLimitBucketsTest::tenPerMinute).tryConsume(1);
        buckets.bucket(busy, JdbcRateLimitBucketsTest::tenPerMinute).tryConsume(1);
        jdbc.update(
                "UPDATE rate_limit_bucket SET expires_at = ? WHERE bucket_key = ?",
                System.currentTimeMillis() - 1,
                quiet);

        buckets.deleteExpired(1000);

        assertThat(jdbc.queryForList(
                        "SELECT bucket_key FROM rate_limit_bucket WHERE bucket_key IN (?, ?)",
                        String.class,
                        quiet,
                        busy))
                .containsExactly(busy);
    }
}
