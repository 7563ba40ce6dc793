package vn.hailong.survey.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.Label;
import vn.hailong.rating.Questionnaire;
import vn.hailong.survey.SurveyAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone page tells the citizen what counts as a reason, as the template's reason rule says. */
class SurveyFormReasonTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void the_missing_reason_message_offers_a_comment_only_when_a_comment_counts(boolean codeRequired) {
        Questionnaire q = new Questionnaire(
                UUID.randomUUID(),
                "t",
                1,
                List.of(new Questionnaire.Criterion(
                        "overall",
                        new Label("Chung", "Overall"),
                        null,
                        true,
                        List.of(
                                new Questionnaire.Option("SATISFIED", 1, new Label("Hài lòng", "Satisfied")),
                                new Questionnaire.Option(
                                        "DISSATISFIED", 0, new Label("Không hài lòng", "Not satisfied"))))),
                new Questionnaire.ReasonRule("overall", Set.of("DISSATISFIED"), codeRequired),
                List.of(new Questionnaire.Reason("SLOW", new Label("Chậm", "Slow"))));
        Map<String, String> texts = SurveyTexts.in("vi");
        SurveyForm form = SurveyForm.of(
                q,
                new SurveyAnswers("k", Map.of("overall", "DISSATISFIED"), List.of(), "", false, ""),
                texts,
                Locale.forLanguageTag("vi"));

        form.show(List.of(new InvalidInputException.FieldError("reasons", "required")), texts);

        assertThat(form.getReasonsError())
                .isEqualTo(
                        codeRequired
                                ? "Vui lòng chọn ít nhất một lý do"
                                : "Vui lòng chọn ít nhất một lý do, hoặc ghi lý do vào ô bên dưới");
    }
}
