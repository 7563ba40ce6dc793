/**
 * The ratings feed for integrators: every rating's recording and status changes in one stable
 * order, read with an opaque cursor, without personal data (ADR 099).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings feed")
@org.jspecify.annotations.NullMarked
package vn.hailong.feed;
