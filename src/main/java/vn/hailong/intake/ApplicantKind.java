package vn.hailong.intake;

/** Who applied (national codes 1 to 4). No identity of the applicant is ever stored. */
public enum ApplicantKind {
    CITIZEN,
    BUSINESS,
    STATE_AGENCY,
    OTHER
}
