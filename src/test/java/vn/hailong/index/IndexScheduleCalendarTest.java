package vn.hailong.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hailong.followup.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexScheduleCalendarTest {

    /** 1 January 2027 (a Friday) as a holiday; 2 September 2026 (National Day, a Wednesday) too. */
    final IndexScheduleCalendar calendar = new IndexScheduleCalendar(
            new WorkingDays(Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 9, 2))), LocalTime.of(6, 0), 5);

    @Test
    void the_first_working_day_skips_weekends_and_holidays() {
        assertThat(calendar.firstWorkingDay(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2026, 12, 1)); // a Tuesday
        assertThat(calendar.firstWorkingDay(YearMonth.of(2026, 11)))
                .isEqualTo(LocalDate.of(2026, 11, 2)); // Sunday the 1st
        assertThat(calendar.firstWorkingDay(YearMonth.of(2027, 1)))
                .isEqualTo(LocalDate.of(2027, 1, 4)); // holiday Friday, weekend
        assertThat(calendar.firstWorkingDay(YearMonth.of(2026, 8)))
                .isEqualTo(LocalDate.of(2026, 8, 3)); // Saturday the 1st
    }

    @Test
    void a_months_draft_is_due_from_run_at_on_the_next_months_first_working_day_and_stays_due() {
        assertThat(calendar.draftDue(LocalDateTime.of(2026, 12, 1, 5, 59))).isEmpty();
        assertThat(calendar.draftDue(LocalDateTime.of(2026, 12, 1, 6, 0))).contains(YearMonth.of(2026, 11));
        assertThat(calendar.draftDue(LocalDateTime.of(2026, 12, 17, 1, 0))).contains(YearMonth.of(2026, 11));
        assertThat(calendar.draftDue(LocalDateTime.of(2027, 1, 1, 9, 0)))
                .as("a holiday")
                .isEmpty();
        assertThat(calendar.draftDue(LocalDateTime.of(2027, 1, 3, 9, 0)))
                .as("the weekend after it")
                .isEmpty();
        assertThat(calendar.draftDue(LocalDateTime.of(2027, 1, 4, 6, 30))).contains(YearMonth.of(2026, 12));
    }

    @Test
    void a_draft_is_reminded_of_after_more_than_five_working_days() {
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        assertThat(calendar.reminderDue(tuesday, LocalDate.of(2026, 12, 8))).isFalse();
        assertThat(calendar.reminderDue(tuesday, LocalDate.of(2026, 12, 9))).isTrue();
        // computed on Friday 28 August: 31/8, 1/9, 3/9, 4/9, 7/9 are its five (2/9 is a holiday)
        assertThat(calendar.reminderDue(LocalDate.of(2026, 8, 28), LocalDate.of(2026, 9, 7)))
                .isFalse();
        assertThat(calendar.reminderDue(LocalDate.of(2026, 8, 28), LocalDate.of(2026, 9, 8)))
                .isTrue();
        assertThat(calendar.reminderDue(tuesday, LocalDate.of(2026, 12, 12)))
                .as("not on a Saturday")
                .isFalse();
        assertThatThrownBy(() -> new IndexScheduleCalendar(new WorkingDays(Set.of()), LocalTime.NOON, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
