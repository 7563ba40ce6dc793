package vn.hailong.followup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.platform.management.CachedGauges;

/**
 * The follow-up module's meters: the mail outbox ({@code follow_up_mail} rows still PENDING, and the
 * age of the oldest: a mail server that is down shows here first) and the cases past their
 * deadline, still open or contacted. Counts on the indexes (status, next_attempt_at) and
 * (status, due_on).
 */
@Component
class FollowUpMeters {

    FollowUpMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        CachedGauges.register(
                registry,
                "hailong.mail.pending",
                "E-mails queued in follow_up_mail and not yet sent",
                "mails",
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM follow_up_mail WHERE status = 'PENDING'", Long.class));
        CachedGauges.register(
                registry,
                "hailong.mail.oldest.age",
                "Age of the oldest e-mail still pending (0 when none)",
                "seconds",
                () -> {
                    Timestamp oldest = jdbc.queryForObject(
                            "SELECT MIN(created_at) FROM follow_up_mail WHERE status = 'PENDING'", Timestamp.class);
                    return oldest == null
                            ? 0
                            : Math.max(
                                            0,
                                            Duration.between(
                                                            oldest.toLocalDateTime()
                                                                    .toInstant(ZoneOffset.UTC),
                                                            clock.instant())
                                                    .toMillis())
                                    / 1000.0;
                });
        CachedGauges.register(
                registry,
                "hailong.followup.overdue",
                "Follow-up cases past their deadline, still open or contacted",
                "cases",
                () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case WHERE status IN ('OPEN', 'CONTACTED') AND due_on < ?",
                        Long.class,
                        Date.valueOf(LocalDate.now(clock))));
    }
}
