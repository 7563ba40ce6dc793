package vn.hailong.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A set of units, told apart for reading their rollups together: {@code roots} head whole subtrees
 * of the set (read from the root's own rows and its rows of the units below), {@code ownOnly} are
 * the set's other units (read from their own rows alone). A province or a department is then one
 * root, however many units it has, and needs no list of them.
 */
public record Subtrees(Set<UUID> roots, Set<UUID> ownOnly) {

    public Subtrees {
        roots = Set.copyOf(roots);
        ownOnly = Set.copyOf(ownOnly);
    }

    /** The unit and everything below it. */
    public static Subtrees under(UUID root) {
        return new Subtrees(Set.of(root), Set.of());
    }

    /** Each of these units on its own (for figures per unit). */
    public static Subtrees eachOwn(Set<UUID> units) {
        return new Subtrees(Set.of(), units);
    }

    public boolean isEmpty() {
        return roots.isEmpty() && ownOnly.isEmpty();
    }

    /**
     * Any set of units, given the whole tree ({@code parents}: every unit's parent, null at the top).
     * A unit heads a whole subtree when it and everything below it are in the set; the highest such
     * units are roots, and the set's other units (with a unit below them left out) count their own.
     */
    public static Subtrees of(Map<UUID, UUID> parents, Set<UUID> units) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        parents.forEach((unit, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit);
            }
        });
        Map<UUID, Boolean> whole = new HashMap<>();
        Set<UUID> roots = new HashSet<>();
        Set<UUID> ownOnly = new HashSet<>();
        for (UUID unit : units) {
            if (!isWhole(unit, units, children, whole, 0)) {
                ownOnly.add(unit);
            } else {
                UUID parent = parents.get(unit);
                if (parent == null || !units.contains(parent) || !isWhole(parent, units, children, whole, 0)) {
                    roots.add(unit);
                }
            }
        }
        return new Subtrees(roots, ownOnly);
    }

    private static boolean isWhole(
            UUID unit, Set<UUID> units, Map<UUID, List<UUID>> children, Map<UUID, Boolean> known, int depth) {
        Boolean cached = known.get(unit);
        if (cached != null) {
            return cached;
        }
        // A cycle in bad data (or absurd depth) is never "whole": its units then count their own rows only.
        known.put(unit, false);
        boolean result = units.contains(unit) && depth < 64;
        for (UUID child : children.getOrDefault(unit, List.of())) {
            result = result && isWhole(child, units, children, known, depth + 1);
        }
        known.put(unit, result);
        return result;
    }
}
