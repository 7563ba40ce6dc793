package vn.hailong.dashboard.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardLabels;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.RatingDetailService;
import vn.hailong.dashboard.Selection;
import vn.hailong.paperform.PaperFormService;

/**
 * The detail panels below the headline, one at a time: each breakdown's table, hour × weekday, the
 * unhappy citizens' comments and the integrity signals. A radio group picks the panel (axe flags
 * Vaadin's tab list as missing required children).
 */
final class DetailPanels extends Div {

    private final DashboardService dashboard;
    private final BreakdownService breakdownService;
    private final ExportService exports;
    private final RadioButtonGroup<String> panelChoice =
            new RadioButtonGroup<>(getTranslation("dashboard.panel.choice"));
    private final Map<String, Component> panels = new LinkedHashMap<>();
    private final Div panel = new Div();
    private final Map<Breakdown, BreakdownGrid> breakdowns = new HashMap<>();
    private final HourPanel hours = new HourPanel();
    private final UnhappyPanel unhappy;
    private final IntegrityPanel integrity;

    /** {@code unitClicked}: a row of the unit table, to drill down. */
    DetailPanels(
            DashboardService dashboard,
            BreakdownService breakdownService,
            RatingDetailService ratingDetails,
            DashboardLabels labels,
            ExportService exports,
            PaperFormService paperForms,
            Supplier<Selection> selection,
            Consumer<UUID> unitClicked) {
        this.dashboard = dashboard;
        this.breakdownService = breakdownService;
        this.exports = exports;
        this.unhappy = new UnhappyPanel(ratingDetails, labels.reasonLabels(), selection);
        this.integrity = new IntegrityPanel(paperForms);
        for (Breakdown b : Breakdown.values()) {
            BreakdownGrid grid = new BreakdownGrid(b, unitClicked);
            breakdowns.put(b, grid);
            Component content = grid;
            if (b == Breakdown.OFFICER) {
                content = new Div(
                        new Paragraph(getTranslation(
                                "dashboard.panel.officerNote", String.valueOf(breakdownService.officerMinRatings()))),
                        grid);
            }
            if (b == Breakdown.COUNTER) {
                content = new Div(new Paragraph(getTranslation("dashboard.panel.counterNote")), grid);
            }
            if (b == Breakdown.UNIT) {
                content = new Div(new Paragraph(getTranslation("dashboard.panel.unitNote")), grid);
            }
            panels.put(b.label(), content);
        }
        panels.put(getTranslation("dashboard.panel.hours"), hours);
        panels.put(getTranslation("dashboard.panel.unhappy"), unhappy);
        panels.put(getTranslation("dashboard.panel.integrity"), integrity);
        panelChoice.setItems(panels.keySet());
        panelChoice.setId("breakdowns");
        panelChoice.addValueChangeListener(e -> {
            panel.removeAll();
            if (e.getValue() != null) {
                panel.add(panels.get(e.getValue()));
            }
        });
        panelChoice.setValue(Breakdown.UNIT.label());
        panel.setId("panel");
        panel.setWidthFull();
        add(panelChoice, panel);
    }

    /** Every panel's figures for the selection (also those not showing: a switch shows them at once). */
    void show(Selection selection) {
        breakdowns.forEach((b, grid) -> grid.setItems(breakdownService.breakdown(selection, b)));
        hours.show(dashboard.hourGrid(selection));
        unhappy.refresh();
        integrity.show(breakdownService.integrity(selection));
    }

    /** The table of the panel that shows, for "Bảng đang xem". */
    ExportService.ExportFile tableExport(Selection selection, ExportService.Format format) {
        int tab = new ArrayList<>(panels.keySet()).indexOf(panelChoice.getValue());
        Breakdown[] all = Breakdown.values();
        if (tab >= 0 && tab < all.length) {
            return exports.breakdown(selection, all[tab], format);
        }
        return tab == all.length ? exports.hours(selection, format) : exports.ratings(selection, format);
    }
}
