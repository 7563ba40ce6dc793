package vn.hailong.platform;

/**
 * Who may call what, written once: the role names for views' {@code @RolesAllowed} (Vaadin's view
 * access checker reads that annotation) and the expressions for services' {@code @PreAuthorize}.
 * The names are those of {@code vn.hailong.security.Role} (a test keeps them equal); they live here,
 * in the shared kernel, because every module guards its services and security itself depends on
 * some of them (audit, directory).
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String PROVINCE_MANAGER = "PROVINCE_MANAGER";
    public static final String UNIT_MANAGER = "UNIT_MANAGER";
    public static final String AUDITOR = "AUDITOR";
    public static final String OFFICER = "OFFICER";
    public static final String DATA_ENTRY = "DATA_ENTRY";
    /** An integrator's API key (not a user's role). */
    public static final String INTEGRATOR = "INTEGRATOR";
    /** An integrator's key that may manage webhook endpoints over the API. */
    public static final String WEBHOOK_MANAGER = "WEBHOOK_MANAGER";

    /** Administrators only. */
    public static final String IS_ADMIN = "hasRole('ADMIN')";
    /** Those who act for the whole province: administrators and the Department of Home Affairs. */
    public static final String ADMIN_OR_PROVINCE = "hasAnyRole('ADMIN', 'PROVINCE_MANAGER')";
    /** Those who read the whole province without managing a unit of it. */
    public static final String PROVINCE_READERS = "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'AUDITOR')";
    /** Managers at every level (each within their scope). */
    public static final String MANAGERS = "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER')";
    /** Managers and auditors: every reader of figures (each within their scope). */
    public static final String MANAGERS_AND_AUDITORS =
            "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR')";
    /** Managers and the one-stop software's keys. */
    public static final String MANAGERS_AND_INTEGRATORS =
            "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'INTEGRATOR')";
    /** Every reader of figures and the one-stop software's keys. */
    public static final String READERS_AND_INTEGRATORS =
            "hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR', 'INTEGRATOR')";
    /** Administrators and auditors (the audit log). */
    public static final String ADMIN_OR_AUDITOR = "hasAnyRole('ADMIN', 'AUDITOR')";
    /** A unit head only. */
    public static final String IS_UNIT_MANAGER = "hasRole('UNIT_MANAGER')";
    /** Counter officers (their own counters) and administrators. */
    public static final String OFFICER_OR_ADMIN = "hasAnyRole('OFFICER', 'ADMIN')";
    /** Paper-form data entry only. */
    public static final String IS_DATA_ENTRY = "hasRole('DATA_ENTRY')";
    /** Administrators and integrators' keys allowed to manage webhooks. */
    public static final String WEBHOOK_MANAGERS = "hasAnyRole('ADMIN', 'WEBHOOK_MANAGER')";

    private Roles() {}
}
