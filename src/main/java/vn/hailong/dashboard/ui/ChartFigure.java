package vn.hailong.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** A chart under its title, with its summary as a caption (hidden from screen readers: it is already the chart's name). */
final class ChartFigure {

    private ChartFigure() {}

    static Component of(String title, Chart chart) {
        Span caption = new Span();
        caption.addClassName("chart-caption");
        caption.getElement().setAttribute("aria-hidden", "true");
        caption.setId(chart.getId().orElseThrow() + "-caption");
        H3 heading = new H3(title);
        heading.addClassName("chart-title");
        Div figure = new Div(heading, chart, caption);
        figure.addClassName("chart-figure");
        return figure;
    }

    /** Draws {@code spec} and writes its summary into the figure's caption. */
    static void show(Chart chart, DashboardCharts.Spec spec) {
        chart.show(spec.option(), spec.summary());
        chart.getParent()
                .flatMap(p -> p.getChildren()
                        .filter(c -> c.hasClassName("chart-caption"))
                        .findFirst())
                .ifPresent(c -> ((Span) c).setText(spec.summary()));
    }
}
