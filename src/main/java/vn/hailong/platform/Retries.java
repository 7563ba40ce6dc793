package vn.hailong.platform;

import java.time.Duration;
import java.util.function.Predicate;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Programmatic retries of whole transactions that lost a race in the database (the failures
 * {@link TransientWriteConflict} names: a deadlock, a lock wait timeout, an optimistic lock, a
 * Galera certification failure at commit), for code that runs a {@code TransactionTemplate} and so
 * cannot use {@code @Retryable}. Exponential backoff with jitter, so that two writers that collided
 * do not collide again at the same instant. Only ever around a whole transaction: inside one, a
 * retry cannot help, as the transaction is marked for rollback.
 */
public final class Retries {

    private static final TransientWriteConflict CONFLICT = new TransientWriteConflict();

    private Retries() {
    }

    /** Up to {@code maxRetries} more attempts, 10 ms, 20 ms, 40 ms ... (at most 1 s) apart, each ± 10 ms. */
    public static RetryTemplate onWriteConflict(int maxRetries) {
        return new RetryTemplate(policy(maxRetries, t -> CONFLICT.shouldRetry(null, t)));
    }

    /**
     * As {@link #onWriteConflict}, and also when a unique key refused the insert: a racing writer
     * stored the same thing first, and a new attempt finds it (and answers as the second one).
     */
    public static RetryTemplate onWriteConflictOrDuplicate(int maxRetries) {
        return new RetryTemplate(policy(maxRetries, t -> CONFLICT.shouldRetry(null, t) || causedBy(t, DataIntegrityViolationException.class)));
    }

    private static RetryPolicy policy(int maxRetries, Predicate<Throwable> retryable) {
        return RetryPolicy.builder().predicate(retryable).maxRetries(maxRetries).delay(Duration.ofMillis(10)).multiplier(2)
                .jitter(Duration.ofMillis(10)).maxDelay(Duration.ofSeconds(1)).build();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
