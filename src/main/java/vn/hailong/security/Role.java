package vn.hailong.security;

import vn.hailong.platform.Roles;

/** Roles of human users. Integrators are not users: they hold API keys (authority ROLE_INTEGRATOR). */
public enum Role {
    /** Everything, including accounts and configuration. */
    ADMIN,
    /** The provincial Department of Home Affairs: every unit of the province. */
    PROVINCE_MANAGER,
    /** A unit head: their unit and the units below it. */
    UNIT_MANAGER,
    /** Reads everything (including integrity and audit reports), changes nothing. */
    AUDITOR,
    /** A counter officer: may never submit or see ratings. */
    OFFICER,
    /**
     * Keys in paper survey forms (Circular 01's paper channel): may submit PAPER ratings through
     * the data-entry page only, never for a dossier they handled, and sees nothing else.
     */
    DATA_ENTRY;

    public String authority() {
        return "ROLE_" + name();
    }

    public static final String INTEGRATOR_AUTHORITY = "ROLE_" + Roles.INTEGRATOR;

    /** An integrator's key that may manage webhook endpoints over the API (as ADMIN does in the UI). */
    public static final String WEBHOOK_MANAGER_AUTHORITY = "ROLE_" + Roles.WEBHOOK_MANAGER;
}
