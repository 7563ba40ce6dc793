package vn.hailong.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a counter's handovers: shown, waiting behind a survey in progress, used up. */
class CounterQueueTest {

    static final UUID COUNTER = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");
    static final Duration VALID = Duration.ofMinutes(10);

    final List<Handover> rows = new ArrayList<>();

    Handover handover(Instant at) {
        return new Handover(COUNTER, UUID.randomUUID(), "cb-1", at, at.plus(VALID));
    }

    /** As the service does: the new handover is placed among the counter's rows, then stored. */
    CounterQueue.Placed place(Handover h, Instant now) {
        CounterQueue.Placed placed = queue().add(h, now);
        rows.add(h);
        return placed;
    }

    CounterQueue queue() {
        return new CounterQueue(rows, () -> {});
    }

    @Test
    void a_handover_at_a_free_kiosk_is_shown_at_once() {
        Handover first = handover(T0);
        assertThat(place(first, T0)).isEqualTo(CounterQueue.Placed.SHOWN);
        assertThat(first.waiting()).isFalse();
        assertThat(first.open()).isTrue();
    }

    @Test
    void a_second_handover_replaces_a_survey_nobody_has_answered() {
        Handover first = handover(T0);
        place(first, T0);
        Handover second = handover(T0.plusSeconds(30));

        assertThat(place(second, T0.plusSeconds(30))).isEqualTo(CounterQueue.Placed.SHOWN);
        assertThat(first.getOutcome()).isEqualTo(HandoverOutcome.REPLACED);
        assertThat(second.waiting()).isFalse();
    }

    @Test
    void a_second_handover_waits_while_the_citizen_is_answering_and_is_shown_when_the_survey_is_sent() {
        Handover first = handover(T0);
        place(first, T0);
        first.start(T0.plusSeconds(10));
        Handover second = handover(T0.plusSeconds(30));

        assertThat(place(second, T0.plusSeconds(30))).isEqualTo(CounterQueue.Placed.QUEUED);
        assertThat(first.open()).isTrue();
        assertThat(second.waiting()).isTrue();

        CounterQueue later = queue();
        assertThat(later.end(first, HandoverOutcome.SENT, T0.plusSeconds(60))).contains(second);
        assertThat(first.getOutcome()).isEqualTo(HandoverOutcome.SENT);
        assertThat(second.waiting()).isFalse();
        assertThat(later.shown()).contains(second);
    }

    @Test
    void handovers_waiting_in_a_row_are_shown_first_come_first_shown_even_behind_an_untouched_survey() {
        Handover first = handover(T0);
        place(first, T0);
        first.start(T0.plusSeconds(5));
        Handover second = handover(T0.plusSeconds(10));
        Handover third = handover(T0.plusSeconds(20));
        place(second, T0.plusSeconds(10));
        assertThat(place(third, T0.plusSeconds(20))).isEqualTo(CounterQueue.Placed.QUEUED);
        assertThat(queue().ahead(third)).isEqualTo(1);

        queue().end(first, HandoverOutcome.ABANDONED, T0.plusSeconds(40));
        assertThat(queue().shown()).contains(second);
        // The second is not begun yet, but the third came before the fourth: the fourth waits too.
        Handover fourth = handover(T0.plusSeconds(50));
        assertThat(place(fourth, T0.plusSeconds(50))).isEqualTo(CounterQueue.Placed.QUEUED);
        queue().end(second, HandoverOutcome.NOT_MINE, T0.plusSeconds(60));
        assertThat(queue().shown()).contains(third);
        assertThat(queue().waiting()).containsExactly(fourth);
    }

    @Test
    void a_waiting_handover_expires_counted_from_its_own_handover() {
        Handover first = handover(T0);
        place(first, T0);
        first.start(T0.plusSeconds(5));
        Handover second = handover(T0.plusSeconds(10));
        place(second, T0.plusSeconds(10));

        // The first survey's page went away; both have expired when the kiosk next asks.
        assertThat(queue().settle(T0.plus(VALID).plusSeconds(11))).isEmpty();
        assertThat(first.getOutcome()).isEqualTo(HandoverOutcome.EXPIRED);
        assertThat(second.getOutcome()).isEqualTo(HandoverOutcome.EXPIRED);
        assertThat(queue().shown()).isEmpty();
    }

    @Test
    void a_handover_stamped_before_the_shown_untouched_one_is_replaced_at_once() {
        Handover shown = handover(T0.plusSeconds(5));
        place(shown, T0.plusSeconds(5));
        Handover earlier = handover(T0);

        assertThat(place(earlier, T0.plusSeconds(6))).isEqualTo(CounterQueue.Placed.REPLACED);
        assertThat(earlier.getOutcome()).isEqualTo(HandoverOutcome.REPLACED);
        assertThat(shown.open()).isTrue();
    }

    @Test
    void the_first_outcome_stays() {
        Handover first = handover(T0);
        place(first, T0);
        queue().end(first, HandoverOutcome.ABANDONED, T0.plusSeconds(60));
        first.end(T0.plusSeconds(61), HandoverOutcome.SENT);
        assertThat(first.getOutcome()).isEqualTo(HandoverOutcome.ABANDONED);
    }
}
