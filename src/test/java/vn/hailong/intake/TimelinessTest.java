package vn.hailong.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Trước hạn / đúng hạn / trễ hạn": early, on time and late, cut in the province's zone. */
class TimelinessTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant DUE = local("2026-11-20T17:00:00");

    static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+07:00").toInstant();
    }

    @Test
    void a_result_returned_after_the_due_instant_is_late() {
        assertThat(Timeliness.of(DUE, local("2026-11-21T09:00:00"), HANOI)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void a_result_returned_one_second_after_the_due_instant_is_late_even_on_the_due_day() {
        assertThat(Timeliness.of(DUE, DUE.plusSeconds(1), HANOI)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void a_result_returned_on_an_earlier_calendar_day_is_early() {
        assertThat(Timeliness.of(DUE, local("2026-11-19T16:59:59"), HANOI)).isEqualTo(Timeliness.EARLY);
        assertThat(Timeliness.of(DUE, local("2026-11-02T08:30:00"), HANOI)).isEqualTo(Timeliness.EARLY);
    }

    @Test
    void a_result_returned_on_the_due_day_before_the_due_time_is_on_time() {
        assertThat(Timeliness.of(DUE, local("2026-11-20T08:00:00"), HANOI)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void a_result_returned_exactly_at_the_due_instant_is_on_time() {
        assertThat(Timeliness.of(DUE, DUE, HANOI)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void without_a_due_date_or_before_the_result_is_returned_there_is_no_timeliness() {
        assertThat(Timeliness.of(null, local("2026-11-20T08:00:00"), HANOI)).isNull();
        assertThat(Timeliness.of(DUE, null, HANOI)).isNull();
        assertThat(Timeliness.of(null, null, HANOI)).isNull();
    }

    @Test
    void the_day_is_the_local_day_when_utc_puts_the_return_on_the_day_before() {
        // Returned at 01:00 on the due day in Hà Nội, which is still the 19th in UTC.
        Instant returned = local("2026-11-20T01:00:00");
        assertThat(returned.atZone(ZoneOffset.UTC).toLocalDate()).hasToString("2026-11-19");

        assertThat(Timeliness.of(DUE, returned, HANOI)).isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.of(DUE, returned, ZoneOffset.UTC)).isEqualTo(Timeliness.EARLY);
    }

    @Test
    void the_day_is_the_local_day_when_utc_puts_the_return_on_the_due_day() {
        // Due just after midnight in Hà Nội (still the 20th in UTC); returned late on the 20th, local time.
        Instant due = local("2026-11-21T00:30:00");
        Instant returned = local("2026-11-20T23:00:00");
        assertThat(returned.atZone(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(due.atZone(ZoneOffset.UTC).toLocalDate());

        assertThat(Timeliness.of(due, returned, HANOI)).isEqualTo(Timeliness.EARLY);
        assertThat(Timeliness.of(due, returned, ZoneOffset.UTC)).isEqualTo(Timeliness.ON_TIME);
    }
}
