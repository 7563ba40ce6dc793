package vn.hailong.kiosk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.rating.Questionnaire;

/**
 * What the kiosk shows for one dossier: the procedure and the code's last digits (never personal
 * data), and the active questionnaire. {@code handoverId} is set when the officer's handover bound
 * the dossier; null when the citizen typed or scanned the code.
 */
public record KioskSurvey(
        @Nullable UUID handoverId, String dossierCode, String procedureName, Questionnaire questionnaire) {

    /** The dossier code's last group ("…0361"): enough for the citizen to recognise it, nothing more. */
    public String dossierTail() {
        int dash = dossierCode.lastIndexOf('-');
        String tail = dash >= 0 ? dossierCode.substring(dash + 1) : dossierCode;
        return "…" + (tail.length() > 4 ? tail.substring(tail.length() - 4) : tail);
    }
}
