package vn.hailong.audit;

/** Kinds of audited actions. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    CONFIGURATION_CHANGED,
    ACCOUNT_CHANGED,
    ENROLMENT,
    MODERATION_DISPUTED,
    MODERATION_DECIDED,
    EXPORT,
    ROLLUPS_REBUILT,
    /** The index (issue 19): a draft computed (or a correction's draft), reviewed, published, published as a correction, discarded. */
    INDEX_COMPUTED,
    INDEX_REVIEWED,
    INDEX_PUBLISHED,
    INDEX_CORRECTED,
    INDEX_DRAFT_DISCARDED,
    /** A methodology version created (it applies from then on to the periods it covers). */
    METHODOLOGY_CHANGED,
    /** A unit's entered indicator (Circular 01 indicators 5, 6, 8, 9): old value → new value. */
    INDICATOR_ENTERED,
    /** Paper forms (issue 20): a form keyed in, and its blind second keying. */
    PAPER_FORM_KEYED,
    PAPER_FORM_CHECKED
}
