package vn.hailong.dashboard.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.dashboard.HourCell;

/** Ratings and the satisfaction rate by hour of the day and day of the week, as a heat table and a chart. */
final class HourPanel extends Div {

    private final Chart hourChart = new Chart("chart-hours", "24rem");
    private final Div hours = new Div();

    HourPanel() {
        add(
                new Paragraph(getTranslation("dashboard.hours.intro")),
                ChartFigure.of(getTranslation("dashboard.hours.chart"), hourChart),
                hours);
    }

    void show(List<HourCell> cells) {
        hours.removeAll();
        int first = 7;
        int last = 17;
        for (HourCell c : cells) {
            first = Math.min(first, c.hour());
            last = Math.max(last, c.hour());
        }
        Map<String, HourCell> byKey = new HashMap<>();
        cells.forEach(c -> byKey.put(c.weekday() + "-" + c.hour(), c));
        NativeTable table = new NativeTable();
        table.addClassName("heat");
        table.setId("by-hour");
        table.setCaptionText(getTranslation("dashboard.hours.caption"));
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("dashboard.hours.hour"));
        for (int w = 1; w <= 7; w++) {
            head.addHeaderCell().setText(getTranslation("dashboard.weekday." + w));
        }
        for (int hour = first; hour <= last; hour++) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(String.format("%02d:00", hour));
            for (int w = 1; w <= 7; w++) {
                HourCell c = byKey.get(w + "-" + hour);
                NativeTableCell cell = row.addDataCell();
                if (c == null || c.ratings() == 0) {
                    cell.setText("·");
                    cell.addClassName("empty");
                } else {
                    Double rate = c.satisfactionRate();
                    cell.setText(Format.count(c.ratings()) + " · " + Format.percent(rate));
                    double r = Objects.requireNonNull(rate); // there are ratings, so there is a rate
                    cell.addClassName(r >= 90 ? "band-high" : r >= 70 ? "band-mid" : "band-low");
                }
            }
        }
        hours.add(table);
        ChartFigure.show(hourChart, DashboardCharts.hours(cells, first, last));
    }
}
