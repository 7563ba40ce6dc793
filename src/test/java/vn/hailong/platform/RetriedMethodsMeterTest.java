package vn.hailong.platform;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries of {@code @Retryable} methods (the handover path, ADR 085) count in {@code hailong.retries}
 * like those of {@link Retries}: one per attempt made again, tagged with the reason of the failure
 * before it; none for a failure the predicate does not retry, none for the failure that ends an
 * exhausted retry. Spring's own retry interceptor, on a bean of a small context of its own.
 */
class RetriedMethodsMeterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AnnotationConfigApplicationContext context;
    private Writes writes;

    static SQLTransactionRollbackException certification() {
        return new SQLTransactionRollbackException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                "40001",
                1213);
    }

    /** A write that loses a race as often as told (as a handover does to another node), then succeeds. */
    static class Writes {
        // Set through methods: the bean the context hands out is a proxy, whose own fields are not the target's.
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int losses;
        private volatile RuntimeException failure;

        void lose(int times, RuntimeException with) {
            calls.set(0);
            losses = times;
            failure = with;
        }

        int calls() {
            return calls.get();
        }

        @Retryable(predicate = TransientWriteConflict.class, maxRetries = 3, delay = 1, jitter = 0, multiplier = 1)
        String handOver() {
            if (calls.incrementAndGet() <= losses) {
                throw failure;
            }
            return "stored";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class Config {
        @Bean
        Writes writes() {
            return new Writes();
        }

        @Bean
        RetriedMethodsMeter meter() {
            return new RetriedMethodsMeter();
        }
    }

    @BeforeEach
    void start() {
        Metrics.addRegistry(registry);
        context = new AnnotationConfigApplicationContext(Config.class);
        writes = context.getBean(Writes.class);
    }

    @AfterEach
    void stop() {
        context.close();
        Metrics.removeRegistry(registry);
    }

    @Test
    void two_certification_failures_then_success_count_two_retries_as_certification() {
        writes.lose(2, new PessimisticLockingFailureException("commit failed", certification()));

        assertThat(writes.handOver()).isEqualTo("stored");
        assertThat(count("certification")).isEqualTo(2);
        assertThat(all()).isEqualTo(2);
    }

    @Test
    void an_exhausted_retry_counts_its_retries_only_and_a_refused_failure_counts_none() {
        writes.lose(
                100,
                new PessimisticLockingFailureException(
                        "deadlock",
                        new SQLTransactionRollbackException(
                                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)));
        assertThatThrownBy(writes::handOver).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(writes.calls()).isEqualTo(4);
        assertThat(count("deadlock"))
                .as("3 attempts made again, not the 4 failures")
                .isEqualTo(3);

        writes.lose(100, new DataIntegrityViolationException("broken input"));
        assertThatThrownBy(writes::handOver).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(writes.calls()).isEqualTo(1);
        assertThat(all())
                .as("a failure the predicate does not retry is no retry")
                .isEqualTo(3);
    }

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
