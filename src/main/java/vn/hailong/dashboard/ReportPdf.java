package vn.hailong.dashboard;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import vn.hailong.platform.Formats;

/**
 * The PDF report of a unit's period. Text is set in DejaVu Sans, embedded from the application's
 * resources (a font with every Vietnamese letter: the standard PDF fonts have none of ư, ơ, ạ…).
 */
final class ReportPdf {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final BaseFont REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("/fonts/DejaVuSans-Bold.ttf");

    private final Map<String, String> criterionLabels;
    private final Map<String, String> reasonLabels;
    private final Formats formats;
    private final Font body = new Font(REGULAR, 9);
    private final Font small = new Font(REGULAR, 8, Font.NORMAL, new Color(0x44, 0x44, 0x44));
    private final Font heading = new Font(BOLD, 12);
    private final Font title = new Font(BOLD, 16);
    private final Font header = new Font(BOLD, 8.5f);

    /** The report's words from the message bundles, in one language. */
    interface Words {
        String get(String key, Object... args);
    }

    private final Words words;

    ReportPdf(Words words, Map<String, String> criterionLabels, Map<String, String> reasonLabels, Formats formats) {
        this.words = words;
        this.criterionLabels = criterionLabels;
        this.reasonLabels = reasonLabels;
        this.formats = formats;
    }

