package vn.hailong.dashboard;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A unit of the agency tree; {@code parentId} is null for the top of what the user may see. */
public record UnitNode(
        UUID id, String code, String name, @Nullable UUID parentId) {}
