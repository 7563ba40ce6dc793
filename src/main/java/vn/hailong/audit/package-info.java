/**
 * Audit log: log-ins, configuration changes, enrolments, moderation decisions and exports,
 * append-only and hash-chained (see {@link vn.hailong.audit.AuditLog}).
 *
 * <h2>Contract for other modules</h2>
 * A module records an audited action by publishing an {@link vn.hailong.audit.AuditEvent} with
 * Spring's {@code ApplicationEventPublisher}, <em>inside the transaction of the action</em>:
 * <pre>{@code
 * events.publishEvent(AuditEvent.of(AuditAction.MODERATION_DECIDED, "rating " + ratingId,
 *         "dispute " + disputeId + " upheld by second person; reason ABUSIVE_TEXT"));
 * }</pre>
 * <ul>
 * <li>The audit log listens synchronously ({@code @EventListener}, not after commit): the entry is
 * written in the caller's transaction, so it commits or rolls back with the action, and a failure
 * to audit fails the action. Publish it after validation and after the change is made.</li>
 * <li>{@code actor}: null means the logged-in user (the security context's name), or "system"
 * when there is none (scheduled jobs).</li>
 * <li>{@code subject}: what was acted on, short and searchable ("account tnmt", "kiosk device K-01",
 * "rating 0190…"), at most 200 characters. {@code details}: what changed (old → new), at most 2000
 * characters; never passwords, secrets, tokens or citizens' phone numbers.</li>
 * <li>{@link vn.hailong.audit.AuditAction} names the kind: moderation publishes
 * {@code MODERATION_DISPUTED} when a rating is disputed and {@code MODERATION_DECIDED} when the
 * second person decides; exports {@code EXPORT}; kiosk enrolment {@code ENROLMENT}; configuration
 * {@code CONFIGURATION_CHANGED}; accounts and API keys {@code ACCOUNT_CHANGED}.</li>
 * <li>The audit module depends on no other module of the application, so publishing the event
 * creates no cycle.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package vn.hailong.audit;
