package vn.hailong.followup;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    final WorkingDays plain = new WorkingDays(Set.of());

    @Test
    void five_working_days_after_a_monday_is_the_next_monday() {
        assertThat(plain.after(LocalDate.of(2026, 11, 16), 5)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void weekends_do_not_count_even_when_the_case_opens_on_one() {
        // Friday + 1 working day = Monday; Saturday + 1 = Monday; Sunday + 1 = Monday.
        assertThat(plain.after(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(plain.after(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(plain.after(LocalDate.of(2026, 11, 22), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void configured_holidays_are_skipped() {
        // Tết 2027: 5–10 February off (Friday to Wednesday).
        WorkingDays tet = new WorkingDays(Set.of(
                LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 2, 10)));
        assertThat(tet.after(LocalDate.of(2027, 2, 4), 1)).isEqualTo(LocalDate.of(2027, 2, 11));
        assertThat(tet.isWorkingDay(LocalDate.of(2027, 2, 9))).isFalse();
        assertThat(tet.isWorkingDay(LocalDate.of(2027, 2, 11))).isTrue();
    }

    @Test
    void zero_days_is_the_start_day_and_negative_days_are_refused() {
        assertThat(plain.after(LocalDate.of(2026, 11, 18), 0)).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThatThrownBy(() -> plain.after(LocalDate.of(2026, 11, 18), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
