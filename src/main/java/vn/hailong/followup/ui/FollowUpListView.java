package vn.hailong.followup.ui;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.followup.CaseStatus;
import vn.hailong.followup.FollowUpService;
import vn.hailong.followup.FollowUpService.CaseFilter;
import vn.hailong.followup.FollowUpService.CaseRow;
import vn.hailong.platform.Roles;
import vn.hailong.rating.RatingWords;

/** The cases of the manager's units: filters for status, overdue and unit; most urgent or newest first. */
@Route("theo-doi")
@PageTitle("Theo dõi phản ánh · Hài Lòng")
@Menu(title = "Theo dõi phản ánh", order = 5)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class FollowUpListView extends Div {

    private final FollowUpService followUps;
    private final Select<CaseStatus> status = new Select<>();
    private final Checkbox overdue = new Checkbox(getTranslation("followup.ui.list.overdueOnly"));
    private final ComboBox<FollowUpService.UnitOption> unit = new ComboBox<>(getTranslation("followup.ui.list.unit"));
    private final Select<CaseFilter.Order> order = new Select<>();
    private final Grid<CaseRow> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    public FollowUpListView(FollowUpService followUps) {
        this.followUps = followUps;
        addClassName("followup");
        add(new H2(getTranslation("followup.ui.list.title")));
        add(new Paragraph(getTranslation("followup.ui.list.intro", RatingWords.answer("DISSATISFIED"))));

        status.setLabel(getTranslation("followup.ui.list.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("followup.ui.list.all") : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("followup.ui.list.all"));
        unit.setItems(followUps.unitsWithCases());
        unit.setItemLabelGenerator(FollowUpService.UnitOption::name);
        unit.setClearButtonVisible(true);
        unit.setPlaceholder(getTranslation("followup.ui.list.allUnits"));
        unit.setWidth("20rem");
        order.setLabel(getTranslation("followup.ui.list.order"));
        order.setItems(CaseFilter.Order.values());
        order.setItemLabelGenerator(o -> getTranslation(
                o == CaseFilter.Order.NEWEST ? "followup.ui.list.order.NEWEST" : "followup.ui.list.order.MOST_URGENT"));
        order.setValue(CaseFilter.Order.MOST_URGENT);
        order.setWidth("14rem");
        status.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());
        order.addValueChangeListener(e -> refresh());
        status.setId("filter-status");
        overdue.setId("filter-overdue");
        unit.setId("filter-unit");
        order.setId("filter-order");
        Div filters = new Div(status, unit, order, overdue);
        filters.addClassName("filters");
        add(filters);

        grid.addComponentColumn(r -> new Anchor("theo-doi/" + r.id(), r.dossierCode()))
                .setHeader(getTranslation("followup.ui.list.column.dossier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CaseRow::unitName)
                .setHeader(getTranslation("followup.ui.list.unit"))
                .setFlexGrow(2);
        grid.addComponentColumn(r -> FollowUpLabels.status(r.status(), r.overdue()))
                .setHeader(getTranslation("followup.ui.list.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> FollowUpLabels.time(r.openedAt()))
                .setHeader(getTranslation("followup.ui.list.column.opened"))
                .setAutoWidth(true);
        grid.addColumn(r -> FollowUpLabels.day(r.dueOn()))
                .setHeader(getTranslation("followup.ui.list.column.due"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.contactAvailable() ? getTranslation("followup.ui.list.hasNumber") : "—")
                .setHeader(getTranslation("followup.ui.list.column.contact"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("followup.ui.list.noCases"));
        grid.setAllRowsVisible(true);
        grid.setId("cases");
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate("theo-doi/" + e.getItem().id())));
        add(count, grid);
        refresh();
    }

    private void refresh() {
        UUID unitId = unit.getValue() == null ? null : unit.getValue().id();
        var rows = followUps.cases(new CaseFilter(status.getValue(), overdue.getValue(), unitId, order.getValue()));
        grid.setItems(rows);
        long late = rows.stream().filter(CaseRow::overdue).count();
        count.setText(getTranslation("followup.ui.list.count", String.valueOf(rows.size()))
                + (late > 0 ? getTranslation("followup.ui.list.count.overdue", String.valueOf(late)) : "")
                + (rows.size() >= 500 ? getTranslation("followup.ui.list.count.capped") : ""));
        count.setId("case-count");
    }
}
