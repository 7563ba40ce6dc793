package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorAverageTest {

    final Circular01Rules rules = Circular01Rules.defaults();

    @Test
    void the_average_of_the_points_is_rounded_to_two_decimals_half_up() {
        assertThat(IndicatorAverage.of(5, 3, rules)).contains(new BigDecimal("1.67"));
        assertThat(IndicatorAverage.of(4, 3, rules)).contains(new BigDecimal("1.33"));
        // 1.605 exactly: half up gives 1.61
        assertThat(IndicatorAverage.of(321, 200, rules)).contains(new BigDecimal("1.61"));
        assertThat(IndicatorAverage.of(4000, 2500, rules)).contains(new BigDecimal("1.60"));
    }

    @Test
    void the_rounding_rule_comes_from_the_rules() {
        var halfEven = new Circular01Rules(
                2, new Rounding(2, RoundingMode.HALF_EVEN), Rounding.twoDecimalsHalfUp(), Circular01Bands.defaults());

        assertThat(IndicatorAverage.of(321, 200, halfEven)).contains(new BigDecimal("1.60"));
    }

    @Test
    void a_unit_without_dossiers_has_no_average_rather_than_zero() {
        assertThat(IndicatorAverage.of(0, 0, rules)).isEmpty();
        assertThat(IndicatorAverage.of(0, 7, rules)).contains(new BigDecimal("0.00"));
    }

    @Test
    void impossible_counts_are_refused() {
        assertThatThrownBy(() -> IndicatorAverage.of(7, 3, rules)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorAverage.of(1, 0, rules)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorAverage.of(-1, 3, rules)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IndicatorAverage.of(6, 3, rules)).contains(new BigDecimal("2.00"));
    }
}
