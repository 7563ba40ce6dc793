package vn.hailong.survey;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

import vn.hailong.platform.RateLimitBuckets;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    final AttemptLimiter limiter = new AttemptLimiter(5, RateLimitBuckets.local(clock));

    @Test
    void an_address_may_try_the_allowed_number_of_times_and_is_then_told_to_wait() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.attempt("203.0.113.7").allowed())
                    .as("attempt " + (i + 1))
                    .isTrue();
        }
        AttemptLimiter.Decision refused = limiter.attempt("203.0.113.7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(61));
    }

    @Test
    void other_addresses_are_not_affected() {
        for (int i = 0; i < 6; i++) {
            limiter.attempt("203.0.113.7");
        }
        assertThat(limiter.attempt("198.51.100.20").allowed()).isTrue();
    }

    @Test
    void attempts_come_back_as_time_passes() {
        for (int i = 0; i < 6; i++) {
            limiter.attempt("203.0.113.7");
        }
        nanos.addAndGet(Duration.ofSeconds(13).toNanos());
        assertThat(limiter.attempt("203.0.113.7").allowed()).isTrue();
        assertThat(limiter.attempt("203.0.113.7").allowed()).isFalse();
    }
}
