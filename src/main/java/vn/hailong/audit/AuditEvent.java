package vn.hailong.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a module publishes (as a Spring application event) for the audit log to record: who did
 * what to what. Published inside the action's transaction, the entry commits or rolls back with it.
 * {@code actor} may be null: the logged-in user (or "system") is taken then. See the package
 * documentation for the contract.
 */
public record AuditEvent(@Nullable String actor, AuditAction action, String subject, String details) {

    /** An event by the logged-in user. */
    public static AuditEvent of(AuditAction action, String subject, String details) {
        return new AuditEvent(null, action, subject, details);
    }
}
