package vn.hailong.intake;

/** The ten national dossier statuses, in the order of their sync codes 1 to 10. */
public enum DossierStatus {
    REGISTERED,
    RECEIVED,
    NOT_ACCEPTED,
    PROCESSING,
    SUPPLEMENT_REQUESTED,
    FINANCIAL_OBLIGATION_REQUESTED,
    WITHDRAWN,
    STOPPED,
    PROCESSED,
    RETURNED;

    /** The national sync code ("1" to "10"). */
    public int syncCode() {
        return ordinal() + 1;
    }
}
