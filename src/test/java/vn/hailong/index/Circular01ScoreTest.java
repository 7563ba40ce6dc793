package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Circular01ScoreTest {

    final Circular01Rules rules = Circular01Rules.defaults();

    static List<Optional<BigDecimal>> averages(String... values) {
        return Arrays.stream(values)
                .map(v -> v == null ? Optional.<BigDecimal>empty() : Optional.of(new BigDecimal(v)))
                .toList();
    }

    @Test
    void the_worked_example_of_the_domain_brief_scores_14_7_and_is_good() {
        var score = Circular01Score.of(averages("1.6", "1.7", "1.8", "1.9", "1.0", "2.0", "1.7", "2.0", "1.0"), rules);

        assertThat(score.total()).isEqualByComparingTo("14.7");
        assertThat(score.total()).hasToString("14.70");
        assertThat(score.band()).isEqualTo(Circular01Band.GOOD);
        assertThat(score.band().label()).isEqualTo("Tốt");
        assertThat(score.complete()).isTrue();
        assertThat(score.missingIndicators()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "18, EXCELLENT",
        "15.01, EXCELLENT",
        "15, GOOD",
        "15.00, GOOD",
        "12, GOOD",
        "11.99, FAIR",
        "9, FAIR",
        "8.99, AVERAGE",
        "6, AVERAGE",
        "5.99, WEAK",
        "0, WEAK"
    })
    void every_band_edge_of_the_default_bands_falls_on_the_right_side(String total, Circular01Band band) {
        assertThat(Circular01Bands.defaults().classify(new BigDecimal(total))).isEqualTo(band);
    }

    @Test
    void a_total_of_exactly_15_from_nine_averages_is_good_not_excellent_nor_weak() {
        var score = Circular01Score.of(averages("2", "2", "2", "2", "2", "2", "1", "1", "1"), rules);

        assertThat(score.total()).isEqualByComparingTo("15");
        assertThat(score.band()).isEqualTo(Circular01Band.GOOD);
    }

    @Test
    void full_marks_are_18_and_excellent_and_nothing_is_0_and_weak() {
        assertThat(Circular01Score.of(averages("2", "2", "2", "2", "2", "2", "2", "2", "2"), rules))
                .satisfies(s -> assertThat(s.total()).isEqualByComparingTo("18"))
                .satisfies(s -> assertThat(s.band()).isEqualTo(Circular01Band.EXCELLENT));
        assertThat(Circular01Score.of(averages("0", "0", "0", "0", "0", "0", "0", "0", "0"), rules))
                .satisfies(s -> assertThat(s.total()).isEqualByComparingTo("0"))
                .satisfies(s -> assertThat(s.band()).isEqualTo(Circular01Band.WEAK));
    }

    @Test
    void averages_are_rounded_to_two_decimals_half_up_before_they_are_summed() {
        // 1.005 → 1.01 (half up, not half even); 1.994 → 1.99; eight of them: 8 × 1.01 + 1.99 = 10.07
        var score = Circular01Score.of(
                averages("1.005", "1.005", "1.005", "1.005", "1.005", "1.005", "1.005", "1.005", "1.994"), rules);

        assertThat(score.averages().get(0)).contains(new BigDecimal("1.01"));
        assertThat(score.averages().get(8)).contains(new BigDecimal("1.99"));
        assertThat(score.total()).isEqualByComparingTo("10.07");
    }

    @Test
    void the_band_classifies_the_rounded_total_so_a_total_rounding_to_whole_points_moves_14_7_to_15() {
        var wholePoints = new Circular01Rules(
                2, Rounding.twoDecimalsHalfUp(), new Rounding(0, RoundingMode.HALF_UP), Circular01Bands.defaults());

        var score = Circular01Score.of(
                averages("1.6", "1.7", "1.8", "1.9", "1.0", "2.0", "1.7", "2.0", "1.0"), wholePoints);

        assertThat(score.total()).hasToString("15");
        assertThat(score.band()).isEqualTo(Circular01Band.GOOD);
    }

    @Test
    void absent_indicators_count_as_zero_and_are_named() {
        var score = Circular01Score.of(averages("2", null, "2", "2", null, "2", "2", "2", "2"), rules);

        assertThat(score.total()).isEqualByComparingTo("14");
        assertThat(score.band()).isEqualTo(Circular01Band.GOOD);
        assertThat(score.missingIndicators()).containsExactly(2, 5);
        assertThat(score.complete()).isFalse();
        assertThat(score.averages().get(1)).isEmpty();
    }

    @Test
    void a_unit_without_any_data_scores_zero_with_all_nine_indicators_missing() {
        var none = new ArrayList<Optional<BigDecimal>>();
        for (int i = 0; i < 9; i++) {
            none.add(Optional.empty());
        }
        var score = Circular01Score.of(none, rules);

        assertThat(score.total()).isEqualByComparingTo("0");
        assertThat(score.band()).isEqualTo(Circular01Band.WEAK);
        assertThat(score.missingIndicators()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void other_band_edges_come_from_the_configuration() {
        var strict = new Circular01Bands(
                new BigDecimal("16"), new BigDecimal("13"), new BigDecimal("10"), new BigDecimal("7"));
        var rulesWithStrictBands =
                new Circular01Rules(2, Rounding.twoDecimalsHalfUp(), Rounding.twoDecimalsHalfUp(), strict);

        var score = Circular01Score.of(
                averages("1.6", "1.7", "1.8", "1.9", "1.0", "2.0", "1.7", "2.0", "1.0"), rulesWithStrictBands);

        assertThat(score.band()).isEqualTo(Circular01Band.GOOD);
        assertThat(strict.classify(new BigDecimal("16"))).isEqualTo(Circular01Band.GOOD);
        assertThat(strict.classify(new BigDecimal("16.01"))).isEqualTo(Circular01Band.EXCELLENT);
        assertThat(strict.classify(new BigDecimal("12.99"))).isEqualTo(Circular01Band.FAIR);
        assertThat(strict.classify(new BigDecimal("6.99"))).isEqualTo(Circular01Band.WEAK);
    }

    @Test
    void band_edges_that_do_not_decrease_are_refused() {
        assertThatThrownBy(() -> new Circular01Bands(
                        new BigDecimal("15"), new BigDecimal("9"), new BigDecimal("12"), new BigDecimal("6")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Circular01Bands(
                        new BigDecimal("11"), new BigDecimal("12"), new BigDecimal("9"), new BigDecimal("6")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_average_outside_0_to_2_or_a_wrong_number_of_indicators_is_refused() {
        assertThatThrownBy(() -> Circular01Score.of(averages("2.01", "2", "2", "2", "2", "2", "2", "2", "2"), rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indicator 1");
        assertThatThrownBy(() -> Circular01Score.of(averages("2", "2", "2", "2", "2", "2", "2", "2", "-0.01"), rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indicator 9");
        assertThatThrownBy(() -> Circular01Score.of(averages("2", "2", "2", "2", "2", "2", "2", "2"), rules))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
