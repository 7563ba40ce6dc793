package vn.hailong.rating;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a citizen's answers, against a questionnaire built like V6__default_survey_template.sql. */
class QuestionnaireTest {

    static final Questionnaire DEFAULT = defaultQuestionnaire();

    static Questionnaire defaultQuestionnaire() {
        List<Questionnaire.Option> satisfaction = List.of(
                new Questionnaire.Option("VERY_SATISFIED", 2, new Label("Rất hài lòng", "Very satisfied")),
                new Questionnaire.Option("SATISFIED", 1, new Label("Hài lòng", "Satisfied")),
                new Questionnaire.Option("DISSATISFIED", 0, new Label("Không hài lòng", "Not satisfied")));
        return new Questionnaire(
                UUID.fromString("018f0000-0000-7000-8000-000000000001"),
                "default",
                1,
                List.of(
                        new Questionnaire.Criterion(
                                "overall",
                                new Label("Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?", null),
                                null,
                                true,
                                satisfaction),
                        new Questionnaire.Criterion(
                                "convenience",
                                new Label("Mức độ thuận tiện", "Convenience"),
                                null,
                                false,
                                satisfaction),
                        new Questionnaire.Criterion(
                                "attitude", new Label("Thái độ của cán bộ, công chức", null), 7, false, satisfaction),
                        new Questionnaire.Criterion(
                                "contacts",
                                new Label("Số lần phải liên hệ để hoàn thiện hồ sơ", null),
                                3,
                                false,
                                List.of(
                                        new Questionnaire.Option("NONE", 2, new Label("Không lần nào", "None")),
                                        new Questionnaire.Option("ONCE", 1, new Label("Một lần", "Once")),
                                        new Questionnaire.Option(
                                                "MORE", 0, new Label("Nhiều hơn một lần", "More than once")))),
                        new Questionnaire.Criterion(
                                "agencies",
                                new Label("Số cơ quan phải liên hệ", null),
                                4,
                                false,
                                List.of(
                                        new Questionnaire.Option(
                                                "NONE", 2, new Label("Không phải liên hệ thêm", "None")),
                                        new Questionnaire.Option(
                                                "COUNTER_ONLY",
                                                1,
                                                new Label("Chỉ Bộ phận Một cửa", "Only the one-stop counter")),
                                        new Questionnaire.Option(
                                                "MORE", 0, new Label("Nhiều cơ quan", "Several agencies"))))),
                new Questionnaire.ReasonRule("overall", Set.of("DISSATISFIED")),
                Arrays.stream(new String[] {
                            "SLOW", "ATTITUDE", "EXTRA_DOCUMENTS", "UNCLEAR_GUIDANCE", "EXTRA_FEES", "OTHER"
                        })
                        .map(code -> new Questionnaire.Reason(code, new Label(code, code)))
                        .toList());
    }

    /** The field errors a check records, thrown as the service would throw them. */
    static InvalidInputException errorsOf(Map<String, String> answers, List<String> reasons, String comment) {
        FieldErrors errors = new FieldErrors();
        DEFAULT.check(answers, reasons, comment, errors);
        return Assertions.assertThrows(InvalidInputException.class, errors::throwIfAny);
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(InvalidInputException.FieldError::field).toList();
    }

    @Test
    void a_complete_answer_passes_with_its_points_in_the_template_order() {
        FieldErrors errors = new FieldErrors();

        Questionnaire.CheckedAnswers checked = DEFAULT.check(
                Map.of("contacts", "ONCE", "overall", "VERY_SATISFIED", "attitude", "SATISFIED"),
                null,
                "  Cảm ơn  ",
                errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.overall().points()).isEqualTo(2);
        assertThat(checked.answers()).containsOnlyKeys("overall", "attitude", "contacts");
        assertThat(checked.answers().keySet()).containsExactly("overall", "attitude", "contacts");
        assertThat(checked.answers().get("contacts").points()).isEqualTo(1);
        assertThat(checked.comment()).isEqualTo("Cảm ơn");
        assertThat(checked.reasons()).isEmpty();
    }

