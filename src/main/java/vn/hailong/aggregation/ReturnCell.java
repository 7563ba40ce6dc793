package vn.hailong.aggregation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Dossiers of one unit and dimension value returned in a period, and how many of them late. */
public record ReturnCell(@Nullable UUID unitId, String dimValue, long returned, long late) {}
