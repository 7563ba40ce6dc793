package vn.hailong.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.hailong.intake.DossierStatus;

/**
 * Which dossiers a code typed on the kiosk's keypad (or scanned from a receipt) may open
 * ({@code hailong.kiosk.keypad.*}). Anyone at the tablet, staff included, can type a code they
 * know; so only dossiers that a citizen at this counter could plausibly be rating are opened.
 * A handover from the one-stop software is not subject to these rules. Plain rules, tested
 * without Spring.
 *
 * @param statuses dossier statuses that may be rated from a typed code (default: result returned)
 * @param servedUnits {@code CENTRE}: only dossiers whose receiving, competent or evaluated unit is
 *        the kiosk's service centre's unit or a unit below it; {@code ANY}: any unit
 * @param returnedWithin how long after the result was returned a typed code still opens the
 *        survey (zero: no limit); dossiers without a return time are not limited by it
 */
@ConfigurationProperties("hailong.kiosk.keypad")
public record KeypadRules(
        @DefaultValue("RETURNED") Set<DossierStatus> statuses,
        @DefaultValue("CENTRE") ServedUnits servedUnits,
        @DefaultValue("P30D") Duration returnedWithin) {

    public enum ServedUnits {
        CENTRE,
        ANY
    }

    /** Why a typed or scanned dossier is not opened here, or empty when it may be rated. */
    public enum Refusal {
        NOT_RETURNED,
        NOT_SERVED_HERE,
        TOO_LATE
    }

    /**
     * @param servedHere whether one of the dossier's units is the centre's unit or below it
     */
    public Optional<Refusal> refusal(
            DossierStatus status, @Nullable Instant returnedAt, boolean servedHere, Instant now) {
        if (!statuses.contains(status)) {
            return Optional.of(Refusal.NOT_RETURNED);
        }
        if (servedUnits == ServedUnits.CENTRE && !servedHere) {
            return Optional.of(Refusal.NOT_SERVED_HERE);
        }
        if (!returnedWithin.isZero() && returnedAt != null && now.isAfter(returnedAt.plus(returnedWithin))) {
            return Optional.of(Refusal.TOO_LATE);
        }
        return Optional.empty();
    }
}
