package vn.hailong.kiosk;

/** What a kiosk does with a rating that names no dossier (no handover, no typed or scanned code). */
public enum UnboundRatings {
    /** Refused (400 naming dossierCode); the tablet offers no way to rate without a dossier. */
    REFUSE,
    /** Stored apart as "unbound", never counted in the index or the satisfaction figures. */
    STORE
}
