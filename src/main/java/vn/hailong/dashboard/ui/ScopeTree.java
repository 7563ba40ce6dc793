package vn.hailong.dashboard.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.treegrid.TreeGrid;

import vn.hailong.dashboard.UnitNode;

/** The units the user may see, as a tree: a click drills down, "Toàn bộ phạm vi" goes back to all. */
final class ScopeTree extends Div {

    private final TreeGrid<UnitNode> tree = new TreeGrid<>();
    private final Map<UUID, UnitNode> nodes = new HashMap<>();

    /** {@code selected}: the unit clicked, or null for everything in scope. */
    ScopeTree(List<UnitNode> units, Consumer<UUID> selected) {
        units.forEach(u -> nodes.put(u.id(), u));
        Map<UUID, List<UnitNode>> children = new HashMap<>();
        List<UnitNode> roots = new ArrayList<>();
        for (UnitNode u : units) {
            if (u.parentId() == null) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        tree.setItems(roots, u -> children.getOrDefault(u.id(), List.of()));
        tree.addHierarchyColumn(UnitNode::name).setHeader(getTranslation("dashboard.scope.column"));
        tree.setId("unit-tree");
        tree.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        tree.addClassName("scope-tree");
        if (roots.size() == 1) {
            tree.expand(roots);
        }
        tree.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selected.accept(e.getValue() == null ? null : e.getValue().id());
            }
        });
        Button all = new Button(getTranslation("dashboard.scope.all"), e -> {
            tree.deselectAll();
            selected.accept(null);
        });
        all.setId("scope-all");
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(all, tree);
        addClassName("scope-panel");
    }

    /** The unit of that id in the tree, or null (none, or not in scope). */
    @Nullable
    UnitNode node(@Nullable UUID unitId) {
        return unitId == null ? null : nodes.get(unitId);
    }

    /** Opens the tree down to the unit and selects it (a drill-down from a table). */
    void reveal(UUID unitId) {
        if (unitId != null && nodes.containsKey(unitId)) {
            UnitNode node = nodes.get(unitId);
            List<UnitNode> ancestors = new ArrayList<>();
            for (UUID p = node.parentId();
                    p != null && nodes.containsKey(p);
                    p = nodes.get(p).parentId()) {
                ancestors.add(nodes.get(p));
            }
            tree.expand(ancestors);
            tree.select(node);
        }
    }
}
