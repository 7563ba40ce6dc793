package vn.hailong.kiosk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rating as the kiosk page sends it (and resends it, with the same key, after a network drop):
 * completed, or {@code abandoned} (begun and left without "Gửi đánh giá"; see {@link AbandonedSurveys}).
 * {@code contactConsent} and {@code phone}: the citizen asked to be called back (only where a
 * reason is asked, as on the phone page); the number goes to the follow-up case, never into the rating.
 * {@code entry}: how a dossier without a handover was found (typed on the keypad or scanned).
 */
public record KioskRating(
        @Nullable String idempotencyKey,
        @Nullable String dossierCode,
        @Nullable UUID handoverId,
        @Nullable Map<String, String> answers,
        @Nullable List<String> reasons,
        @Nullable String comment,
        boolean abandoned,
        boolean contactConsent,
        @Nullable String phone,
        @Nullable Entry entry) {

    public enum Entry {
        KEYED,
        SCANNED
    }

    public KioskRating(
            String idempotencyKey,
            String dossierCode,
            @Nullable UUID handoverId,
            Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String comment) {
        this(idempotencyKey, dossierCode, handoverId, answers, reasons, comment, false, false, null, null);
    }
}
