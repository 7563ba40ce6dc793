package vn.hailong.followup;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.platform.management.CachedGauges;

/**
 * The follow-up module's meter: the cases past their deadline, still open or contacted. Counts on
 * the index (status, due_on). The mail outbox's meters are the notification module's.
 */
@Component
class FollowUpMeters {

    FollowUpMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
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
