package vn.hailong.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hailong.intake.DossierStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Which typed or scanned dossiers the kiosk opens (hailong.kiosk.keypad.*). */
class KeypadRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    static final KeypadRules DEFAULTS =
            new KeypadRules(Set.of(DossierStatus.RETURNED), KeypadRules.ServedUnits.CENTRE, Duration.ofDays(30));

    @Test
    void a_dossier_returned_yesterday_by_a_unit_of_this_centre_opens() {
        assertThat(DEFAULTS.refusal(DossierStatus.RETURNED, NOW.minus(Duration.ofDays(1)), true, NOW))
                .isEmpty();
    }

    @Test
    void a_dossier_not_returned_yet_does_not_open() {
        assertThat(DEFAULTS.refusal(DossierStatus.PROCESSING, null, true, NOW))
                .contains(KeypadRules.Refusal.NOT_RETURNED);
        assertThat(DEFAULTS.refusal(DossierStatus.RECEIVED, null, true, NOW))
                .contains(KeypadRules.Refusal.NOT_RETURNED);
    }

    @Test
    void a_dossier_of_a_unit_this_centre_does_not_serve_opens_only_where_any_unit_is_allowed() {
        assertThat(DEFAULTS.refusal(DossierStatus.RETURNED, NOW, false, NOW))
                .contains(KeypadRules.Refusal.NOT_SERVED_HERE);
        KeypadRules any =
                new KeypadRules(Set.of(DossierStatus.RETURNED), KeypadRules.ServedUnits.ANY, Duration.ofDays(30));
        assertThat(any.refusal(DossierStatus.RETURNED, NOW, false, NOW)).isEmpty();
    }

    @Test
    void thirty_days_after_the_return_is_the_last_moment_and_zero_means_no_limit() {
        assertThat(DEFAULTS.refusal(DossierStatus.RETURNED, NOW.minus(Duration.ofDays(30)), true, NOW))
                .isEmpty();
        assertThat(DEFAULTS.refusal(
                        DossierStatus.RETURNED, NOW.minus(Duration.ofDays(30)).minusSeconds(1), true, NOW))
                .contains(KeypadRules.Refusal.TOO_LATE);
        KeypadRules unlimited =
                new KeypadRules(Set.of(DossierStatus.RETURNED), KeypadRules.ServedUnits.CENTRE, Duration.ZERO);
        assertThat(unlimited.refusal(DossierStatus.RETURNED, NOW.minus(Duration.ofDays(400)), true, NOW))
                .isEmpty();
    }

    @Test
    void a_site_may_open_processed_dossiers_too() {
        KeypadRules processed = new KeypadRules(
                Set.of(DossierStatus.PROCESSED, DossierStatus.RETURNED),
                KeypadRules.ServedUnits.CENTRE,
                Duration.ofDays(30));
        assertThat(processed.refusal(DossierStatus.PROCESSED, null, true, NOW)).isEmpty();
    }
}
