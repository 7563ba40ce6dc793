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
    NO_HANDOVER,
    /**
     * Not sent by the citizen: begun on the kiosk and left without "Gửi đánh giá" (idle timeout,
     * reload); stored as answered where the site says so, and counted.
     */
    NOT_SENT_BY_CITIZEN,
    /** The dossier code was typed on the kiosk's keypad (no handover). */
    KEYED_CODE,
    /** The dossier code or survey link was scanned from the receipt by the kiosk's camera (no handover). */
    SCANNED_CODE,
    /** "Not satisfied" left without a reason (only with {@link #NOT_SENT_BY_CITIZEN}: a sent rating needs one). */
    REASON_NOT_GIVEN
}
