package vn.hailong.directory;

/** What kind of unit an agency is; the index ranks departments and communes in separate peer groups. */
public enum AgencyKind {
    PROVINCE,
    DEPARTMENT,
    COMMUNE,
    SERVICE_CENTRE,
    OTHER
}