    private static BaseFont font(String resource) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " missing from the application's resources");
            }
            return BaseFont.createFont(
                    resource.substring(resource.lastIndexOf('/') + 1),
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(
            String scope,
            Headline h,
            List<BreakdownRow> units,
            List<BreakdownRow> procedures,
            List<BreakdownRow> channels,
            List<UnhappyRating> unhappy,
            List<TrendPoint> trend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        String period = h.running()
                ? words.get("dashboard.period.running", h.period().label(), formats.shortDay(h.asOf()))
                : h.period().label();
        document.addTitle(words.get("dashboard.pdf.documentTitle", scope, period));
        document.open();
        document.add(new Paragraph(words.get("dashboard.pdf.title"), title));
        // A year's period before is the same year a year earlier: named once, one column.
        boolean one = h.lastYearIsPrevious();
        document.add(new Paragraph(
                one
                        ? words.get(
                                "dashboard.period.compared.one",
                                scope,
                                period,
                                h.previousPeriod().label())
                        : words.get(
                                "dashboard.period.compared.two",
                                scope,
                                period,
                                h.previousPeriod().label(),
                                h.lastYearPeriod().label()),
                body));
        if (h.running()) {
            document.add(new Paragraph(
                    words.get(
                            "dashboard.period.running.note",
                            formats.day(h.asOf()),
                            h.previousPeriod().days()),
                    small));
        }

        section(document, words.get("dashboard.pdf.section.figures"));
        String indicator = words.get("dashboard.pdf.column.indicator");
        String[] columns = one
                ? new String[] {
                    indicator,
                    words.get("report.column.current", period),
                    words.get("report.column.previousYear", h.previousPeriod().label())
                }
                : new String[] {
                    indicator,
                    words.get("report.column.current", period),
                    words.get("report.column.previous", h.previousPeriod().label()),
                    words.get("report.column.lastYear", h.lastYearPeriod().label())
                };
        PdfPTable figures = table(one ? new float[] {4, 3, 3} : new float[] {4, 3, 3, 3}, columns);
        String returnDay = " (" + words.get("dashboard.basis.returnDay") + ")";
        String ratingDay = " (" + words.get("dashboard.basis.ratingDay") + ")";
        comparison(figures, one, words.get("dashboard.card.returned") + returnDay, f -> count(f.returned()), h);
        comparison(figures, one, words.get("dashboard.card.ratings") + ratingDay, f -> count(f.ratings()), h);
        comparison(figures, one, words.get("dashboard.card.coverage"), f -> percent(f.coverage()), h);
        comparison(
                figures,
                one,
                words.get("dashboard.card.satisfaction") + ratingDay,
                f -> percent(f.satisfactionRate()),
                h);
        comparison(figures, one, words.get("report.row.interval"), f -> FigureFormat.interval(f.satisfaction()), h);
        comparison(figures, one, words.get("dashboard.card.dissatisfied") + ratingDay, f -> count(f.dissatisfied()), h);
        comparison(figures, one, words.get("dashboard.card.late") + returnDay, f -> percent(f.lateShare()), h);
        comparison(
                figures,
                one,
                words.get("dashboard.pdf.row.supersededExcluded"),
                f -> count(f.superseded()) + " / " + count(f.excluded()),
                h);
        document.add(figures);

        section(document, words.get("dashboard.pdf.section.charts"));
        ReportCharts.Rendered lines = ReportCharts.trend(words, trend, 770, 230);
        document.add(image(lines));
        document.add(new Paragraph(lines.caption(), small));
        PdfPTable pair = new PdfPTable(2);
        pair.setWidthPercentage(100);
        pair.setSpacingBefore(6);
        for (ReportCharts.Rendered chart : List.of(
                ReportCharts.answers(words, h, 380, 230), ReportCharts.criteria(words, h, criterionLabels, 380, 230))) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(0);
            cell.addElement(image(chart));
            cell.addElement(new Paragraph(chart.caption(), small));
            pair.addCell(cell);
        }
        document.add(pair);

        section(document, words.get("dashboard.criteria.title"));
        String[] criteriaColumns = columns.clone();
        criteriaColumns[0] = words.get("dashboard.column.criterion");
        PdfPTable criteria = table(one ? new float[] {5, 3, 3} : new float[] {5, 3, 3, 3}, criteriaColumns);
        criterionLabels.forEach((key, label) -> {
            if (h.current().average(key) != null || h.previous().average(key) != null) {
                comparison(criteria, one, label, f -> average(f.average(key)), h);
            }
        });
        document.add(criteria);

        breakdown(
                document,
                words.get("dashboard.pdf.section.byUnit"),
                words.get("dashboard.breakdown." + Breakdown.UNIT.name()),
                units);
        breakdown(
                document,
                words.get("dashboard.pdf.section.byProcedure"),
                words.get("dashboard.breakdown." + Breakdown.PROCEDURE.name()),
                procedures);
        channels(document, channels);

        section(document, words.get("dashboard.pdf.section.unhappy"));
        if (unhappy.isEmpty()) {
            document.add(new Paragraph(words.get("dashboard.pdf.noUnhappy"), body));
        } else {
            PdfPTable comments = table(
                    new float[] {2, 3, 3, 3, 6},
                    words.get("dashboard.column.time"),
                    words.get("dashboard.column.dossier"),
                    words.get("dashboard.column.unit"),
                    words.get("dashboard.column.reasons"),
                    words.get("dashboard.column.comment"));
            String excluded = " " + words.get("dashboard.pdf.excludedMark");
            for (UnhappyRating r : unhappy) {
                row(
                        comments,
                        formats.time(r.submittedAt()),
                        r.dossierCode(),
                        r.unitName(),
                        String.join(
                                ", ",
                                r.reasons().stream()
                                        .map(c -> reasonLabels.getOrDefault(c, c))
                                        .toList()),
                        (r.comment() == null ? "" : r.comment()) + ("EXCLUDED".equals(r.status()) ? excluded : ""));
            }
            document.add(comments);
        }
        document.add(
                new Paragraph(words.get("dashboard.pdf.formulas") + " " + words.get("dashboard.definitions"), small));
        document.close();
        return out.toByteArray();
    }

    /** A chart's PNG at its printed size in points (the PNG has twice as many pixels, for print). */
    private static Image image(ReportCharts.Rendered chart) {
        try {
            Image image = Image.getInstance(chart.png());
            image.scaleAbsolute(chart.width(), chart.height());
            image.setAlt(chart.caption());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void breakdown(Document document, String sectionTitle, String first, List<BreakdownRow> rows) {
        section(document, sectionTitle);
        PdfPTable t = table(
                new float[] {6, 2, 2, 2, 2, 3, 2, 2},
                first,
                words.get("dashboard.column.returned"),
                words.get("dashboard.card.ratings"),
                words.get("dashboard.column.coverageRated"),
                words.get("dashboard.card.satisfaction"),
                words.get("dashboard.column.interval"),
                words.get("dashboard.card.dissatisfied"),
                words.get("dashboard.card.late"));
        for (BreakdownRow r : rows) {
            Figures f = r.figures();
            row(
                    t,
                    r.label(),
                    count(f.returned()),
                    count(f.ratings()),
                    percent(f.coverage()),
                    percent(f.satisfactionRate()),
                    FigureFormat.interval(f.satisfaction()),
                    count(f.dissatisfied()),
                    percent(f.lateShare()));
        }
        if (rows.isEmpty()) {
            row(t, words.get("dashboard.pdf.noFigures"), "", "", "", "", "", "", "");
        }
        document.add(t);
    }

    /**
     * Ratings by the channel the citizen rated through. A channel belongs to a rating, not to a
     * dossier (a returned dossier has no channel until it is rated), so this table has no returned
     * dossiers, coverage or lateness: it shares out the ratings.
     */
    private void channels(Document document, List<BreakdownRow> rows) {
        section(document, words.get("dashboard.pdf.section.byChannel"));
        document.add(new Paragraph(words.get("report.channels.note"), small));
        long all = rows.stream().mapToLong(r -> r.figures().ratings()).sum();
        PdfPTable t = table(
                new float[] {6, 2, 3, 2, 3, 2},
                words.get("dashboard.column.channel"),
                words.get("dashboard.card.ratings"),
                words.get("report.channels.share"),
                words.get("dashboard.card.satisfaction"),
                words.get("dashboard.column.interval"),
                words.get("dashboard.card.dissatisfied"));
        for (BreakdownRow r : rows) {
            Figures f = r.figures();
            row(
                    t,
                    r.label(),
                    count(f.ratings()),
                    percent(Figures.percent(f.ratings(), all)),
                    percent(f.satisfactionRate()),
                    FigureFormat.interval(f.satisfaction()),
                    count(f.dissatisfied()));
        }
        if (rows.isEmpty()) {
            row(t, words.get("dashboard.pdf.noFigures"), "", "", "", "", "");
        }
        document.add(t);
    }

    /** A row of the comparison tables: the figure in this period, the period before and (unless it is the same) a year ago. */
    private void comparison(PdfPTable t, boolean one, String label, Function<Figures, String> value, Headline h) {
        if (one) {
            row(t, label, value.apply(h.current()), value.apply(h.previous()));
        } else {
            row(t, label, value.apply(h.current()), value.apply(h.previous()), value.apply(h.lastYear()));
        }
    }

    private void section(Document document, String text) {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, header));
            cell.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
            t.addCell(cell);
        }
        return t;
    }

    private void row(PdfPTable t, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(values[i] == null ? "" : values[i], body));
            if (i > 0 && values[i] != null && values[i].matches("[0-9.,% /—–-]+")) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(cell);
        }
    }

    static String count(long n) {
        return String.format(VI, "%,d", n);
    }

    static String percent(@Nullable Double p) {
        return p == null ? "—" : String.format(VI, "%.1f %%", p);
    }

    static String average(@Nullable Double a) {
        return a == null ? "—" : String.format(VI, "%.2f", a);
    }
}
