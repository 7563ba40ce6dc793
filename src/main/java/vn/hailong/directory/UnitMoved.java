package vn.hailong.directory;

import java.util.UUID;

/** A unit was placed under another parent (either may be null: the top of the tree). Published after the change is stored. */
public record UnitMoved(UUID unitId, UUID formerParentId, UUID parentId) {}
