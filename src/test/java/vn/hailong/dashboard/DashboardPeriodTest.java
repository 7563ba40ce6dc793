package vn.hailong.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.hailong.dashboard.DashboardPeriod.Kind;
import vn.hailong.platform.InvalidInputException;

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
        assertThat(DashboardPeriod.custom(d("2024-02-29"), d("2024-02-29")).sameLastYear().from()).isEqualTo(d("2023-02-28"));
    }

    @Test
    void a_period_ending_before_it_starts_is_refused_naming_the_field() {
        assertThatThrownBy(() -> DashboardPeriod.custom(d("2026-03-10"), d("2026-03-09")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ends before");
    }
}
