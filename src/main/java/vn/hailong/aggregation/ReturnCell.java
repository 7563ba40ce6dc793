package vn.hailong.aggregation;

import java.util.UUID;

/** Dossiers of one unit and dimension value returned in a period, and how many of them late. */
public record ReturnCell(UUID unitId, String dimValue, long returned, long late) {}
