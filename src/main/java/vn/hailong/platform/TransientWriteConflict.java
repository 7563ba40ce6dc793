package vn.hailong.platform;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.resilience.retry.MethodRetryPredicate;

/**
 * Which failures of a write are worth trying again, for {@code @Retryable(predicate = ...)}: the
 * transaction lost a race and was rolled back whole, so a new attempt may well succeed. A deadlock
 * or a lock wait timeout, an optimistic-lock version mismatch, and on a Galera cluster a
 * certification conflict with another node (error 1213, SQLSTATE 40001, reported at commit).
 * Broken input, missing rows and broken rules are never retried: the next attempt would fail alike.
 */
public class TransientWriteConflict implements MethodRetryPredicate {

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    @Override
    public boolean shouldRetry(@Nullable Method method, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransient(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this failure, leaving its causes aside, is a lost race. */
    protected boolean isTransient(Throwable t) {
        // Spring's transient family: optimistic-lock failures, deadlock losers, lock acquisition.
        if (t instanceof TransientDataAccessException || t instanceof SQLTransactionRollbackException) {
            return true;
        }
        // A commit-time failure (a Galera certification conflict) may reach us wrapped in a plain
        // transaction exception, with only the driver's SQLException telling what happened.
        return t instanceof SQLException sql
                && (sql.getErrorCode() == ER_LOCK_DEADLOCK
                        || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                        || "40001".equals(sql.getSQLState()));
    }
}
