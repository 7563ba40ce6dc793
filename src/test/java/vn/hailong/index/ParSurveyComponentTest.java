package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParSurveyComponentTest {

    final ParSurveyComponent ministries = ParSurveyComponent.defaults();

    @Test
    void points_are_the_weight_times_the_rate_rounded_to_two_decimals_half_up() {
        // 36.5 × 0.8394 = 30.6381
        assertThat(ministries.points(new BigDecimal("0.8394"))).isEqualTo(new BigDecimal("30.64"));
        // 36.5 × 0.5 = 18.25 exactly
        assertThat(ministries.points(new BigDecimal("0.5"))).isEqualTo(new BigDecimal("18.25"));
        assertThat(ministries.points(BigDecimal.ONE)).isEqualTo(new BigDecimal("36.50"));
        assertThat(ministries.points(BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void points_are_capped_at_the_maximum() {
        var generousWeight =
                new ParSurveyComponent(new BigDecimal("40"), new BigDecimal("36.5"), Rounding.twoDecimalsHalfUp());

        assertThat(generousWeight.points(BigDecimal.ONE)).isEqualTo(new BigDecimal("36.50"));
        assertThat(generousWeight.points(new BigDecimal("0.9"))).isEqualTo(new BigDecimal("36.00"));
    }

    @Test
    void the_rounding_comes_from_the_configuration() {
        var oneDecimalDown = new ParSurveyComponent(
                new BigDecimal("36.5"), new BigDecimal("36.5"), new Rounding(1, RoundingMode.DOWN));

        assertThat(oneDecimalDown.points(new BigDecimal("0.8394"))).isEqualTo(new BigDecimal("30.6"));
    }

    @Test
    void a_department_with_90_26_of_108_points_has_83_57_percent() {
        assertThat(ministries.percentage(new BigDecimal("90.26"), new BigDecimal("108")))
                .isEqualTo(new BigDecimal("83.57"));
    }

    @Test
    void a_rate_given_as_a_percentage_is_refused() {
        assertThatThrownBy(() -> ministries.points(new BigDecimal("83.57")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ministries.points(new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ministries.percentage(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
