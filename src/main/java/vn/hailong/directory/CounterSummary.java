package vn.hailong.directory;

import java.util.UUID;

/** A counter with the service centre it belongs to. */
public record CounterSummary(UUID id, String code, String name, UUID centreId, String centreCode, String centreName) {}
