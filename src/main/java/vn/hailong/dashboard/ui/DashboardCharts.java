package vn.hailong.dashboard.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Headline;
import vn.hailong.dashboard.HourCell;
import vn.hailong.dashboard.TrendPoint;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingWords;

/**
 * The ECharts options of the dashboard's charts and the Vietnamese sentences that summarise them
 * (each chart's accessible name and caption), their words from the bundles ({@code dashboard.chart.*}).
 * Plain data in, plain maps out: no Vaadin here.
 */
final class DashboardCharts {

    /** This period, the period before, the same period last year: blue, grey, orange (distinct for colour-blind readers too). */
    static final String CURRENT = "#1565c0";

    static final String PREVIOUS = "#757575";
    static final String LAST_YEAR = "#e65100";
    static final String COVERAGE = "#2e7d32";

    /** Lumo's font stack. */
    static final String FONT = "Roboto, 'Segoe UI', Helvetica, Arial, sans-serif";

    private DashboardCharts() {}

    record Spec(Map<String, Object> option, String summary) {}

    static String month(TrendPoint p) {
        return String.format("%02d/%d", p.month().getMonthValue(), p.month().getYear());
    }

    /** Satisfaction rate and coverage per month, each beside the same month a year earlier. */
    static Spec rateTrend(List<TrendPoint> points) {
        List<String> months = points.stream().map(DashboardCharts::month).toList();
        List<Object> series = List.of(
                line(
                        Words.of("dashboard.chart.satisfied"),
                        CURRENT,
                        false,
                        points,
                        p -> p.figures().satisfactionRate()),
                line(
                        Words.of("dashboard.chart.satisfiedLastYear"),
                        CURRENT,
                        true,
                        points,
                        p -> p.yearBefore().satisfactionRate()),
                line(
                        Words.of("dashboard.chart.rated"),
                        COVERAGE,
                        false,
                        points,
                        p -> p.figures().coverage()),
                line(
                        Words.of("dashboard.chart.ratedLastYear"),
                        COVERAGE,
                        true,
                        points,
                        p -> p.yearBefore().coverage()));
        Map<String, Object> option = base(" %");
        option.put("xAxis", Map.of("type", "category", "data", months, "boundaryGap", false));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("series", series);
        option.put("tooltip", Map.of("trigger", "axis"));
        return new Spec(option, rateSummary(points));
    }

    static String rateSummary(List<TrendPoint> points) {
        if (points.isEmpty()) {
            return Words.of("dashboard.chart.rateTrend.none");
        }
        TrendPoint last = points.getLast();
        StringBuilder s = new StringBuilder(Words.of(
                "dashboard.chart.rateTrend.summary",
                month(points.getFirst()),
                month(last),
                Format.percent(last.figures().satisfactionRate()),
                Format.percent(last.yearBefore().satisfactionRate()),
                Format.percent(last.figures().coverage()),
                Format.percent(last.yearBefore().coverage())));
        TrendPoint best = null;
        TrendPoint worst = null;
        Double bestRate = null;
        Double worstRate = null;
        for (TrendPoint p : points) {
            Double r = p.figures().satisfactionRate();
            if (r != null) {
                if (bestRate == null || r > bestRate) {
                    best = p;
                    bestRate = r;
                }
                if (worstRate == null || r < worstRate) {
                    worst = p;
                    worstRate = r;
                }
            }
        }
        if (best != null && worst != null) { // both or neither
            s.append(' ')
                    .append(Words.of(
                            "dashboard.chart.rateTrend.extremes",
                            Format.percent(best.figures().satisfactionRate()),
                            month(best),
                            Format.percent(worst.figures().satisfactionRate()),
                            month(worst)));
        }
        return s.toString();
    }

    /** Counted ratings per month, beside the same month a year earlier. */
    static Spec ratingsTrend(List<TrendPoint> points) {
        List<String> months = points.stream().map(DashboardCharts::month).toList();
        Map<String, Object> option = base("");
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put(
                "series",
                List.of(
                        bar(
                                Words.of("dashboard.card.ratings"),
                                CURRENT,
                                points.stream()
                                        .map(p -> (Object) p.figures().ratings())
                                        .toList(),
                                null),
                        bar(
                                Words.of("dashboard.column.previousYear"),
                                LAST_YEAR,
                                points.stream()
                                        .map(p -> (Object) p.yearBefore().ratings())
                                        .toList(),
                                null)));
        long total = points.stream().mapToLong(p -> p.figures().ratings()).sum();
        long before = points.stream().mapToLong(p -> p.yearBefore().ratings()).sum();
        String summary = points.isEmpty()
                ? Words.of("dashboard.chart.ratingsTrend.none")
                : Words.of(
                        "dashboard.chart.ratingsTrend.summary",
                        month(points.getFirst()),
                        month(points.getLast()),
                        Format.count(total),
                        Format.count(before),
                        Format.count(points.getLast().figures().ratings()));
        return new Spec(option, summary);
    }

