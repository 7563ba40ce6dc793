package vn.hailong.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import vn.hailong.dashboard.Headline;

/** The overall answers' distribution and each criterion's average (0–2), as charts and as a table against the periods before. */
final class CriteriaPanel extends Div {

    private final Map<String, String> criterionLabels;
    private final Grid<Map.Entry<String, Double[]>> criteria = new Grid<>();
    private final Grid.Column<Map.Entry<String, Double[]>> criteriaPrevious;
    private final Grid.Column<Map.Entry<String, Double[]>> criteriaLastYear;
    private final Chart answers = new Chart("chart-answers", "20rem");
    private final Chart criteriaChart = new Chart("chart-criteria", "20rem");

    CriteriaPanel(Map<String, String> criterionLabels) {
        this.criterionLabels = criterionLabels;
        criteria.addColumn(e -> criterionLabels.getOrDefault(e.getKey(), e.getKey()))
                .setHeader(getTranslation("dashboard.column.criterion"))
                .setFlexGrow(3);
        criteria.addColumn(e -> Format.average(e.getValue()[0]))
                .setHeader(getTranslation("dashboard.column.current"))
                .setTextAlign(ColumnTextAlign.END);
        criteriaPrevious = criteria.addColumn(e -> Format.average(e.getValue()[1]))
                .setHeader(getTranslation("dashboard.column.previous"))
                .setTextAlign(ColumnTextAlign.END);
        criteriaLastYear = criteria.addColumn(e -> Format.average(e.getValue()[2]))
                .setHeader(getTranslation("dashboard.column.lastYear"))
                .setTextAlign(ColumnTextAlign.END);
        criteria.setId("criteria");
        criteria.setAllRowsVisible(true);
        criteria.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Div charts = new Div(
                ChartFigure.of(getTranslation("dashboard.criteria.answersChart"), answers),
                ChartFigure.of(getTranslation("dashboard.criteria.title"), criteriaChart));
        charts.addClassName("charts");
        add(charts, new H3(getTranslation("dashboard.criteria.title")), criteria);
    }

    void show(Headline h) {
        List<Map.Entry<String, Double[]>> rows = new ArrayList<>();
        for (String key : criterionLabels.keySet()) {
            Double[] v = {
                h.current().average(key),
                h.previous().average(key),
                h.lastYear().average(key)
            };
            if (v[0] != null || v[1] != null || v[2] != null) {
                rows.add(Map.entry(key, v));
            }
        }
        criteria.setItems(rows);
        // A year's period before is the same period a year earlier: one column, not two equal ones.
        criteriaLastYear.setVisible(!h.lastYearIsPrevious());
        criteriaPrevious.setHeader(
                getTranslation(h.lastYearIsPrevious() ? "dashboard.column.previousYear" : "dashboard.column.previous"));
        ChartFigure.show(answers, DashboardCharts.answers(h));
        ChartFigure.show(criteriaChart, DashboardCharts.criteria(h, criterionLabels));
    }
}
