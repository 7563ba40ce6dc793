package vn.hailong.kiosk;

/**
 * What a kiosk does with a survey the citizen began and left without pressing "Gửi đánh giá"
 * (idle timeout, reload, the tablet switched off). An untouched survey stores nothing either way.
 */
public enum AbandonedSurveys {
    /**
     * With an answer to the overall question: stored and counted as what it is, the answers given,
     * flagged {@code NOT_SENT_BY_CITIZEN}, and {@code REASON_NOT_GIVEN} for "not satisfied" without
     * a reason. Unhappy citizens are the likeliest to leave without sending: dropping their answer
     * would bias the index upwards.
     */
    STORE,
    /** Discarded, as before issue 16. */
    DISCARD
}
