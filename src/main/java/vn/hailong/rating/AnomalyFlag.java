package vn.hailong.rating;

/**
 * Why a rating deserves a second look. Stored with the rating for review; a flag never changes
 * whether the rating counts (reviewers may exclude it).
 */
public enum AnomalyFlag {
    /** Sent within seconds of the officer's handover: faster than a citizen reads the question. */
    FAST_AFTER_HANDOVER,
    /** One of many ratings from the same kiosk within a few minutes. */
    BURST,
    /** Sent outside the centre's opening hours. */
    OUTSIDE_OPENING_HOURS,
    /** The latest of a long run of top ratings from the same kiosk. */
    TOP_STREAK,
    /** The kiosk had no handover for this dossier: the code was typed or scanned. */
    NO_HANDOVER
}
