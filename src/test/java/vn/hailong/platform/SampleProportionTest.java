package vn.hailong.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SampleProportionTest {

    @Test
    void fifteen_of_fifteen_is_one_hundred_percent_but_could_be_eighty() {
        SampleProportion all = SampleProportion.of(15, 15);
        assertThat(all.share()).isEqualTo(1.0);
        // Wilson 95 % for 15/15: 0.7961 .. 1 (reference: R binom::binom.wilson).
        assertThat(all.lower95()).isCloseTo(0.7961, within(0.0001));
        assertThat(all.upper95()).isEqualTo(1.0);
    }

    @Test
    void a_large_sample_has_a_narrow_interval_around_its_share() {
        SampleProportion big = SampleProportion.of(520, 530);
        assertThat(big.lower95()).isCloseTo(0.9656, within(0.0005));
        assertThat(big.upper95()).isCloseTo(0.9898, within(0.0005));
        assertThat(big.lower95()).isLessThan(big.share());
        assertThat(big.upper95()).isGreaterThan(big.share());
    }

    @Test
    void the_textbook_case_matches_the_published_figures() {
        // 81 of 263 (Newcombe 1998, example): 0.2553 .. 0.3662
        SampleProportion p = SampleProportion.of(81, 263);
        assertThat(p.lower95()).isCloseTo(0.2553, within(0.0001));
        assertThat(p.upper95()).isCloseTo(0.3662, within(0.0001));
    }

    @Test
    void none_of_a_sample_starts_at_zero_and_an_empty_sample_has_no_figures() {
        assertThat(SampleProportion.of(0, 10).lower95()).isEqualTo(0.0);
        assertThat(SampleProportion.of(0, 10).upper95()).isCloseTo(0.2775, within(0.0001));
        assertThat(SampleProportion.of(0, 0).share()).isNaN();
        assertThat(SampleProportion.of(0, 0).lower95()).isNaN();
    }

    @Test
    void more_successes_than_the_sample_is_refused() {
        assertThatThrownBy(() -> SampleProportion.of(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleProportion.of(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
