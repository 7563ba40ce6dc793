package vn.hailong.kiosk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hailong.rating.AnomalyFlag;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyRulesTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final AnomalyRules RULES = new AnomalyRules(
            Duration.ofSeconds(5),
            Duration.ofMinutes(2),
            5,
            LocalTime.of(7, 0),
            LocalTime.of(17, 30),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
            10);
    // Tuesday 24 November 2026, 09:00 in Vietnam
    static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void a_rating_a_minute_after_the_handover_in_opening_hours_has_no_flag() {
        assertThat(RULES.flags(
                        TUESDAY_MORNING,
                        VIETNAM,
                        TUESDAY_MORNING.minusSeconds(60),
                        0,
                        List.of("SATISFIED"),
                        "SATISFIED"))
                .isEmpty();
    }

    @Test
    void a_rating_within_five_seconds_of_the_handover_is_flagged_and_five_seconds_is_not() {
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusMillis(4_999), 0, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.FAST_AFTER_HANDOVER);
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusSeconds(5), 0, List.of(), "SATISFIED"))
                .isEmpty();
    }

    @Test
    void a_typed_or_scanned_code_has_no_handover() {
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, null, 0, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.NO_HANDOVER);
    }

    @Test
    void the_fifth_rating_within_two_minutes_is_a_burst() {
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusSeconds(60), 3, List.of(), "SATISFIED"))
                .isEmpty();
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusSeconds(60), 4, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.BURST);
    }

    @Test
    void opening_hours_edges_sunday_and_evening_are_flagged() {
        Instant sevenSharp = Instant.parse("2026-11-24T00:00:00Z");
        Instant halfPastFive = Instant.parse("2026-11-24T10:30:00Z");
        Instant sunday = Instant.parse("2026-11-22T03:00:00Z");
        assertThat(RULES.flags(sevenSharp, VIETNAM, sevenSharp.minusSeconds(60), 0, List.of(), "SATISFIED"))
                .isEmpty();
        assertThat(RULES.flags(
                        sevenSharp.minusSeconds(1), VIETNAM, sevenSharp.minusSeconds(60), 0, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.OUTSIDE_OPENING_HOURS);
        assertThat(RULES.flags(halfPastFive, VIETNAM, halfPastFive.minusSeconds(60), 0, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.OUTSIDE_OPENING_HOURS);
        assertThat(RULES.flags(sunday, VIETNAM, sunday.minusSeconds(60), 0, List.of(), "SATISFIED"))
                .containsExactly(AnomalyFlag.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void the_tenth_top_rating_in_a_row_is_flagged_and_a_break_resets_the_run() {
        List<String> nineTop = Collections.nCopies(9, "VERY_SATISFIED");
        List<String> eightTopThenSatisfied = new ArrayList<>(Collections.nCopies(8, "VERY_SATISFIED"));
        eightTopThenSatisfied.add(4, "SATISFIED");
        assertThat(RULES.flags(
                        TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusSeconds(60), 0, nineTop, "VERY_SATISFIED"))
                .containsExactly(AnomalyFlag.TOP_STREAK);
        assertThat(RULES.flags(TUESDAY_MORNING, VIETNAM, TUESDAY_MORNING.minusSeconds(60), 0, nineTop, "SATISFIED"))
                .isEmpty();
        assertThat(RULES.flags(
                        TUESDAY_MORNING,
                        VIETNAM,
                        TUESDAY_MORNING.minusSeconds(60),
                        0,
                        eightTopThenSatisfied,
                        "VERY_SATISFIED"))
                .isEmpty();
        assertThat(RULES.flags(
                        TUESDAY_MORNING,
                        VIETNAM,
                        TUESDAY_MORNING.minusSeconds(60),
                        0,
                        nineTop.subList(0, 8),
                        "VERY_SATISFIED"))
                .isEmpty();
    }
}
