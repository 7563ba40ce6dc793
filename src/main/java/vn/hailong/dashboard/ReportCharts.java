package vn.hailong.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import vn.hailong.rating.RatingWords;

/**
 * The charts of the PDF report, drawn on the server with JFreeChart as PNG images (twice the
 * printed resolution), in DejaVu Sans for the Vietnamese letters. Each chart comes with a caption
 * that states the figures it draws, so the report reads without the picture too.
 */
final class ReportCharts {

    static final Color CURRENT = new Color(0x15, 0x65, 0xc0);
    static final Color PREVIOUS = new Color(0x75, 0x75, 0x75);
    static final Color LAST_YEAR = new Color(0xe6, 0x51, 0x00);
    static final Color COVERAGE = new Color(0x2e, 0x7d, 0x32);
    private static final Font FONT = font("/fonts/DejaVuSans.ttf");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    /** A chart as PNG bytes and the sentence stating its figures. */
    record Rendered(byte[] png, int width, int height, String caption) {}

    private ReportCharts() {}

    private static Font font(String resource) {
        try (InputStream in = ReportCharts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " missing from the application's resources");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static String month(TrendPoint p) {
        return String.format("%02d/%d", p.month().getMonthValue(), p.month().getYear());
    }

    /** Satisfaction rate and coverage per month, solid, and the same months a year earlier, dashed. */
    static Rendered trend(ReportPdf.Words words, List<TrendPoint> points, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String satisfaction = words.get("dashboard.card.satisfaction");
        String satisfactionLastYear = words.get("dashboard.pdf.chart.satisfactionLastYear");
        String coverage = words.get("dashboard.column.coverageRated");
        String coverageLastYear = words.get("dashboard.pdf.chart.coverageLastYear");
        for (TrendPoint p : points) {
            data.addValue(p.figures().satisfactionRate(), satisfaction, month(p));
            data.addValue(p.yearBefore().satisfactionRate(), satisfactionLastYear, month(p));
            data.addValue(p.figures().coverage(), coverage, month(p));
            data.addValue(p.yearBefore().coverage(), coverageLastYear, month(p));
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        Color[] colors = {CURRENT, CURRENT, COVERAGE, COVERAGE};
        for (int i = 0; i < 4; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(
                    i,
                    i % 2 == 0
                            ? new BasicStroke(2.2f)
                            : new BasicStroke(
                                    1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        }
        CategoryPlot plot = plot(data, renderer, PlotOrientation.VERTICAL, 0, 100, "%");
        plot.getDomainAxis()
                .setCategoryLabelPositions(
                        points.size() > 12 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        List<String> parts = new ArrayList<>();
        for (TrendPoint p : points) {
            parts.add(month(p) + " " + ReportPdf.percent(p.figures().satisfactionRate()) + " / "
                    + ReportPdf.percent(p.figures().coverage()));
        }
        String caption = words.get("dashboard.pdf.chart.trendCaption", String.join("; ", parts));
        return render(chart(words.get("dashboard.pdf.chart.trendTitle"), plot), width, height, caption);
    }

    /** Shares of the overall answer in the three periods. */
    static Rendered answers(ReportPdf.Words words, Headline h, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] answers = Stream.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED")
                .map(code -> RatingWords.answer(code, FigureFormat.VI))
                .toArray(String[]::new);
        addShares(data, words.get("dashboard.column.current"), h.current(), answers);
        addShares(data, words.get("dashboard.column.previous"), h.previous(), answers);
        if (!h.lastYearIsPrevious()) {
            addShares(data, words.get("dashboard.column.lastYear"), h.lastYear(), answers);
        }
        BarRenderer renderer = bars(CURRENT, PREVIOUS, LAST_YEAR);
        CategoryPlot plot = plot(data, renderer, PlotOrientation.VERTICAL, 0, 100, "%");
        Figures c = h.current();
        String caption = words.get(
                "dashboard.pdf.chart.answersCaption",
                h.period().label(),
                ReportPdf.count(c.verySatisfied()),
                ReportPdf.count(c.satisfied()),
                ReportPdf.count(c.dissatisfied()),
                ReportPdf.count(c.ratings()));
        return render(chart(words.get("dashboard.criteria.answersChart"), plot), width, height, caption);
    }

    private static void addShares(DefaultCategoryDataset data, String series, Figures f, String[] answers) {
        long[] counts = {f.verySatisfied(), f.satisfied(), f.dissatisfied()};
        for (int i = 0; i < 3; i++) {
            data.addValue(f.ratings() == 0 ? null : counts[i] * 100.0 / f.ratings(), series, answers[i]);
        }
    }

    /** Average points per criterion (0–2), horizontal bars, three periods. */
    static Rendered criteria(ReportPdf.Words words, Headline h, Map<String, String> labels, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String current = words.get("dashboard.column.current");
        String previous = words.get("dashboard.column.previous");
        String lastYear = words.get("dashboard.column.lastYear");
        List<String> parts = new ArrayList<>();
        labels.forEach((key, label) -> {
            if (h.current().average(key) != null
                    || h.previous().average(key) != null
                    || h.lastYear().average(key) != null) {
                data.addValue(h.current().average(key), current, label);
                data.addValue(h.previous().average(key), previous, label);
                if (!h.lastYearIsPrevious()) {
                    data.addValue(h.lastYear().average(key), lastYear, label);
                }
                parts.add(label + " " + ReportPdf.average(h.current().average(key)));
            }
        });
        BarRenderer renderer = bars(CURRENT, PREVIOUS, LAST_YEAR);
        // Horizontal bars: values to the right of the bars, the scale below them.
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryPlot plot = plot(data, renderer, PlotOrientation.HORIZONTAL, 0, 2, null);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        String caption = words.get(
                "dashboard.pdf.chart.criteriaCaption",
                parts.isEmpty() ? words.get("dashboard.pdf.chart.noFigures") : String.join("; ", parts));
        return render(chart(words.get("dashboard.criteria.title"), plot), width, height, caption);
    }

    private static BarRenderer bars(Color... colors) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
        }
        NumberFormat one = NumberFormat.getNumberInstance(VI);
        one.setMaximumFractionDigits(2);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", one));
        // Values of this period only: three labels per category would crowd the bars.
        renderer.setDefaultItemLabelsVisible(false);
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setDefaultItemLabelFont(FONT.deriveFont(8f));
        return renderer;
    }

    private static CategoryPlot plot(
            DefaultCategoryDataset data,
            CategoryItemRenderer renderer,
            PlotOrientation orientation,
            double min,
            double max,
            @Nullable String unit) {
        CategoryAxis domain = new CategoryAxis();
        domain.setTickLabelFont(FONT.deriveFont(9f));
        NumberAxis range = new NumberAxis(unit);
        range.setRange(min, max * 1.05);
        range.setTickLabelFont(FONT.deriveFont(9f));
        range.setLabelFont(FONT.deriveFont(9f));
        NumberFormat format = NumberFormat.getNumberInstance(VI);
        format.setMaximumFractionDigits(1);
        range.setNumberFormatOverride(format);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        return plot;
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(title, FONT.deriveFont(Font.BOLD, 11f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle t = chart.getTitle();
        t.setPaint(Color.BLACK);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT.deriveFont(9f));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static Rendered render(JFreeChart chart, int width, int height, String caption) {
        BufferedImage image = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(2, 2);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), width, height, caption);
    }
}
