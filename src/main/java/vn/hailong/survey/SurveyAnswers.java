package vn.hailong.survey;

import java.util.List;
import java.util.Map;

/**
 * What the citizen sent from the survey page. {@code idempotencyKey} is drawn once per page, so a
 * double tap or a resend stores one rating. {@code contactConsent} and {@code phone} are the
 * optional consent to be contacted about a follow-up; they never become part of the rating.
 */
public record SurveyAnswers(String idempotencyKey, Map<String, String> answers, List<String> reasons, String comment,
        boolean contactConsent, String phone) {
}
