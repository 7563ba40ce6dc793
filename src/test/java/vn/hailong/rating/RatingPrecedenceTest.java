package vn.hailong.rating;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingPrecedenceTest {

    static final Instant KIOSK_AT = Instant.parse("2026-11-02T02:00:00Z");
    final RatingPrecedence precedence = new RatingPrecedence(Duration.ofDays(7));

    @Test
    void a_phone_rating_within_the_window_supersedes_a_kiosk_rating() {
        assertThat(precedence.supersedes(RatingChannel.KIOSK, KIOSK_AT, RatingChannel.QR, KIOSK_AT.plusSeconds(60)))
                .isTrue();
        assertThat(precedence.supersedes(
                        RatingChannel.KIOSK, KIOSK_AT, RatingChannel.QR, KIOSK_AT.plus(Duration.ofDays(7))))
                .isTrue();
    }

    @Test
    void a_phone_rating_after_the_window_does_not() {
        assertThat(precedence.supersedes(
                        RatingChannel.KIOSK,
                        KIOSK_AT,
                        RatingChannel.QR,
                        KIOSK_AT.plus(Duration.ofDays(7)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void nothing_else_supersedes_anything() {
        for (RatingChannel counted : RatingChannel.values()) {
            for (RatingChannel later : RatingChannel.values()) {
                boolean expected = counted == RatingChannel.KIOSK && later == RatingChannel.QR;
                assertThat(precedence.supersedes(counted, KIOSK_AT, later, KIOSK_AT.plusSeconds(60)))
                        .as(later + " after " + counted)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void a_clock_that_went_backwards_supersedes_nothing() {
        assertThat(precedence.supersedes(RatingChannel.KIOSK, KIOSK_AT, RatingChannel.QR, KIOSK_AT.minusSeconds(1)))
                .isFalse();
    }

    @Test
    void a_zero_window_switches_the_rule_off_and_a_negative_one_is_refused() {
        assertThat(new RatingPrecedence(Duration.ZERO)
                        .supersedes(RatingChannel.KIOSK, KIOSK_AT, RatingChannel.QR, KIOSK_AT.plusSeconds(1)))
                .isFalse();
        assertThatThrownBy(() -> new RatingPrecedence(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
