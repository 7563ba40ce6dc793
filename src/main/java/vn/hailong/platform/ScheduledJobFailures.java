package vn.hailong.platform;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * How a failed run of a {@code @Scheduled} job is logged. Spring's default logs every failure at
 * ERROR with its stack trace; while a database member fails over or the pool is briefly exhausted,
 * every job of every node (mail, rollups, escalations, kiosk checks…) would write one such trace per
 * run, for a failure that passes by itself and that the job's next run repairs (each job keeps its
 * work in the database and picks it up again). Those runs are logged at WARN in one line naming the
 * outage ({@link Outages}); any other failure is still an ERROR with its stack trace. The job keeps
 * its schedule either way, as before.
 *
 * <p>Set on the scheduler Spring Boot builds, through its customizers (the simple scheduler with
 * virtual threads, the thread pool one without), so it covers every {@code @Scheduled} method.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFailures.class);

    @Bean
    static SimpleAsyncTaskSchedulerCustomizer scheduledJobFailuresOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }

    @Bean
    static ThreadPoolTaskSchedulerCustomizer scheduledJobFailuresOnPlatformThreads() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }

    @Override
    public void handleError(Throwable failure) {
        Optional<Outages.Outage> outage = Outages.of(failure);
        if (outage.isPresent()) {
            log.warn(
                    "A scheduled job's run was skipped ({}: {}); it runs again at its next interval",
                    outage.get().title(),
                    failure.toString());
        } else {
            log.error("Unexpected error occurred in scheduled task", failure);
        }
    }
}
