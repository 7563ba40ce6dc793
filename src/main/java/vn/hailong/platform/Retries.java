package vn.hailong.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import io.micrometer.core.instrument.Metrics;

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

    private Retries() {}

    /** Up to {@code maxRetries} more attempts, 10 ms, 20 ms, 40 ms ... (at most 1 s) apart, each ± 10 ms. */
    public static RetryTemplate onWriteConflict(int maxRetries) {
        return counted(new RetryTemplate(policy(maxRetries, t -> CONFLICT.shouldRetry(null, t))));
    }

    /**
     * As {@link #onWriteConflict}, and also when a unique key refused the insert: a racing writer
     * stored the same thing first, and a new attempt finds it (and answers as the second one).
     */
    public static RetryTemplate onWriteConflictOrDuplicate(int maxRetries) {
        return counted(new RetryTemplate(policy(
                maxRetries, t -> CONFLICT.shouldRetry(null, t) || causedBy(t, DataIntegrityViolationException.class))));
    }

    /**
     * Every retry counts in {@code hailong.retries} with the reason of the failure it retries: the
     * operator's view of how often writers collide (on Galera: with another node, at commit). The
     * templates are static fields of their services, made before any Spring context, so the meter
     * is on Micrometer's global registry, to which Boot adds its own.
     */
    private static RetryTemplate counted(RetryTemplate template) {
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                Metrics.counter(RETRIES_METER, "reason", reason(state.getLastException()))
                        .increment();
            }
        });
        return template;
    }

    /** The name of the counter of retries, tagged {@code reason}. */
    public static final String RETRIES_METER = "hailong.retries";

    /** Why a write was retried, as the {@code reason} tag says it. */
    static String reason(@Nullable Throwable failure) {
        String reason = "other";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = String.valueOf(sql.getMessage());
                if (message.contains("WSREP") || message.contains("wsrep")) {
                    return "certification";
                }
                if (sql.getErrorCode() == 1213) {
                    return "deadlock";
                }
                if (sql.getErrorCode() == 1205) {
                    return "lock_wait_timeout";
                }
                if (sql.getErrorCode() == 1062) {
                    return "duplicate";
                }
            }
            if (t instanceof OptimisticLockingFailureException) {
                reason = "optimistic_lock";
            } else if (t instanceof DataIntegrityViolationException && reason.equals("other")) {
                reason = "duplicate";
            }
        }
        return reason;
    }

    private static RetryPolicy policy(int maxRetries, Predicate<Throwable> retryable) {
        return RetryPolicy.builder()
                .predicate(retryable)
                .maxRetries(maxRetries)
                .delay(Duration.ofMillis(10))
                .multiplier(2)
                .jitter(Duration.ofMillis(10))
                .maxDelay(Duration.ofSeconds(1))
                .build();
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
