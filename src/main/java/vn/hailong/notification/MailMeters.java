package vn.hailong.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.platform.management.CachedGauges;

/**
 * The outbox as an operator watches it: {@code mail_outbox} rows still PENDING, and the age of the
 * oldest (a mail server that is down shows here first). Counts on the index (status, next_attempt_at).
 */
@Component
class MailMeters {

    MailMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        CachedGauges.register(
                registry,
                "hailong.mail.pending",
                "E-mails queued in mail_outbox and not yet sent",
                "mails",
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'", Long.class));
        CachedGauges.register(
                registry,
                "hailong.mail.oldest.age",
                "Age of the oldest e-mail still pending (0 when none)",
                "seconds",
                () -> {
                    Timestamp oldest = jdbc.queryForObject(
                            "SELECT MIN(created_at) FROM mail_outbox WHERE status = 'PENDING'", Timestamp.class);
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
    }
}
