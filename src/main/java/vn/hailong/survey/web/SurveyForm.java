package vn.hailong.survey.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.Questionnaire;
import vn.hailong.survey.SurveyAnswers;

/**
 * The survey form as the template shows it: the questionnaire's questions with the citizen's
 * answers so far and, after a failed submission, a message next to each field to correct. The
 * required questions come first and are followed by the send button, so that a citizen who answers
 * only those can send at once; the optional ones follow, with the send button again at the end.
 * The reasons (with their own text box, and the consent to be called) follow the question that
 * asks for them.
 */
public final class SurveyForm {

    static final String QUESTION_PREFIX = "q.";

    /** One radio button or check box. */
    public record Choice(String id, String value, String label, boolean checked) {}

    /** One question: a fieldset of radio buttons. {@code reasonsAfter}: the reasons follow it. */
    public record Question(
            String key,
            String id,
            String legend,
            boolean optional,
            List<Choice> choices,
            @Nullable String error,
            boolean reasonsAfter) {

        public String name() {
            return QUESTION_PREFIX + key;
        }

        public String errorId() {
            return id + "-error";
        }
    }

    /** A line of the error summary, linking to the field. */
    public record ErrorLink(String href, String text) {}

    final List<Question> questions = new ArrayList<>();
    final List<Choice> reasons = new ArrayList<>();
    final List<ErrorLink> errors = new ArrayList<>();

    @Nullable
    String reasonCriterion;

    @Nullable
    String reasonOptions;

    boolean reasonsOpen;

    @Nullable
    String reasonsError;

    boolean reasonCodeRequired;
    String reasonDetail = "";

    @Nullable
    String reasonDetailError;

    String comment = "";

    @Nullable
    String commentError;

    boolean consent;
    String phone = "";

    @Nullable
    String phoneError;

    @Nullable
    String consentError;

    @Nullable
    String generalError;

    final String key;

    private SurveyForm(String key) {
        this.key = key;
    }

    static SurveyForm of(Questionnaire questionnaire, SurveyAnswers given, Map<String, String> texts, Locale locale) {
        SurveyForm form = new SurveyForm(given.idempotencyKey());
        Map<String, String> answers = given.answers() == null ? Map.of() : given.answers();
        @Nullable
        String reasonCriterion = questionnaire.reasonRule() == null
                ? null
                : questionnaire.reasonRule().criterion();
        for (Questionnaire.Criterion c : questionnaire.criteria()) {
            List<Choice> choices = new ArrayList<>();
            for (Questionnaire.Option o : c.options()) {
                choices.add(new Choice(
                        "q-" + c.key() + "-" + o.key(),
                        o.key(),
                        o.label().in(locale),
                        o.key().equals(answers.get(c.key()))));
            }
            form.questions.add(new Question(
                    c.key(),
                    "q-" + c.key(),
                    c.label().in(locale),
                    !c.required(),
                    choices,
                    null,
                    c.key().equals(reasonCriterion)));
        }
        if (reasonCriterion == null && !form.questions.isEmpty()) {
            Question last = form.questions.removeLast();
            form.questions.add(
                    new Question(last.key(), last.id(), last.legend(), last.optional(), last.choices(), null, true));
        }
        if (questionnaire.reasonRule() != null) {
            form.reasonCriterion = QUESTION_PREFIX + reasonCriterion;
            form.reasonOptions = String.join(" ", questionnaire.reasonRule().options());
        }
        List<String> chosen = given.reasons() == null ? List.of() : given.reasons();
        for (Questionnaire.Reason r : questionnaire.reasons()) {
            form.reasons.add(
                    new Choice("reason-" + r.code(), r.code(), r.label().in(locale), chosen.contains(r.code())));
        }
        form.reasonsOpen = questionnaire.reasonRequiredFor(answers);
        form.reasonCodeRequired =
                questionnaire.reasonRule() != null && questionnaire.reasonRule().codeRequired();
        form.reasonDetail = given.reasonDetail() == null ? "" : given.reasonDetail();
        form.comment = given.comment() == null ? "" : given.comment();
        form.consent = given.contactConsent();
        form.phone = given.phone() == null ? "" : given.phone();
        return form;
    }

