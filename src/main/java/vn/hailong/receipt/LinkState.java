package vn.hailong.receipt;

/** What a survey link leads to. */
public enum LinkState {
    /** The link belongs to a dossier and may be used to rate it. */
    VALID,
    /** No dossier has this link (mistyped, forged, or of another system). */
    UNKNOWN,
    /** The dossier's result was returned longer ago than links stay valid. */
    EXPIRED
}
