package vn.hailong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A period is read from whole-month rows plus day rows at its edges. */
class PeriodCoverTest {

    static PeriodCover.Range range(String start, String end) {
        return new PeriodCover.Range(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void a_calendar_month_is_one_month_row_range_and_no_days() {
        PeriodCover cover = PeriodCover.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
        assertThat(cover.months()).containsExactly(range("2026-10-01", "2026-11-01"));
        assertThat(cover.days()).isEmpty();
    }

    @Test
    void a_custom_period_reads_edge_days_and_the_whole_months_between() {
        PeriodCover cover = PeriodCover.of(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-04-10"));
        assertThat(cover.months()).containsExactly(range("2026-02-01", "2026-04-01"));
        assertThat(cover.days()).containsExactly(range("2026-01-15", "2026-02-01"), range("2026-04-01", "2026-04-11"));
    }

    @Test
    void days_within_one_month_are_read_from_day_rows() {
        PeriodCover cover = PeriodCover.of(LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-28"));
        assertThat(cover.months()).isEmpty();
        assertThat(cover.days()).containsExactly(range("2026-02-03", "2026-03-01"));
    }

    @Test
    void a_year_is_twelve_months_of_month_rows() {
        PeriodCover cover = PeriodCover.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));
        assertThat(cover.months()).containsExactly(range("2025-01-01", "2026-01-01"));
        assertThat(cover.days()).isEqualTo(List.of());
    }

    @Test
    void a_single_day_and_a_reversed_period() {
        assertThat(PeriodCover.of(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-31")).days())
                .containsExactly(range("2026-03-31", "2026-04-01"));
        assertThatThrownBy(() -> PeriodCover.of(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
