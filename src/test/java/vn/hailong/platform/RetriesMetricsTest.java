package vn.hailong.platform;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** Every retry of {@link Retries} counts in {@code hailong.retries}, tagged with why the attempt before it failed. */
class RetriesMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void a_galera_certification_failure_and_a_deadlock_each_count_under_their_reason() {
        SQLException certification = new SQLTransactionRollbackException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                "40001",
                1213);
        SQLException deadlock = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        AtomicInteger attempts = new AtomicInteger();
        String result = Retries.onWriteConflict(4).invoke(() -> switch (attempts.incrementAndGet()) {
            case 1 -> throw new PessimisticLockingFailureException("commit failed", certification);
            case 2 -> throw new PessimisticLockingFailureException("deadlock", deadlock);
            default -> "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(count("certification")).isEqualTo(1);
        assertThat(count("deadlock")).isEqualTo(1);
    }

    @Test
    void
            a_duplicate_key_retried_by_the_duplicate_aware_template_counts_as_duplicate_and_a_first_success_counts_nothing() {
        double allBefore = all();
        AtomicInteger attempts = new AtomicInteger();
        Retries.onWriteConflictOrDuplicate(2).invoke(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DataIntegrityViolationException(
                        "Duplicate entry", new SQLException("Duplicate entry 'x'", "23000", 1062));
            }
        });
        Retries.onWriteConflict(2).invoke(() -> {});
        assertThat(count("duplicate")).isEqualTo(1);
        assertThat(all() - allBefore).as("one retry in all").isEqualTo(1);
    }

    /** All retries, whatever their reason (the global registry keeps other tests' counters). */
    private double all() {
        return registry.find(Retries.RETRIES_METER).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double count(String reason) {
        var counter = registry.find(Retries.RETRIES_METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