    static final List<String> ANSWERS = List.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED").stream()
            .map(RatingWords::answer)
            .toList();

    /** Shares of the overall answer in this period, the period before and the same period last year. */
    static Spec answers(Headline h) {
        Map<String, Object> option = base(" %");
        option.put("xAxis", Map.of("type", "category", "data", ANSWERS, "axisLabel", Map.of("interval", 0)));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("tooltip", Map.of("trigger", "axis"));
        List<Object> series = new ArrayList<>(List.of(
                bar(Words.of("dashboard.chart.currentPeriod", h.period().label()), CURRENT, shares(h.current()), "top"),
                bar(
                        Words.of(
                                "dashboard.chart.previousPeriod",
                                h.previousPeriod().label()),
                        PREVIOUS,
                        shares(h.previous()),
                        null)));
        if (!h.lastYearIsPrevious()) {
            series.add(bar(
                    Words.of(
                            "dashboard.chart.lastYearPeriod", h.lastYearPeriod().label()),
                    LAST_YEAR,
                    shares(h.lastYear()),
                    null));
        }
        option.put("series", series);
        Figures c = h.current();
        List<Object> s = shares(c);
        String summary = c.ratings() == 0
                ? Words.of("dashboard.chart.answers.none")
                : Words.of(
                        "dashboard.chart.answers.summary",
                        h.period().label(),
                        Format.count(c.ratings()),
                        Format.count(c.verySatisfied()),
                        Format.percent((Double) s.get(0)),
                        Format.count(c.satisfied()),
                        Format.percent((Double) s.get(1)),
                        Format.count(c.dissatisfied()),
                        Format.percent((Double) s.get(2)));
        return new Spec(option, summary);
    }

    /** Very satisfied, satisfied and dissatisfied over counted ratings, in percent (one decimal); nulls without ratings. */
    static List<Object> shares(Figures f) {
        List<Object> s = new ArrayList<>();
        for (long n : new long[] {f.verySatisfied(), f.satisfied(), f.dissatisfied()}) {
            s.add(
                    f.ratings() == 0
                            ? null
                            : BigDecimal.valueOf(n * 100L)
                                    .divide(BigDecimal.valueOf(f.ratings()), 1, RoundingMode.HALF_UP)
                                    .doubleValue());
        }
        return s;
    }

