package vn.hailong.aggregation;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A period is read from the coarsest rows that fit in it: years, quarters, months, then days at its edges. */
class PeriodCoverTest {

    static PeriodCover.Piece piece(Grain grain, String start, String end) {
        return new PeriodCover.Piece(grain, new PeriodCover.Range(LocalDate.parse(start), LocalDate.parse(end)));
    }

    static PeriodCover cover(String from, String to) {
        return PeriodCover.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void a_calendar_month_quarter_and_year_are_each_one_row_per_unit_and_value() {
        assertThat(cover("2026-10-01", "2026-10-31").pieces())
                .containsExactly(piece(Grain.MONTH, "2026-10-01", "2026-11-01"));
        assertThat(cover("2026-10-01", "2026-12-31").pieces())
                .containsExactly(piece(Grain.QUARTER, "2026-10-01", "2027-01-01"));
        assertThat(cover("2025-01-01", "2025-12-31").pieces())
                .containsExactly(piece(Grain.YEAR, "2025-01-01", "2026-01-01"));
    }

    @Test
    void a_custom_period_reads_edge_days_and_the_whole_months_between() {
        assertThat(cover("2026-01-15", "2026-04-10").pieces())
                .containsExactly(
                        piece(Grain.DAY, "2026-01-15", "2026-02-01"),
                        piece(Grain.MONTH, "2026-02-01", "2026-04-01"),
                        piece(Grain.DAY, "2026-04-01", "2026-04-11"));
    }

    @Test
    void a_long_period_climbs_to_quarters_and_years_and_back_down() {
        assertThat(cover("2024-02-15", "2026-05-09").pieces())
                .containsExactly(
                        piece(Grain.DAY, "2024-02-15", "2024-03-01"),
                        piece(Grain.MONTH, "2024-03-01", "2024-04-01"),
                        piece(Grain.QUARTER, "2024-04-01", "2025-01-01"),
                        piece(Grain.YEAR, "2025-01-01", "2026-01-01"),
                        piece(Grain.QUARTER, "2026-01-01", "2026-04-01"),
                        piece(Grain.MONTH, "2026-04-01", "2026-05-01"),
                        piece(Grain.DAY, "2026-05-01", "2026-05-10"));
        // Every day of the period is covered once: the pieces are contiguous from start to end.
        PeriodCover c = cover("2023-11-30", "2027-03-02");
        LocalDate expected = LocalDate.parse("2023-11-30");
        for (PeriodCover.Piece p : c.pieces()) {
            assertThat(p.range().start()).isEqualTo(expected);
            assertThat(p.grain().start(p.range().start())).isEqualTo(p.range().start());
            expected = p.range().end();
        }
        assertThat(expected).isEqualTo(LocalDate.parse("2027-03-03"));
    }

    @Test
    void days_within_one_month_are_read_from_day_rows() {
        assertThat(cover("2026-02-03", "2026-02-28").pieces())
                .containsExactly(piece(Grain.DAY, "2026-02-03", "2026-03-01"));
        assertThat(cover("2026-02-03", "2026-02-28").of(Grain.MONTH)).isEmpty();
    }

    @Test
    void a_single_day_and_a_reversed_period() {
        assertThat(cover("2026-03-31", "2026-03-31").pieces())
                .containsExactly(piece(Grain.DAY, "2026-03-31", "2026-04-01"));
        assertThatThrownBy(() -> cover("2026-03-31", "2026-03-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grains_start_on_calendar_boundaries() {
        LocalDate day = LocalDate.parse("2026-08-19");
        assertThat(Grain.DAY.start(day)).isEqualTo(day);
        assertThat(Grain.MONTH.start(day)).isEqualTo(LocalDate.parse("2026-08-01"));
        assertThat(Grain.QUARTER.start(day)).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(Grain.QUARTER.start(LocalDate.parse("2026-03-31"))).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(Grain.YEAR.start(day)).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(Grain.QUARTER.next(LocalDate.parse("2026-10-01"))).isEqualTo(LocalDate.parse("2027-01-01"));
    }
}
