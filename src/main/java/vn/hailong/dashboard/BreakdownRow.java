package vn.hailong.dashboard;

/** One row of a breakdown: {@code key} identifies it (a unit id for UNIT rows, for drilling down). */
public record BreakdownRow(String key, String code, String label, Figures figures) {}
