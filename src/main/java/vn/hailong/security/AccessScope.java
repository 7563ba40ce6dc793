package vn.hailong.security;

import java.util.Set;

import vn.hailong.platform.UnitId;

/**
 * The units a user may see: all of them (province-wide roles) or a subtree. Services filter by
 * it, so a unit manager cannot reach another unit's figures even by calling a service directly.
 * A scope is always a whole subtree: whoever may see a unit may see every unit below it (the
 * dashboard reads a selected unit's figures together with those of the units below).
 */
public record AccessScope(boolean allUnits, Set<UnitId> unitIds) {

    public static AccessScope everything() {
        return new AccessScope(true, Set.of());
    }

    public static AccessScope nothing() {
        return new AccessScope(false, Set.of());
    }

    public boolean includes(UnitId unitId) {
        return allUnits || unitIds.contains(unitId);
    }
}
