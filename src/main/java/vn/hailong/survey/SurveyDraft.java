package vn.hailong.survey;

import java.util.List;

import vn.hailong.platform.InvalidInputException;

/**
 * The answers a citizen has given on the phone survey page but not yet sent (or sent with
 * something to correct), kept on the server between the page's round trips: post/redirect/get
 * loses no answer. {@code errors} are what the last send found to correct (empty after a switch
 * of language or text size).
 */
public record SurveyDraft(SurveyAnswers answers, List<InvalidInputException.FieldError> errors) {

    public SurveyDraft {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
