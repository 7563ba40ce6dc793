package vn.hailong.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.hailong.dashboard.DashboardPeriod.Kind;
import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods of the dashboard and the periods they are compared with. */
class DashboardPeriodTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void a_month_compares_with_the_month_before_and_the_same_month_last_year() {
        DashboardPeriod p = DashboardPeriod.containing(Kind.MONTH, d("2026-03-17"));
        assertThat(p).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-03-01"), d("2026-03-31")));
        assertThat(p.previous()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-02-01"), d("2026-02-28")));
        assertThat(p.sameLastYear()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2025-03-01"), d("2025-03-31")));
        assertThat(p.label()).isEqualTo("Tháng 3/2026");
    }

    @Test
    void a_quarter_and_a_year() {
        DashboardPeriod q = DashboardPeriod.containing(Kind.QUARTER, d("2026-11-22"));
        assertThat(q).isEqualTo(new DashboardPeriod(Kind.QUARTER, d("2026-10-01"), d("2026-12-31")));
        assertThat(q.previous()).isEqualTo(new DashboardPeriod(Kind.QUARTER, d("2026-07-01"), d("2026-09-30")));
        assertThat(DashboardPeriod.containing(Kind.QUARTER, d("2026-01-01")).previous())
                .isEqualTo(new DashboardPeriod(Kind.QUARTER, d("2025-10-01"), d("2025-12-31")));
        assertThat(q.label()).isEqualTo("Quý 4/2026");
        DashboardPeriod y = DashboardPeriod.containing(Kind.YEAR, d("2024-02-29"));
        assertThat(y).isEqualTo(new DashboardPeriod(Kind.YEAR, d("2024-01-01"), d("2024-12-31")));
        assertThat(y.sameLastYear()).isEqualTo(y.previous());
    }

    @Test
    void a_custom_period_compares_with_as_many_days_just_before() {
        DashboardPeriod p = DashboardPeriod.custom(d("2026-03-10"), d("2026-03-19"));
        assertThat(p.days()).isEqualTo(10);
        assertThat(p.previous()).isEqualTo(DashboardPeriod.custom(d("2026-02-28"), d("2026-03-09")));
        assertThat(p.sameLastYear()).isEqualTo(DashboardPeriod.custom(d("2025-03-10"), d("2025-03-19")));
        assertThat(DashboardPeriod.custom(d("2024-02-29"), d("2024-02-29"))
                        .sameLastYear()
                        .from())
                .isEqualTo(d("2023-02-28"));
    }

    @Test
    void a_period_ending_before_it_starts_is_refused_naming_the_field() {
        assertThatThrownBy(() -> DashboardPeriod.custom(d("2026-03-10"), d("2026-03-09")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ends before");
    }

    @Test
    void a_running_month_is_compared_with_as_many_days_of_the_month_before_and_a_year_ago() {
        DashboardPeriod december = DashboardPeriod.containing(Kind.MONTH, d("2026-12-03"));
        DashboardPeriod.Comparison c = december.comparedOn(d("2026-12-03"));
        assertThat(c.asOf()).isEqualTo(d("2026-12-03"));
        assertThat(c.current()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-12-01"), d("2026-12-03")));
        assertThat(c.previous()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-11-01"), d("2026-11-03")));
        assertThat(c.lastYear()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2025-12-01"), d("2025-12-03")));
        assertThat(c.previous().label()).isEqualTo("Tháng 11/2026 (01/11–03/11)");
        assertThat(c.period().label()).isEqualTo("Tháng 12/2026");
        // On its last day a month still runs (today is not over); 31 days of March against February's 28.
        DashboardPeriod.Comparison march =
                DashboardPeriod.containing(Kind.MONTH, d("2026-03-31")).comparedOn(d("2026-03-31"));
        assertThat(march.asOf()).isEqualTo(d("2026-03-31"));
        assertThat(march.previous()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-02-01"), d("2026-02-28")));
        assertThat(march.previous().label()).isEqualTo("Tháng 2/2026");
    }

    @Test
    void a_period_that_is_over_is_compared_whole_and_a_year_once() {
        DashboardPeriod.Comparison november =
                DashboardPeriod.containing(Kind.MONTH, d("2026-11-15")).comparedOn(d("2026-12-03"));
        assertThat(november.asOf()).isNull();
        assertThat(november.previous()).isEqualTo(new DashboardPeriod(Kind.MONTH, d("2026-10-01"), d("2026-10-31")));
        assertThat(november.lastYearIsPrevious()).isFalse();
        DashboardPeriod.Comparison year =
                DashboardPeriod.containing(Kind.YEAR, d("2025-05-05")).comparedOn(d("2026-12-03"));
        assertThat(year.lastYearIsPrevious()).isTrue();
        assertThat(year.previous().label()).isEqualTo("Năm 2024");
        DashboardPeriod.Comparison running =
                DashboardPeriod.containing(Kind.YEAR, d("2026-05-05")).comparedOn(d("2026-12-03"));
        assertThat(running.previous().label()).isEqualTo("Năm 2025 (01/01–03/12)");
        assertThat(running.lastYearIsPrevious()).isTrue();
        // A custom period running today: its days so far against as many days before it.
        DashboardPeriod.Comparison custom =
                DashboardPeriod.custom(d("2026-12-01"), d("2026-12-10")).comparedOn(d("2026-12-03"));
        assertThat(custom.current()).isEqualTo(DashboardPeriod.custom(d("2026-12-01"), d("2026-12-03")));
        assertThat(custom.previous()).isEqualTo(DashboardPeriod.custom(d("2026-11-21"), d("2026-11-23")));
    }
}