    @Test
    void the_overall_answer_is_required() {
        InvalidInputException e = errorsOf(Map.of("attitude", "SATISFIED"), null, null);

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.UNPROCESSABLE);
        assertThat(fields(e)).containsExactly("answers.overall");
    }

    @Test
    void no_answers_at_all_miss_the_overall_answer() {
        assertThat(fields(errorsOf(null, null, null))).containsExactly("answers.overall");
        assertThat(fields(errorsOf(Map.of("overall", " "), null, null))).containsExactly("answers.overall");
    }

    @Test
    void an_answer_to_an_unknown_question_is_refused_by_its_name() {
        InvalidInputException e = errorsOf(Map.of("overall", "SATISFIED", "speed", "SATISFIED"), null, null);

        assertThat(fields(e)).containsExactly("answers.speed");
    }

    @Test
    void an_unknown_option_is_refused_under_its_question() {
        InvalidInputException e = errorsOf(Map.of("overall", "SATISFIED", "contacts", "TWICE"), null, null);

        assertThat(fields(e)).containsExactly("answers.contacts");
        assertThat(e.errors().getFirst().message()).contains("NONE", "ONCE", "MORE");
    }

    @Test
    void an_option_of_another_question_is_unknown() {
        assertThat(fields(errorsOf(Map.of("overall", "COUNTER_ONLY"), null, null)))
                .containsExactly("answers.overall");
    }

    @Test
    void dissatisfied_without_a_reason_is_refused_on_the_reasons_field() {
        InvalidInputException e = errorsOf(Map.of("overall", "DISSATISFIED"), List.of(), null);

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.UNPROCESSABLE);
        assertThat(fields(e)).containsExactly("reasons");
    }

    @Test
    void dissatisfied_with_only_a_comment_passes_when_the_template_lets_a_comment_be_the_reason() {
        FieldErrors errors = new FieldErrors();

        Questionnaire.CheckedAnswers checked =
                DEFAULT.check(Map.of("overall", "DISSATISFIED"), List.of(), "Chờ quá lâu", errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.reasons()).isEmpty();
        assertThat(checked.comment()).isEqualTo("Chờ quá lâu");
    }

    @Test
    void dissatisfied_with_only_a_comment_is_refused_when_the_template_requires_a_reason_code() {
        Questionnaire strict = new Questionnaire(
                DEFAULT.templateId(),
                DEFAULT.key(),
                DEFAULT.revision(),
                DEFAULT.criteria(),
                new Questionnaire.ReasonRule("overall", Set.of("DISSATISFIED"), true),
                DEFAULT.reasons());
        FieldErrors errors = new FieldErrors();
        strict.check(Map.of("overall", "DISSATISFIED"), List.of(), "Chờ quá lâu", errors);
        FieldErrors withCode = new FieldErrors();
        strict.check(Map.of("overall", "DISSATISFIED"), List.of("SLOW"), "Chờ quá lâu", withCode);

        InvalidInputException e = Assertions.assertThrows(InvalidInputException.class, errors::throwIfAny);
        assertThat(fields(e)).containsExactly("reasons");
        assertThat(e.errors().getFirst().message()).contains("reason code", "SLOW");
        assertThat(withCode.isEmpty()).isTrue();
    }

    @Test
    void dissatisfied_with_a_reason_passes() {
        FieldErrors errors = new FieldErrors();

        Questionnaire.CheckedAnswers checked =
                DEFAULT.check(Map.of("overall", "DISSATISFIED"), List.of("SLOW"), null, errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.overall().points()).isZero();
        assertThat(checked.reasons()).containsExactly("SLOW");
    }

    @Test
    void a_reason_is_not_required_when_the_citizen_is_satisfied() {
        FieldErrors errors = new FieldErrors();
        DEFAULT.check(Map.of("overall", "SATISFIED", "attitude", "DISSATISFIED"), null, null, errors);

        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void an_unknown_reason_is_refused_and_does_not_count_as_a_reason() {
        InvalidInputException e = errorsOf(Map.of("overall", "DISSATISFIED"), List.of("BORED"), null);

        assertThat(fields(e)).containsExactly("reasons", "reasons");
        assertThat(e.errors().getFirst().message()).contains("unknown reason 'BORED'");
    }

    @Test
    void the_other_reason_without_a_comment_is_refused_on_the_comment_field() {
        InvalidInputException e = errorsOf(Map.of("overall", "DISSATISFIED"), List.of("OTHER"), "   ");

        assertThat(fields(e)).containsExactly("comment");
    }

    @Test
    void the_other_reason_with_a_comment_passes() {
        FieldErrors errors = new FieldErrors();
        Questionnaire.CheckedAnswers checked =
                DEFAULT.check(Map.of("overall", "DISSATISFIED"), List.of("OTHER"), "Phải chờ quá lâu", errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.comment()).isEqualTo("Phải chờ quá lâu");
    }

    @Test
    void a_comment_longer_than_2000_characters_is_malformed() {
        InvalidInputException e = errorsOf(Map.of("overall", "SATISFIED"), null, "x".repeat(2001));

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.MALFORMED);
        assertThat(fields(e)).containsExactly("comment");
    }

    @Test
    void a_comment_of_exactly_2000_characters_passes() {
        FieldErrors errors = new FieldErrors();
        DEFAULT.check(Map.of("overall", "SATISFIED"), null, "x".repeat(2000), errors);

        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void a_too_long_comment_wins_over_a_missing_answer() {
        InvalidInputException e = errorsOf(Map.of(), null, "x".repeat(2001));

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.MALFORMED);
        assertThat(fields(e)).containsExactly("comment", "answers.overall");
    }

    @Test
    void duplicate_reasons_collapse_into_one() {
        FieldErrors errors = new FieldErrors();

        Questionnaire.CheckedAnswers checked = DEFAULT.check(
                Map.of("overall", "DISSATISFIED"), List.of("SLOW", "ATTITUDE", "SLOW", "ATTITUDE"), null, errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.reasons()).containsExactly("SLOW", "ATTITUDE");
    }

    @Test
    void every_problem_of_one_answer_sheet_is_named_at_once() {
        InvalidInputException e = errorsOf(Map.of("convenience", "MAYBE", "speed", "FAST"), List.of("OTHER"), null);

        assertThat(fields(e))
                .containsExactlyInAnyOrder("answers.speed", "answers.overall", "answers.convenience", "comment");
    }

    @Test
    void a_survey_left_unsent_may_lack_the_reason_its_answer_asks_for_but_nothing_else() {
        FieldErrors errors = new FieldErrors();

        Questionnaire.CheckedAnswers checked =
                DEFAULT.check(Map.of("overall", "DISSATISFIED"), List.of(), null, true, errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(checked.overall().key()).isEqualTo("DISSATISFIED");
        assertThat(checked.reasons()).isEmpty();
        FieldErrors unknown = new FieldErrors();
        DEFAULT.check(Map.of("overall", "DISSATISFIED"), List.of("NOPE"), null, true, unknown);
        assertThat(unknown.isEmpty()).isFalse();
    }
}
