package vn.hailong.platform;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried, with the errors as a Galera cluster raises them (seen in the loopback
 * proof, src/test/cluster/): a certification failure, at commit or of a statement whose transaction
 * a replicated one aborted (brute-force abort), is error 1213 with SQLSTATE 40001, the deadlock's.
 */
class TransientWriteConflictTest {

    static final String GALERA_MESSAGE = "Deadlock found when trying to get lock; try restarting transaction";
    final TransientWriteConflict conflict = new TransientWriteConflict();

    /** What MariaDB Connector/J throws for it (40xxx states are transaction rollbacks). */
    static SQLException certificationFailure() {
        return new SQLTransactionRollbackException("(conn=9) " + GALERA_MESSAGE, "40001", 1213);
    }

    @Test
    void a_certification_failure_is_retried_however_it_is_wrapped() {
        assertThat(conflict.shouldRetry(null, certificationFailure())).isTrue();
        assertThat(conflict.shouldRetry(null, new CannotAcquireLockException("statement", certificationFailure())))
                .isTrue();
        // At commit, JPA's transaction manager wraps it in a plain transaction exception.
        assertThat(conflict.shouldRetry(
                        null,
                        new TransactionSystemException(
                                "commit failed",
                                new JpaSystemException(new RuntimeException("commit", certificationFailure())))))
                .isTrue();
        // Recognised by the code even when a driver reports it as a plain SQLException.
        assertThat(conflict.shouldRetry(
                        null,
                        new TransactionSystemException(
                                "commit failed", new SQLException(GALERA_MESSAGE, "40001", 1213))))
                .isTrue();
        assertThat(conflict.shouldRetry(
                        null, new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
                .isTrue();
    }

    @Test
    void a_full_pool_a_duplicate_and_broken_input_are_not() {
        // A pool that stayed full: trying again at once would only queue more work (the request is shed with 503).
        assertThat(conflict.shouldRetry(
                        null,
                        new CannotCreateTransactionException(
                                "Could not open JPA EntityManager",
                                new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available, request timed out after 3000ms"))))
                .isFalse();
        assertThat(conflict.shouldRetry(
                        null,
                        new DataIntegrityViolationException(
                                "dup", new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(conflict.shouldRetry(null, InvalidInputException.unprocessable("answers.overall", "unknown answer")))
                .isFalse();
    }
}
