package vn.hailong.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The satisfaction rate: satisfied ratings over counted ratings, in percent, half-up to one decimal. */
class UnitSatisfactionTest {

    @Test
    void a_unit_without_ratings_has_no_rate_rather_than_zero() {
        assertThat(UnitSatisfaction.rate(0, 0)).isNull();
    }

    @Test
    void two_satisfied_of_three_is_66_point_7() {
        assertThat(UnitSatisfaction.rate(2, 3)).isEqualTo(66.7);
        assertThat(UnitSatisfaction.rate(1, 3)).isEqualTo(33.3);
    }

    @Test
    void one_of_eight_is_exactly_12_point_5() {
        assertThat(UnitSatisfaction.rate(1, 8)).isEqualTo(12.5);
    }

    @Test
    void nine_hundred_eighty_five_of_a_thousand_is_98_point_5() {
        assertThat(UnitSatisfaction.rate(985, 1000)).isEqualTo(98.5);
    }

    @Test
    void a_half_in_the_second_decimal_rounds_up_not_to_even() {
        // 1/16 = 6.25 %: half-up gives 6.3 where banker's rounding would give 6.2.
        assertThat(UnitSatisfaction.rate(1, 16)).isEqualTo(6.3);
        // 3/16 = 18.75 %: half-up gives 18.8 (half-even would too; it guards the other direction).
        assertThat(UnitSatisfaction.rate(3, 16)).isEqualTo(18.8);
    }

    @Test
    void the_decision_766_example_of_2460_satisfied_of_2500_is_98_point_4() {
        assertThat(UnitSatisfaction.rate(2460, 2500)).isEqualTo(98.4);
    }

    @Test
    void all_and_none_satisfied_are_100_and_0() {
        assertThat(UnitSatisfaction.rate(7, 7)).isEqualTo(100.0);
        assertThat(UnitSatisfaction.rate(0, 7)).isEqualTo(0.0);
    }

    @Test
    void a_rate_near_100_never_shows_100_while_one_rating_was_not_satisfied() {
        // 99.9 stays; 99.949 rounds down to 99.9; 99.99 would round up to 100.0, which would hide the unhappy citizen.
        assertThat(UnitSatisfaction.rate(999, 1000)).isEqualTo(99.9);
        assertThat(UnitSatisfaction.rate(99_949, 100_000)).isEqualTo(99.9);
        assertThat(UnitSatisfaction.rate(9_999, 10_000)).isEqualTo(99.9);
    }
}
