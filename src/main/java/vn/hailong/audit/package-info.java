/** Audit log: logins, configuration changes, enrolments, moderation decisions and exports, append-only and hash-chained. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.hailong.audit;
