package vn.hailong.platform;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Retries of work that lost a race in the database: a deadlock, a lock wait timeout, an optimistic
 * lock, or (on a Galera cluster) a certification failure, which MariaDB reports as a deadlock
 * (Spring translates each to a {@link ConcurrencyFailureException}). Exponential backoff with jitter,
 * so that two writers that collided do not collide again at the same instant. Only ever around a
 * whole transaction: inside one, a retry cannot help, as the transaction is marked for rollback.
 */
public final class Retries {

    private Retries() {
    }

    /** Up to {@code maxRetries} more attempts, 10 ms, 20 ms, 40 ms ... (at most 1 s) apart, each ± 10 ms. */
    public static RetryTemplate onConcurrencyFailure(int maxRetries) {
        return new RetryTemplate(policy(maxRetries, ConcurrencyFailureException.class));
    }

    /** As {@link #onConcurrencyFailure}, for these failures. */
    @SafeVarargs
    public static RetryPolicy policy(int maxRetries, Class<? extends Throwable>... failures) {
        return RetryPolicy.builder().includes(failures).maxRetries(maxRetries).delay(Duration.ofMillis(10)).multiplier(2)
                .jitter(Duration.ofMillis(10)).maxDelay(Duration.ofSeconds(1)).build();
    }
}
