/** The managers' dashboard views: headline figures, charts, breakdowns, exports and the counter desk. */
@org.jspecify.annotations.NullMarked
package vn.hailong.dashboard.ui;
