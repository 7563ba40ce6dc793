package vn.hailong.directory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A unit was placed under another parent (either may be null: the top of the tree). Published after the change is stored. */
public record UnitMoved(
        UUID unitId,
        @Nullable UUID formerParentId,
        @Nullable UUID parentId) {}
