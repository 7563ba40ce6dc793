package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Decision766SatisfactionTest {

    final Decision766Rules defaults = Decision766Rules.defaults();

    static Decision766Rules.Target sixPointsAt(String targetPercent) {
        return new Decision766Rules.Target(new BigDecimal("6"), new BigDecimal(targetPercent));
    }

    static Decision766Rules rules(PointsCurve curve, String targetPercent) {
        var target = sixPointsAt(targetPercent);
        return new Decision766Rules(
                target, target, target, curve, Rounding.twoDecimalsHalfUp(), Rounding.twoDecimalsHalfUp());
    }

    @Test
    void the_worked_example_2500_dossiers_with_30_dissatisfied_and_10_complained_or_late_is_98_4_percent() {
        int dissatisfied = 30;
        int complainedOrLate = 10;
        var result = Decision766Satisfaction.of(
                new Decision766Counts(2500, dissatisfied + complainedOrLate, 0, 0, 0), defaults);

        assertThat(result.dossierSatisfaction().ratePercent()).contains(new BigDecimal("98.40"));
        // linear against 100%: 6 × 98.40 ÷ 100 = 5.904 → 5.90
        assertThat(result.dossierSatisfaction().points()).contains(new BigDecimal("5.90"));
    }

    @Test
    void the_default_rules_give_six_points_per_ratio_and_18_at_most() {
        var perfect = Decision766Satisfaction.of(new Decision766Counts(100, 0, 10, 10, 0), defaults);

        assertThat(perfect.dossierSatisfaction().points()).contains(new BigDecimal("6.00"));
        assertThat(perfect.complaintsOnTime().points()).contains(new BigDecimal("6.00"));
        assertThat(perfect.complaintSatisfaction().points()).contains(new BigDecimal("6.00"));
        assertThat(perfect.totalPoints()).isEqualByComparingTo("18");
    }

    @Test
    void complaints_on_time_and_complaints_satisfied_are_shares_of_the_complaints() {
        var result = Decision766Satisfaction.of(new Decision766Counts(2500, 40, 20, 18, 3), defaults);

        assertThat(result.complaintsOnTime().ratePercent()).contains(new BigDecimal("90.00"));
        assertThat(result.complaintsOnTime().points()).contains(new BigDecimal("5.40"));
        assertThat(result.complaintSatisfaction().ratePercent()).contains(new BigDecimal("85.00"));
        assertThat(result.complaintSatisfaction().points()).contains(new BigDecimal("5.10"));
        assertThat(result.totalPoints()).isEqualByComparingTo("16.40");
    }

    @Test
    void a_step_curve_gives_full_points_from_the_target_on_and_none_below_it() {
        var counts = new Decision766Counts(2500, 40, 0, 0, 0);

        assertThat(Decision766Satisfaction.of(counts, rules(PointsCurve.STEP, "98.4"))
                        .dossierSatisfaction()
                        .points())
                .contains(new BigDecimal("6.00"));
        assertThat(Decision766Satisfaction.of(counts, rules(PointsCurve.STEP, "98.41"))
                        .dossierSatisfaction()
                        .points())
                .contains(new BigDecimal("0.00"));
    }

    @Test
    void a_linear_curve_is_capped_at_the_target_and_proportional_below_it() {
        assertThat(Decision766Satisfaction.of(new Decision766Counts(2500, 40, 0, 0, 0), rules(PointsCurve.LINEAR, "90"))
                        .dossierSatisfaction()
                        .points())
                .contains(new BigDecimal("6.00"));
        // 45% of a 90% target: half the points
        assertThat(Decision766Satisfaction.of(new Decision766Counts(100, 55, 0, 0, 0), rules(PointsCurve.LINEAR, "90"))
                        .dossierSatisfaction()
                        .points())
                .contains(new BigDecimal("3.00"));
    }

    @Test
    void points_are_computed_from_the_rounded_published_rate() {
        var wholePercent = new Decision766Rules(
                sixPointsAt("100"),
                sixPointsAt("100"),
                sixPointsAt("100"),
                PointsCurve.LINEAR,
                new Rounding(0, RoundingMode.HALF_UP),
                Rounding.twoDecimalsHalfUp());

        var result = Decision766Satisfaction.of(new Decision766Counts(3, 1, 0, 0, 0), wholePercent);

        // 66.67% → 67%; 6 × 67 ÷ 100 = 4.02 (from the unrounded rate it would be 4.00)
        assertThat(result.dossierSatisfaction().ratePercent()).contains(new BigDecimal("67"));
        assertThat(result.dossierSatisfaction().points()).contains(new BigDecimal("4.02"));
    }

    @Test
    void rates_are_rounded_to_two_decimals_half_up() {
        var result = Decision766Satisfaction.of(new Decision766Counts(3, 1, 8, 7, 1), defaults);

        assertThat(result.dossierSatisfaction().ratePercent()).contains(new BigDecimal("66.67"));
        // 7/8 = 87.5 exactly
        assertThat(result.complaintsOnTime().ratePercent()).contains(new BigDecimal("87.50"));
    }

    @Test
    void a_unit_without_complaints_has_both_complaint_ratios_at_100_percent_and_full_points() {
        var result = Decision766Satisfaction.of(new Decision766Counts(10, 0, 0, 0, 0), defaults);

        assertThat(result.complaintsOnTime().ratePercent()).contains(new BigDecimal("100.00"));
        assertThat(result.complaintSatisfaction().ratePercent()).contains(new BigDecimal("100.00"));
        assertThat(result.complaintsOnTime().points()).contains(new BigDecimal("6.00"));
        assertThat(result.complaintSatisfaction().points()).contains(new BigDecimal("6.00"));
    }

    @Test
    void a_unit_without_dossiers_has_no_dossier_satisfaction_and_it_counts_zero_in_the_total() {
        var result = Decision766Satisfaction.of(new Decision766Counts(0, 0, 0, 0, 0), defaults);

        assertThat(result.dossierSatisfaction().ratePercent()).isEmpty();
        assertThat(result.dossierSatisfaction().points()).isEmpty();
        assertThat(result.complete()).isFalse();
        assertThat(result.totalPoints()).isEqualByComparingTo("12");
    }

    @Test
    void a_unit_whose_dossiers_were_all_not_satisfied_gets_zero_for_that_ratio() {
        var result = Decision766Satisfaction.of(new Decision766Counts(5, 5, 0, 0, 0), defaults);

        assertThat(result.dossierSatisfaction().ratePercent()).contains(new BigDecimal("0.00"));
        assertThat(result.dossierSatisfaction().points()).contains(new BigDecimal("0.00"));
        assertThat(result.complete()).isTrue();
    }

    @Test
    void impossible_counts_are_refused() {
        assertThatThrownBy(() -> new Decision766Counts(10, 11, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision766Counts(10, 0, 5, 6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision766Counts(10, 0, 5, 5, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision766Counts(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_target_outside_0_to_100_percent_is_refused() {
        assertThatThrownBy(() -> sixPointsAt("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sixPointsAt("100.01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_dossier_is_not_satisfied_if_any_of_the_three_flags_is_set() {
        for (int flags = 0; flags < 8; flags++) {
            boolean dissatisfied = (flags & 1) != 0;
            boolean complaint = (flags & 2) != 0;
            boolean late = (flags & 4) != 0;
            assertThat(NotSatisfiedDossier.isNotSatisfied(dissatisfied, complaint, late))
                    .as("rating %s, complaint %s, late %s", dissatisfied, complaint, late)
                    .isEqualTo(flags != 0);
        }
    }
}
