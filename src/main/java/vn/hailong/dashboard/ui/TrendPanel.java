package vn.hailong.dashboard.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import vn.hailong.dashboard.TrendPoint;

/** The monthly trend: satisfaction and coverage rates, and ratings, against the same months a year before. */
final class TrendPanel extends Div {

    private final Chart rateTrend = new Chart("chart-rate-trend", "20rem");
    private final Chart ratingsTrend = new Chart("chart-ratings-trend", "20rem");

    TrendPanel() {
        Div charts = new Div(
                ChartFigure.of(getTranslation("dashboard.trend.rateChart"), rateTrend),
                ChartFigure.of(getTranslation("dashboard.trend.ratingsChart"), ratingsTrend));
        charts.addClassName("charts");
        add(new H3(getTranslation("dashboard.trend.title")), charts);
    }

    void show(List<TrendPoint> trend) {
        ChartFigure.show(rateTrend, DashboardCharts.rateTrend(trend));
        ChartFigure.show(ratingsTrend, DashboardCharts.ratingsTrend(trend));
    }
}
