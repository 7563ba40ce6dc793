package vn.hailong.dashboard;

import java.time.YearMonth;

/** One month of a trend line and the same month a year earlier. */
public record TrendPoint(YearMonth month, Figures figures, Figures yearBefore) {}