    /** Puts each error next to its field (Vietnamese or English), and lists them all at the top in page order. */
    void show(List<InvalidInputException.FieldError> fieldErrors, Map<String, String> texts) {
        Map<String, String> byField = new HashMap<>();
        for (InvalidInputException.FieldError e : fieldErrors) {
            byField.putIfAbsent(e.field(), e.message());
        }
        Map<String, String> summary = new LinkedHashMap<>();
        List<Question> pageOrder = new ArrayList<>(getRequired());
        pageOrder.addAll(getOptional());
        String commentProblem = byField.remove("comment");
        // "Other reason" without a description is asked at the reasons' own text box.
        boolean describe = commentProblem != null && !commentProblem.contains("longer") && !reasons.isEmpty();
        for (Question q : pageOrder) {
            int i = questions.indexOf(q);
            if (byField.remove("answers." + q.key()) != null) {
                q = new Question(
                        q.key(),
                        q.id(),
                        q.legend(),
                        q.optional(),
                        q.choices(),
                        texts.get("chooseAnswer"),
                        q.reasonsAfter());
                questions.set(i, q);
                summary.put("#" + q.choices().getFirst().id(), q.legend() + ": " + q.error());
            }
            if (q.reasonsAfter()) {
                if (byField.remove("reasons") != null) {
                    // A template may require a reason code: then a comment alone is not offered as a way out.
                    reasonsError = texts.get(reasonCodeRequired ? "chooseReasonCode" : "chooseReason");
                    summary.put("#" + reasons.getFirst().id(), reasonsError);
                }
                if (byField.remove("reasonDetail") != null) {
                    reasonDetailError = texts.get("commentTooLong");
                    summary.put("#reason-detail", reasonDetailError);
                } else if (describe) {
                    reasonDetailError = texts.get("describeReason");
                    summary.put("#reason-detail", reasonDetailError);
                }
                String phoneProblem = byField.remove("phone");
                if (phoneProblem != null) {
                    phoneError = texts.get(phoneProblem.startsWith("required") ? "phoneMissing" : "phoneInvalid");
                    summary.put("#phone", phoneError);
                }
                if (byField.remove("contactConsent") != null) {
                    consentError = texts.get("consentMissing");
                    summary.put("#contact", consentError);
                }
            }
        }
        if (commentProblem != null && !(describe && reasonDetailError != null)) {
            commentError = texts.get(commentProblem.contains("longer") ? "commentTooLong" : "describeReason");
            summary.put("#comment", commentError);
        }
        reasonsOpen = reasonsOpen
                || reasonsError != null
                || reasonDetailError != null
                || phoneError != null
                || consentError != null;
        if (!byField.isEmpty()) {
            generalError = texts.get("tryAgain");
            summary.put("#submit", generalError);
        }
        summary.forEach((href, text) -> errors.add(new ErrorLink(href, text)));
    }

    // Getters for the template (Thymeleaf reads properties).

    public List<Question> getQuestions() {
        return questions;
    }

    /** The questions to answer before sending (the overall question), in the questionnaire's order. */
    public List<Question> getRequired() {
        return questions.stream().filter(q -> !q.optional()).toList();
    }

    /** The questions a citizen may skip, shown after the first send button. */
    public List<Question> getOptional() {
        return questions.stream().filter(Question::optional).toList();
    }

    public String getReasonDetail() {
        return reasonDetail;
    }

    public @Nullable String getReasonDetailError() {
        return reasonDetailError;
    }

    public List<Choice> getReasons() {
        return reasons;
    }

    public List<ErrorLink> getErrors() {
        return errors;
    }

    public @Nullable String getReasonCriterion() {
        return reasonCriterion;
    }

    public @Nullable String getReasonOptions() {
        return reasonOptions;
    }

    public boolean isReasonsOpen() {
        return reasonsOpen;
    }

    public @Nullable String getReasonsError() {
        return reasonsError;
    }

    public String getComment() {
        return comment;
    }

    public @Nullable String getCommentError() {
        return commentError;
    }

    public boolean isConsent() {
        return consent;
    }

    public String getPhone() {
        return phone;
    }

    public @Nullable String getPhoneError() {
        return phoneError;
    }

    public @Nullable String getConsentError() {
        return consentError;
    }

    public @Nullable String getGeneralError() {
        return generalError;
    }

    public String getKey() {
        return key;
    }

    public int getCommentMaxLength() {
        return Questionnaire.COMMENT_MAX_LENGTH;
    }
}
