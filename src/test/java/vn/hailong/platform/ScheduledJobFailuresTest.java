package vn.hailong.platform;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.TaskScheduler;

import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job's run that fails because the database is away is one WARN line, not an ERROR
 * with a stack trace; any other failure is still an ERROR with its trace; the job keeps its
 * schedule. On the scheduler the application's {@code @Scheduled} methods run on.
 */
@HaiLongTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobFailuresTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void a_run_failing_on_a_database_outage_is_one_warning_and_the_job_runs_again(CapturedOutput output)
            throws InterruptedException {
        CountDownLatch twice = new CountDownLatch(2);
        ScheduledFuture<?> job = scheduler.scheduleWithFixedDelay(
                () -> {
                    twice.countDown();
                    throw new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
                },
                Instant.now(),
                Duration.ofMillis(50));
        try {
            assertThat(twice.await(10, TimeUnit.SECONDS))
                    .as("ran again after the failure")
                    .isTrue();
        } finally {
            job.cancel(false);
        }
        String log = logOnceItHas(output, "A scheduled job's run was skipped");
        assertThat(log).contains("WARN", "A scheduled job's run was skipped (Service unavailable: ");
        assertThat(log).doesNotContain("Unexpected error occurred in scheduled task");
        assertThat(log).doesNotContain("at vn.hailong.platform.ScheduledJobFailuresTest");
    }

    @Test
    void any_other_failure_is_still_an_error_with_its_stack_trace(CapturedOutput output) throws InterruptedException {
        CountDownLatch once = new CountDownLatch(1);
        ScheduledFuture<?> job = scheduler.scheduleWithFixedDelay(
                () -> {
                    once.countDown();
                    throw new IllegalStateException("a real bug in a job");
                },
                Instant.now(),
                Duration.ofSeconds(30));
        try {
            assertThat(once.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.cancel(false);
        }
        assertThat(logOnceItHas(output, "a real bug in a job"))
                .contains("ERROR", "Unexpected error occurred in scheduled task", "a real bug in a job")
                .contains("at vn.hailong.platform.ScheduledJobFailuresTest");
    }

    /** The captured log as soon as it holds {@code text} (the handler logs on the scheduler's thread), or after 5 s. */
    private static String logOnceItHas(CapturedOutput output, String text) throws InterruptedException {
        Supplier<String> log = () -> output.getOut() + output.getErr();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!log.get().contains(text) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return log.get();
    }
}
