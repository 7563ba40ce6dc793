package vn.hailong.intake;

/** What an officer did with a dossier. */
public enum OfficerRole {
    RECEIVING,
    PROCESSING,
    RETURNING
}
