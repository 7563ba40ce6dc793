package vn.hailong.index;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexPeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2026,    2026-01-01, 2026-12-31, 2025",
        "2026-Q1, 2026-01-01, 2026-03-31, 2025-Q4",
        "2026-Q3, 2026-07-01, 2026-09-30, 2026-Q2",
        "2024-02, 2024-02-01, 2024-02-29, 2024-01",
        "2026-01, 2026-01-01, 2026-01-31, 2025-12",
        "2026-12, 2026-12-01, 2026-12-31, 2026-11"
    })
    void a_period_knows_its_days_and_the_one_before(String text, LocalDate start, LocalDate end, String previous) {
        IndexPeriod p = IndexPeriod.parse(text, "period");
        assertThat(p.toString()).isEqualTo(text);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
        assertThat(p.previous().toString()).isEqualTo(previous);
        assertThat(p.containingYear().toString()).isEqualTo(text.substring(0, 4));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-7", "2026/07", "1999", "2026-q3", " "
            })
    void anything_else_is_refused_naming_the_field(String text) {
        assertThatThrownBy(() -> IndexPeriod.parse(text, "period"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("period"));
    }
}
