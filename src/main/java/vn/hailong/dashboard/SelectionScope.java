package vn.hailong.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.hailong.aggregation.Subtrees;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.UnitId;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/**
 * The units a selection stands for, always within the user's scope: the dashboard's services ask
 * here, so that each checks the scope itself and not only the view. No advice of its own: it runs
 * inside the calling service's transaction and behind its {@code @PreAuthorize}, as the private
 * methods it was split from did.
 */
@Component
class SelectionScope {

    private final DirectoryService directory;
    private final ScopeService scopes;

    SelectionScope(DirectoryService directory, ScopeService scopes) {
        this.directory = directory;
        this.scopes = scopes;
    }

    /** The agency tree limited to the user's scope. */
    List<UnitNode> unitTree() {
        AccessScope scope = scopes.currentScope();
        List<AgencySummary> visible = directory.allUnits().stream()
                .filter(u -> scope.includes(UnitId.of(u.id())))
                .toList();
        Set<UUID> ids = visible.stream().map(AgencySummary::id).collect(Collectors.toSet());
        return visible.stream()
                .map(u -> new UnitNode(
                        u.id(),
                        u.code(),
                        u.name(),
                        u.parentId() != null && ids.contains(u.parentId()) ? u.parentId() : null))
                .toList();
    }

    /** The units of a selection within the user's scope (the unit and those below it, or everything in scope). */
    Set<UUID> units(Selection selection) {
        AccessScope scope = scopeOf(selection);
        if (selection.unitId() != null) {
            return directory.subtreeOf(UnitId.of(selection.unitId())).stream()
                    .filter(scope::includes)
                    .map(UnitId::value)
                    .collect(Collectors.toSet());
        }
        return directory.allUnitIds().stream()
                .filter(scope::includes)
                .map(UnitId::value)
                .collect(Collectors.toSet());
    }

    /**
     * The same units as whole subtrees, for figures that add them up: a selected unit is read from
     * its own rollup rows and its rows of the units below, without listing them (a scope is always
     * a whole subtree, {@link AccessScope}); everything in scope from the roots of its trees.
     */
    Subtrees wholes(Selection selection) {
        AccessScope scope = scopeOf(selection);
        if (selection.unitId() != null) {
            return Subtrees.under(selection.unitId());
        }
        Map<UUID, UUID> parents = new HashMap<>();
        directory
                .parentsOfAllUnits()
                .forEach((unit, parent) -> parents.put(unit.value(), parent == null ? null : parent.value()));
        return Subtrees.of(
                parents,
                parents.keySet().stream()
                        .filter(u -> scope.includes(UnitId.of(u)))
                        .collect(Collectors.toSet()));
    }

    /** The user's scope, once a selected unit is known to be in it. */
    private AccessScope scopeOf(Selection selection) {
        AccessScope scope = scopes.currentScope();
        if (selection.unitId() != null && !scope.includes(UnitId.of(selection.unitId()))) {
            throw new AccessDeniedException("unit outside your scope");
        }
        return scope;
    }
}
