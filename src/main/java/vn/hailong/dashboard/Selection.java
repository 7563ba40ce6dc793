package vn.hailong.dashboard;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the dashboard shows: a period, and a unit with the units below it (null: everything in scope). */
public record Selection(DashboardPeriod period, @Nullable UUID unitId) {}
