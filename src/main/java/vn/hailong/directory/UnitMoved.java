package vn.hailong.directory;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.UnitId;

/** A unit was placed under another parent (either may be null: the top of the tree). Published after the change is stored. */
public record UnitMoved(
        UnitId unitId,
        @Nullable UnitId formerParentId,
        @Nullable UnitId parentId) {}
