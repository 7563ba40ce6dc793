package vn.hailong.survey;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the citizen sent from the survey page. {@code idempotencyKey} is drawn once per page, so a
 * double tap or a resend stores one rating. {@code reasonDetail} is the text box next to the
 * reasons ("Lý do khác"), asked only with an answer that needs a reason; it is stored as the start
 * of the rating's comment. {@code contactConsent} and {@code phone} are the optional consent to be
 * contacted about a follow-up; they never become part of the rating.
 */
public record SurveyAnswers(
        String idempotencyKey,
        Map<String, String> answers,
        List<String> reasons,
        @Nullable String reasonDetail,
        @Nullable String comment,
        boolean contactConsent,
        @Nullable String phone) {

    /** Answers without a reason detail (everything goes in {@code comment}). */
    public SurveyAnswers(
            String idempotencyKey,
            Map<String, String> answers,
            List<String> reasons,
            @Nullable String comment,
            boolean contactConsent,
            @Nullable String phone) {
        this(idempotencyKey, answers, reasons, null, comment, contactConsent, phone);
    }
}
