/**
 * Rollups of ratings and returned dossiers per unit and day, month, quarter and year, maintained
 * incrementally from rating and intake events and rebuildable from the raw tables; the dashboard
 * reads them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Aggregation (rollups)")
@org.jspecify.annotations.NullMarked
package vn.hailong.aggregation;
