package vn.hailong.kiosk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineRuleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final OfflineRule RULE = new OfflineRule(
            Duration.ofMinutes(15),
            LocalTime.of(7, 0),
            LocalTime.of(17, 30),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
            ZONE);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @Test
    void silent_fifteen_minutes_during_opening_hours_is_an_alert_since_the_last_heartbeat() {
        // 2026-11-23 is a Monday.
        assertThat(RULE.alertSince(at("2026-11-23T10:15:00"), at("2026-11-23T10:00:00")))
                .contains(at("2026-11-23T10:00:00"));
        assertThat(RULE.alertSince(at("2026-11-23T10:14:59"), at("2026-11-23T10:00:00")))
                .isEmpty();
    }

    @Test
    void silence_overnight_counts_only_from_opening_time() {
        Instant lastEvening = at("2026-11-23T17:25:00");
        assertThat(RULE.alertSince(at("2026-11-24T07:10:00"), lastEvening)).isEmpty();
        assertThat(RULE.alertSince(at("2026-11-24T07:15:00"), lastEvening)).contains(at("2026-11-24T07:00:00"));
        assertThat(RULE.alertSince(at("2026-11-24T07:15:00"), null)).contains(at("2026-11-24T07:00:00"));
    }

    @Test
    void no_alert_outside_opening_hours_or_on_sunday() {
        Instant longAgo = at("2026-11-20T09:00:00");
        assertThat(RULE.alertSince(at("2026-11-23T06:59:59"), longAgo)).isEmpty();
        assertThat(RULE.alertSince(at("2026-11-23T17:30:00"), longAgo)).isEmpty();
        assertThat(RULE.alertSince(at("2026-11-22T10:00:00"), longAgo))
                .as("Sunday")
                .isEmpty();
        assertThat(RULE.alertSince(at("2026-11-23T17:29:59"), longAgo)).contains(at("2026-11-23T07:00:00"));
    }
}
