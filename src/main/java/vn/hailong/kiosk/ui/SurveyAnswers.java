package vn.hailong.kiosk.ui;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.followup.MobileNumber;
import vn.hailong.kiosk.KioskRating;
import vn.hailong.kiosk.KioskSurvey;
import vn.hailong.rating.Questionnaire;

/**
 * The survey on the tablet and the citizen's answers so far, as the server holds them: kept while
 * the survey screen is shown again (the details opened, the language switched), cleared when the
 * survey is sent or left. The browser mirrors the same answers in its draft (kiosk-client.js).
 */
final class SurveyAnswers {

    static final int OTHER_MAX_LENGTH = 300;
    static final int PHONE_MAX_DIGITS = 10;

    private @Nullable KioskSurvey survey;
    private String idempotencyKey = "";
    /** How the dossier was found when there was no handover: typed or scanned (an integrity signal). */
    private KioskRating.@Nullable Entry entry;

    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Set<String> reasons = new LinkedHashSet<>();
    /** The "other reason" text typed on the on-screen keyboard. */
    private String comment = "";
    /** The citizen asks to be called back (offered with the reasons only), and the number typed for it. */
    private boolean contactConsent;

    private String phone = "";
    /** What is missing before the survey can be sent, once the citizen tapped "send" too early. */
    private @Nullable String message;

    /** A new survey on the screen, with a new idempotency key for its rating. */
    void begin(KioskSurvey next, KioskRating.@Nullable Entry how) {
        clear();
        survey = next;
        entry = how;
        idempotencyKey = "kiosk-" + UUID.randomUUID();
    }

    void clear() {
        survey = null;
        entry = null;
        answers.clear();
        reasons.clear();
        comment = "";
        contactConsent = false;
        phone = "";
        message = null;
    }

    @Nullable
    KioskSurvey survey() {
        return survey;
    }

    KioskSurvey current() {
        if (survey == null) {
            throw new IllegalStateException("no survey on the screen");
        }
        return survey;
    }

    @Nullable
    UUID handoverId() {
        return survey == null ? null : survey.handoverId();
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    KioskRating.@Nullable Entry entry() {
        return entry;
    }

    /** From the first answer on the survey is in progress (a handover waits for it). */
    boolean begun() {
        return !answers.isEmpty();
    }

    @Nullable
    String answer(String criterion) {
        return answers.get(criterion);
    }

    void answer(String criterion, String option) {
        answers.put(criterion, option);
    }

    /** An optional question: a second tap on the chosen answer takes it back. */
    void toggleAnswer(String criterion, String option) {
        if (option.equals(answers.get(criterion))) {
            answers.remove(criterion);
        } else {
            answers.put(criterion, option);
        }
    }

    boolean reasonRequired() {
        return current().questionnaire().reasonRequiredFor(answers);
    }

    boolean hasReason(String code) {
        return reasons.contains(code);
    }

    /** Chooses or unchooses a reason; true when it is chosen now. */
    boolean toggleReason(String code) {
        if (!reasons.remove(code)) {
            reasons.add(code);
        }
        return reasons.contains(code);
    }

    String comment() {
        return comment;
    }

    void comment(String text) {
        comment = text.length() > OTHER_MAX_LENGTH ? text.substring(0, OTHER_MAX_LENGTH) : text;
    }

    /** The other reason's words as the rating carries them: none unless "other" is chosen. */
    String otherReasonText() {
        return reasons.contains(Questionnaire.OTHER_REASON) ? comment.strip() : "";
    }

    boolean contactConsent() {
        return contactConsent;
    }

    void contactConsent(boolean consent) {
        contactConsent = consent;
        if (!consent) {
            phone = "";
        }
    }

    String phone() {
        return phone;
    }

    void phone(String digits) {
        phone = digits.length() > PHONE_MAX_DIGITS ? digits.substring(0, PHONE_MAX_DIGITS) : digits;
    }

    @Nullable
    String message() {
        return message;
    }

    void message(@Nullable String text) {
        message = text;
    }

    boolean complete() {
        return answers.containsKey(Questionnaire.OVERALL)
                && (!reasonRequired() || !reasons.isEmpty())
                && !otherWithoutText()
                && !consentWithoutNumber();
    }

    /** Why the survey cannot be sent yet, in the citizen's words. */
    String missing(KioskWords w) {
        return consentWithoutNumber() && !reasons.isEmpty() && !otherWithoutText()
                ? w.t("missing.phoneNumber")
                : otherWithoutText() ? w.t("missing.otherReasonText") : w.t("missing.reason");
    }

    private boolean consentWithoutNumber() {
        return contactConsent && MobileNumber.parse(phone).isEmpty();
    }

    private boolean otherWithoutText() {
        return reasons.contains(Questionnaire.OTHER_REASON) && comment.isBlank();
    }

    /** The completed rating as the outbox sends it to /kiosk-device/ratings. */
    Map<String, Object> rating() {
        KioskSurvey s = current();
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("idempotencyKey", idempotencyKey);
        rating.put("dossierCode", s.dossierCode());
        rating.put("handoverId", s.handoverId() == null ? null : s.handoverId().toString());
        if (entry != null) {
            rating.put("entry", entry.name());
        }
        rating.put("answers", new LinkedHashMap<>(answers));
        rating.put("reasons", List.copyOf(reasons));
        if (reasons.contains(Questionnaire.OTHER_REASON)) {
            rating.put("comment", comment.strip());
        }
        if (contactConsent) {
            rating.put("contactConsent", true);
            rating.put("phone", phone);
        }
        return rating;
    }
}
