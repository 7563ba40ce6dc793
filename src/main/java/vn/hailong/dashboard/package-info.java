/** Managers' dashboard: satisfaction figures per unit, limited to the units the user is responsible for. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
@org.jspecify.annotations.NullMarked
package vn.hailong.dashboard;
