package vn.hailong.dashboard;

import java.time.Instant;

/** Published when someone exported figures or ratings; the audit log records it. */
public record DataExported(String username, String what, String format, String filters, int rows, Instant at) {
}
