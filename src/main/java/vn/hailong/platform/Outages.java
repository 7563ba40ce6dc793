package vn.hailong.platform;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures that will pass by themselves (the database unreachable, the connection pool
 * exhausted, a deadlock or a Galera certification conflict) from real errors. Those are answered
 * {@code 503 Service Unavailable} with {@code Retry-After}, never 500: the client did nothing wrong
 * and the same request, with the same idempotency key, will succeed later. One place, used by the
 * API's and the kiosk's problem handlers and by the filter in front of both.
 */
public final class Outages {

    /** What passes by itself, and how long a client should wait before retrying. */
    public enum Outage {
        /** The database cannot be reached, or every pooled connection stayed busy for the pool's whole wait. */
        DATABASE_UNAVAILABLE(
                Duration.ofSeconds(5),
                "Service unavailable",
                "The database is unavailable or overloaded; the request was not acknowledged. Send the same request again later."),
        /** A deadlock, lock wait timeout or certification conflict with another node that outlasted the retries. */
        CONFLICTING_WRITES(
                Duration.ofSeconds(1),
                "Service busy",
                "The request collided with concurrent writes and was rolled back; the request was not acknowledged. Send the same request again.");

        private final Duration retryAfter;
        private final String title;
        private final String detail;

        Outage(Duration retryAfter, String title, String detail) {
            this.retryAfter = retryAfter;
            this.title = title;
            this.detail = detail;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** The value of the {@code Retry-After} header: whole seconds. */
        public String retryAfterHeader() {
            return Long.toString(retryAfter.toSeconds());
        }

        public String title() {
            return title;
        }

        public String detail() {
            return detail;
        }

        /** The 503 answer with its problem body and {@code Retry-After}. */
        public ResponseEntity<ProblemDetail> response() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setType(URI.create("about:blank"));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, retryAfterHeader())
                    .body(problem);
        }
    }

    // MariaDB error codes (also raised by Galera) that a retry of the whole transaction cures.
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK =
            1213; // Galera reports certification failures (brute-force aborts) as this too
    private static final int ER_CON_COUNT_ERROR = 1040; // "Too many connections": max_connections reached
    private static final int ER_UNKNOWN_COM_ERROR =
            1047; // Galera: "WSREP has not yet prepared node for application use"
    private static final int ER_QUERY_INTERRUPTED = 1317;
    private static final int ER_STATEMENT_TIMEOUT = 1969; // max_statement_time exceeded

    // Failures come wrapped by Spring (translation, transactions), JPA and Hibernate; the cause that
    // decides may be deep. Bounded, so that a pathological chain cannot loop.
    private static final int MAX_DEPTH = 32;

    private Outages() {}

    /** The outage this failure is a symptom of, looking through its causes; empty for a real error. */
    public static Optional<Outage> of(@Nullable Throwable failure) {
        return Optional.ofNullable(walk(failure, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    private static @Nullable Outage walk(@Nullable Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = t.getCause()) {
            Outage outage = classify(t);
            if (outage != null) {
                return outage;
            }
            // A connection that died in the middle of a transaction fails the rollback too, and the
            // rollback's exception ("Could not roll back JPA transaction") replaces the one that
            // says what happened; Spring keeps that one as the application exception.
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
                Outage original = walk(tse.getApplicationException(), seen);
                if (original != null) {
                    return original;
                }
            }
        }
        return null;
    }

    private static @Nullable Outage classify(Throwable t) {
        // Spring's translated exceptions. CannotGetJdbcConnectionException is a DataAccessResourceFailureException;
        // Hikari's pool timeout arrives as one, or as CannotCreateTransactionException when a transaction begins.
        if (t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException
                || t instanceof RecoverableDataAccessException
                || t instanceof QueryTimeoutException) {
            return Outage.DATABASE_UNAVAILABLE;
        }
        // Deadlocks and lock wait timeouts (CannotAcquireLockException, PessimisticLockingFailureException)
        // and optimistic-lock failures: the same request succeeds once the competing write is done.
        if (t instanceof ConcurrencyFailureException) {
            return Outage.CONFLICTING_WRITES;
        }
        // JPA's own wrappers, when Spring's translation did not run (outside a repository proxy).
        if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
            return Outage.CONFLICTING_WRITES;
        }
        if (t instanceof jakarta.persistence.QueryTimeoutException) {
            return Outage.DATABASE_UNAVAILABLE;
        }
        if (t instanceof SQLException sql) {
            return classify(sql);
        }
        return null;
    }

    private static @Nullable Outage classify(SQLException sql) {
        // SQLTransientConnectionException: Hikari's "Connection is not available, request timed out".
        if (sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || sql instanceof SQLTimeoutException) {
            return Outage.DATABASE_UNAVAILABLE;
        }
        if (sql instanceof SQLTransactionRollbackException) {
            return Outage.CONFLICTING_WRITES;
        }
        String state = sql.getSQLState();
        int code = sql.getErrorCode();
        if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT || (state != null && state.startsWith("40"))) {
            return Outage
                    .CONFLICTING_WRITES; // SQL state class 40: transaction rollback (serialization failure, deadlock)
        }
        if (code == ER_CON_COUNT_ERROR
                || code == ER_UNKNOWN_COM_ERROR
                || code == ER_QUERY_INTERRUPTED
                || code == ER_STATEMENT_TIMEOUT
                || (state != null && state.startsWith("08"))) {
            return Outage.DATABASE_UNAVAILABLE; // SQL state class 08: connection exception
        }
        return null;
    }
}