    /** Average points per criterion (0–2), horizontal bars, three periods. */
    static Spec criteria(Headline h, Map<String, String> labels) {
        List<String> keys = labels.keySet().stream()
                .filter(k -> h.current().average(k) != null
                        || h.previous().average(k) != null
                        || h.lastYear().average(k) != null)
                .toList();
        // Horizontal bars list the first category at the bottom: reversed, the questionnaire reads top-down.
        List<String> reversed = new ArrayList<>(keys).reversed();
        Map<String, Object> option = base("");
        // Room for the questionnaire's long labels, wrapped on two or three lines (measured by ECharts, they overlap
        // the bars).
        option.put("grid", Map.of("left", 176, "right", 40, "top", 8, "bottom", 64, "containLabel", false));
        option.put(
                "yAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        reversed.stream().map(labels::get).toList(),
                        "axisLabel",
                        Map.of("width", 164, "overflow", "break", "interval", 0, "lineHeight", 14)));
        option.put("xAxis", Map.of("type", "value", "min", 0, "max", 2, "interval", 0.5));
        option.put("tooltip", Map.of("trigger", "axis"));
        List<Object> bars = new ArrayList<>(List.of(
                bar(
                        Words.of("dashboard.column.current"),
                        CURRENT,
                        reversed.stream()
                                .map(k -> (Object) h.current().average(k))
                                .toList(),
                        "right"),
                bar(
                        Words.of("dashboard.column.previous"),
                        PREVIOUS,
                        reversed.stream()
                                .map(k -> (Object) h.previous().average(k))
                                .toList(),
                        null)));
        if (!h.lastYearIsPrevious()) {
            bars.add(bar(
                    Words.of("dashboard.column.lastYear"),
                    LAST_YEAR,
                    reversed.stream().map(k -> (Object) h.lastYear().average(k)).toList(),
                    null));
        }
        option.put("series", bars);
        List<String> parts = keys.stream()
                .map(k -> labels.get(k) + " " + Format.average(h.current().average(k)))
                .toList();
        String summary = keys.isEmpty()
                ? Words.of("dashboard.chart.criteria.none")
                : Words.of("dashboard.chart.criteria.summary", h.period().label(), String.join("; ", parts));
        return new Spec(option, summary);
    }

    /** The weekday's name, 1 Monday … 7 Sunday ({@code dashboard.weekday.*}). */
    static String weekday(int weekday) {
        return Words.of("dashboard.weekday." + weekday);
    }

    /** Monday to Sunday. */
    static List<String> weekdays() {
        List<String> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(weekday(d));
        }
        return days;
    }

    /** Ratings per hour of day and weekday, as a heat map (darker: more ratings). */
    static Spec hours(List<HourCell> cells, int firstHour, int lastHour) {
        List<String> hours = new ArrayList<>();
        for (int h = firstHour; h <= lastHour; h++) {
            hours.add(String.format("%02d:00", h));
        }
        List<Object> data = new ArrayList<>();
        long max = 1;
        HourCell busiest = null;
        long total = 0;
        for (HourCell c : cells) {
            if (c.ratings() > 0 && c.hour() >= firstHour && c.hour() <= lastHour) {
                data.add(List.of(c.weekday() - 1, c.hour() - firstHour, c.ratings()));
                max = Math.max(max, c.ratings());
                busiest = busiest == null || c.ratings() > busiest.ratings() ? c : busiest;
                total += c.ratings();
            }
        }
        Map<String, Object> option = base("");
        option.put("grid", Map.of("left", 8, "right", 16, "top", 8, "bottom", 56, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", weekdays(), "splitArea", Map.of("show", true)));
        option.put(
                "yAxis", Map.of("type", "category", "data", hours, "inverse", true, "splitArea", Map.of("show", true)));
        option.put(
                "visualMap",
                Map.of(
                        "min",
                        0,
                        "max",
                        max,
                        "calculable",
                        false,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "itemHeight",
                        120,
                        "text",
                        List.of(Words.of("dashboard.chart.hours.more"), Words.of("dashboard.chart.hours.less")),
                        "inRange",
                        Map.of("color", List.of("#e3f2fd", "#1565c0"))));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("show", false));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", Words.of("dashboard.card.ratings"));
        series.put("type", "heatmap");
        series.put("data", data);
        series.put("label", Map.of("show", true, "fontSize", 11));
        option.put("series", List.of(series));
        String summary = busiest == null // total == 0
                ? Words.of("dashboard.chart.hours.none")
                : Words.of(
                        "dashboard.chart.hours.summary",
                        Format.count(total),
                        weekday(busiest.weekday()),
                        String.format("%02d:00", busiest.hour()),
                        Format.count(busiest.ratings()));
        return new Spec(option, summary);
    }

    private static Map<String, Object> base(String unit) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("hlUnit", unit);
        option.put("animation", false);
        // A named font (not "inherit"): ECharts measures label widths with it, for wrapping and legends.
        option.put("textStyle", Map.of("fontFamily", FONT, "fontSize", 12));
        option.put("legend", Map.of("bottom", 0, "left", "center"));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 24, "bottom", 64, "containLabel", true));
        return option;
    }

    private static Map<String, Object> line(
            String name,
            String color,
            boolean dashed,
            List<TrendPoint> points,
            Function<TrendPoint, @Nullable Double> value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", points.stream().map(p -> (Object) value.apply(p)).toList());
        s.put("color", color);
        s.put("symbol", dashed ? "emptyCircle" : "circle");
        s.put("lineStyle", Map.of("type", dashed ? "dashed" : "solid", "width", dashed ? 1.5 : 2.5));
        return s;
    }

    /** A bar series; {@code labelPosition} ("top", "right") shows each value beside its bar, null none. */
    private static Map<String, Object> bar(
            String name, String color, List<Object> data, @Nullable String labelPosition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "bar");
        s.put("data", data);
        s.put("color", color);
        if (labelPosition != null) {
            s.put("label", Map.of("show", true, "position", labelPosition, "color", "#212121", "fontSize", 11));
        }
        return s;
    }
}
