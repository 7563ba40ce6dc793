/**
 * Webhooks after the Standard Webhooks specification: signed, at-least-once deliveries of the
 * system's events to endpoints an administrator registers, from a delivery outbox (ADR 098).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
@org.jspecify.annotations.NullMarked
package vn.hailong.webhook;
