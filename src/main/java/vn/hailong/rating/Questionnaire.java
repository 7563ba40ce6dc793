package vn.hailong.rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.FieldErrors;

/**
 * One revision of a survey template: the criteria a citizen answers, their options and points,
 * and when a reason is required. The kiosk and the phone page render it; the rating service
 * checks answers against it. Plain Java, so its rules are tested without Spring.
 */
public record Questionnaire(
        UUID templateId,
        String key,
        int revision,
        List<Criterion> criteria,
        @Nullable ReasonRule reasonRule,
        List<Reason> reasons) {

    public static final String OVERALL = "overall";
    public static final String OTHER_REASON = "OTHER";
    public static final int COMMENT_MAX_LENGTH = 2000;

    /**
     * A question. {@code indicator} is the Circular 01/2018 indicator the answer feeds (3, 4 or 7),
     * or null for questions that only the satisfaction rate uses.
     */
    public record Criterion(String key, Label label, Integer indicator, boolean required, List<Option> options) {

        public Optional<Option> option(String optionKey) {
            return options.stream().filter(o -> o.key().equals(optionKey)).findFirst();
        }
    }

    /** An answer; {@code points} follow Circular 01/2018 (2 best, 0 worst). */
    public record Option(String key, int points, Label label) {}

    public record Reason(String code, Label label) {}

    /**
     * A reason is required when {@code criterion} is answered with one of {@code options}. The
     * domain's practice says "a reason is mandatory" without saying whether a written one is enough,
     * so the template says it: with {@code codeRequired} false (the default template) a comment
     * alone is the reason; with it true one of the reason codes must be chosen (a comment may go
     * with it, and must with {@code OTHER}).
     */
    public record ReasonRule(String criterion, Set<String> options, boolean codeRequired) {

        /** A comment alone counts as the reason. */
        public ReasonRule(String criterion, Set<String> options) {
            this(criterion, options, false);
        }
    }

    /** Answers that passed the checks, in the template's order, with their points. */
    public record CheckedAnswers(
            Map<String, Option> answers,
            List<String> reasons,
            @Nullable String comment) {

        /** The overall answer: every caller reads it past throwIfAny, and check requires it. */
        public Option overall() {
            return Objects.requireNonNull(answers.get(OVERALL), "no overall answer");
        }
    }

    public Optional<Criterion> criterion(String criterionKey) {
        return criteria.stream().filter(c -> c.key().equals(criterionKey)).findFirst();
    }

    public boolean reasonRequiredFor(Map<String, String> answers) {
        // An immutable set throws on contains(null), and an unanswered criterion needs no reason.
        ReasonRule rule = reasonRule;
        String answer = rule == null ? null : answers.get(rule.criterion());
        return rule != null && answer != null && rule.options().contains(answer);
    }

    /**
     * Checks a citizen's answers; every problem is recorded in {@code errors} under a field name
     * such as {@code answers.overall} or {@code reasons}.
     */
    public CheckedAnswers check(
            @Nullable Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String comment,
            FieldErrors errors) {
        return check(answers, reasons, comment, false, errors);
    }

    /**
     * As {@link #check(Map, List, String, FieldErrors)}; with {@code reasonMayBeMissing} an answer
     * that asks for a reason is taken without one (a survey the citizen left unsent, stored as it was).
     */
    public CheckedAnswers check(
            @Nullable Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String comment,
            boolean reasonMayBeMissing,
            FieldErrors errors) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        List<String> givenReasons = reasons == null ? List.of() : reasons;
        for (String key : given.keySet()) {
            if (criterion(key).isEmpty()) {
                errors.unprocessable(
                        "answers." + key,
                        "unknown question '" + key + "'; this survey asks "
                                + criteria.stream().map(Criterion::key).toList());
            }
        }
        Map<String, Option> checked = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            String optionKey = given.get(criterion.key());
            if (optionKey == null || optionKey.isBlank()) {
                if (criterion.required()) {
                    errors.unprocessable(
                            "answers." + criterion.key(), "an answer to '" + criterion.key() + "' is required");
                }
                continue;
            }
            Optional<Option> option = criterion.option(optionKey);
            if (option.isEmpty()) {
                errors.unprocessable(
                        "answers." + criterion.key(),
                        "unknown answer '" + optionKey + "' to '" + criterion.key() + "'; one of "
                                + criterion.options().stream().map(Option::key).toList());
            } else {
                checked.put(criterion.key(), option.get());
            }
        }
        List<String> knownReasons = new ArrayList<>();
        for (String code : givenReasons) {
            if (reasons().stream().noneMatch(r -> r.code().equals(code))) {
                errors.unprocessable(
                        "reasons",
                        "unknown reason '" + code + "'; one of "
                                + reasons().stream().map(Reason::code).toList());
            } else if (!knownReasons.contains(code)) {
                knownReasons.add(code);
            }
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX_LENGTH) {
            errors.malformed("comment", "comment is longer than " + COMMENT_MAX_LENGTH + " characters");
        }
        ReasonRule rule = reasonRule; // a reason is required for an answer only under a rule
        if (rule != null
                && reasonRequiredFor(given)
                && knownReasons.isEmpty()
                && (text == null || rule.codeRequired())
                && !reasonMayBeMissing) {
            errors.unprocessable(
                    "reasons",
                    (rule.codeRequired()
                                    ? "a reason code (one of "
                                            + reasons().stream()
                                                    .map(Reason::code)
                                                    .toList() + ") is required"
                                    : "a reason (a reason code or a comment) is required")
                            + " when the answer to '" + rule.criterion() + "' is "
                            + given.get(rule.criterion()));
        }
        if (knownReasons.contains(OTHER_REASON) && text == null) {
            errors.unprocessable("comment", "please describe the reason when choosing " + OTHER_REASON);
        }
        return new CheckedAnswers(checked, List.copyOf(knownReasons), text);
    }
}
