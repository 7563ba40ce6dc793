package vn.hailong.survey;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.hailong.rating.Questionnaire;

/**
 * What a survey link shows. For anything but {@link State#OPEN} only the state is set, so an
 * unknown or expired link reveals nothing about any dossier.
 */
public record SurveyPage(
        State state,
        @Nullable String procedureName,
        @Nullable String dossierLastDigits,
        @Nullable String statusCode,
        @Nullable LocalDate dueDate,
        @Nullable Questionnaire questionnaire) {

    public enum State {
        OPEN,
        ALREADY_RATED,
        EXPIRED,
        UNKNOWN,
        /** A staff account is logged in on this browser: staff never rate for a citizen. */
        STAFF
    }

    static SurveyPage closed(State state) {
        return new SurveyPage(state, null, null, null, null, null);
    }

    public boolean returned() {
        return "RETURNED".equals(statusCode);
    }
}
