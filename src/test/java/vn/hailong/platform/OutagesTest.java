package vn.hailong.platform;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import vn.hailong.platform.Outages.Outage;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures pass by themselves (503 + Retry-After) and which are real errors. */
class OutagesTest {

    /** What Hikari throws when no connection became free within connection-timeout (pool exhausted or database gone). */
    private static SQLTransientConnectionException poolTimedOut() {
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms");
    }

    @Test
    void an_exhausted_pool_at_the_start_of_a_transaction_is_the_database_unavailable() {
        var failure = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new PersistenceException("Unable to acquire JDBC Connection", poolTimedOut()));

        assertThat(Outages.of(failure)).contains(Outage.DATABASE_UNAVAILABLE);
    }

    @Test
    void spring_jdbc_failing_to_get_a_connection_is_the_database_unavailable() {
        assertThat(Outages.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut())))
                .contains(Outage.DATABASE_UNAVAILABLE);
        assertThat(Outages.of(new TransientDataAccessResourceException("resource busy")))
                .contains(Outage.DATABASE_UNAVAILABLE);
        assertThat(Outages.of(new QueryTimeoutException("statement timed out"))).contains(Outage.DATABASE_UNAVAILABLE);
    }

    @Test
    void a_broken_connection_deep_inside_jpa_wrappers_is_found_through_the_causes() {
        var broken = new SQLNonTransientConnectionException("(conn=42) Connection reset", "08000");
        var failure = new IllegalStateException(
                "listener failed", new JpaSystemException(new PersistenceException("commit", broken)));

        assertThat(Outages.of(failure)).contains(Outage.DATABASE_UNAVAILABLE);
    }

    @Test
    void a_connection_lost_mid_transaction_is_found_behind_the_rollback_failure_that_replaced_it() {
        // What TransactionTemplate throws when the connection died under a statement: the rollback
        // fails too, and its exception, which says nothing about the database, replaces the first.
        var lost = new DataAccessResourceFailureException(
                "PreparedStatementCallback; (conn=4) Socket error",
                new SQLNonTransientConnectionException("(conn=4) Socket error", "08000"));
        var rollback = new TransactionSystemException(
                "Could not roll back JPA transaction",
                new PersistenceException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        rollback.initApplicationException(lost);

        assertThat(Outages.of(rollback)).contains(Outage.DATABASE_UNAVAILABLE);
        assertThat(Outages.of(new TransactionSystemException(
                        "Could not roll back JPA transaction",
                        new PersistenceException("Unable to rollback", new SQLException("Connection is closed")))))
                .isEmpty();
    }

    @Test
    void too_many_connections_and_a_galera_node_not_ready_are_the_database_unavailable() {
        assertThat(Outages.of(new RuntimeException(new SQLException("Too many connections", "HY000", 1040))))
                .contains(Outage.DATABASE_UNAVAILABLE);
        assertThat(Outages.of(new RuntimeException(
                        new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047))))
                .contains(Outage.DATABASE_UNAVAILABLE);
    }

    @Test
    void deadlocks_lock_wait_timeouts_and_galera_certification_failures_are_conflicting_writes() {
        assertThat(Outages.of(new CannotAcquireLockException(
                        "lock wait", new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
                .contains(Outage.CONFLICTING_WRITES);
        // Galera reports a transaction aborted by certification as a deadlock (1213, state 40001), here unwrapped by
        // Spring.
        assertThat(Outages.of(new PersistenceException(new SQLException(
                        "WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213))))
                .contains(Outage.CONFLICTING_WRITES);
    }

    @Test
    void real_errors_are_not_outages() {
        assertThat(Outages.of(new DataIntegrityViolationException(
                        "duplicate", new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))))
                .isEmpty();
        assertThat(Outages.of(new RuntimeException(new SQLSyntaxErrorException("Unknown column", "42S22", 1054))))
                .isEmpty();
        assertThat(Outages.of(new IllegalArgumentException("bug"))).isEmpty();
        assertThat(Outages.of(null)).isEmpty();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(Outages.of(b)).isEmpty();
    }

    @Test
    void the_answer_is_503_with_retry_after_in_seconds_and_a_problem_body() {
        var response = Outage.DATABASE_UNAVAILABLE.response();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getStatus()).isEqualTo(503);
        assertThat(response.getBody().getDetail()).isNotBlank();
        assertThat(Outage.CONFLICTING_WRITES.retryAfterHeader()).isEqualTo("1");
    }
}
