package vn.hailong.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingWords;

/**
 * Exports of what the dashboard shows, with its filters: each table as CSV or XLSX, the ratings
 * themselves (excluded ones included and marked), and the PDF report of a unit's period. Every
 * export is published as an {@link AuditEvent} for the audit log.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
public class ExportService {

    /** The most ratings one export carries (about a year of a large province); the title says when cut. */
    static final int MAX_RATINGS = 200_000;

    private final DashboardService dashboard;
    private final BreakdownService breakdowns;
    private final RatingDetailService ratingDetails;
    private final DashboardLabels labels;
    private final RatingService ratings;
    private final DossierIntakeService intake;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;
    private final Formats formats;

    ExportService(
            DashboardService dashboard,
            BreakdownService breakdowns,
            RatingDetailService ratingDetails,
            DashboardLabels labels,
            RatingService ratings,
            DossierIntakeService intake,
            DirectoryService directory,
            ApplicationEventPublisher events,
            Clock clock,
            MessageSource messages,
            Formats formats) {
        this.dashboard = dashboard;
        this.breakdowns = breakdowns;
        this.ratingDetails = ratingDetails;
        this.labels = labels;
        this.ratings = ratings;
        this.intake = intake;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
    }

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    public record ExportFile(String fileName, String contentType, byte[] content) {}

    /** A breakdown table of the dashboard, as shown (officers below the minimum left out). */
    public ExportFile breakdown(Selection selection, Breakdown by, Format format) {
        List<BreakdownRow> rows = breakdowns.breakdown(selection, by);
        ExportTable table = breakdownTable(
                vi(
                        "dashboard.exports.breakdownTitle",
                        filters(selection),
                        by.label().toLowerCase()),
                by,
                rows);
        return file("bang-" + by.name().toLowerCase(), selection, format, table, rows.size(), "breakdown " + by);
    }

    static ExportTable breakdownTable(String title, Breakdown by, List<BreakdownRow> rows) {
        List<String> headers = List.of(
                by.label(),
                Words.of("dashboard.column.code", FigureFormat.VI),
                Words.of(
                        by == Breakdown.COUNTER ? "dashboard.column.handedOverAtCounter" : "dashboard.column.returned",
                        FigureFormat.VI),
                Words.of("dashboard.card.ratings", FigureFormat.VI),
                Words.of("dashboard.exports.column.coveragePercent", FigureFormat.VI),
                RatingWords.answer("VERY_SATISFIED", FigureFormat.VI),
                RatingWords.answer("SATISFIED", FigureFormat.VI),
                RatingWords.answer("DISSATISFIED", FigureFormat.VI),
                Words.of("dashboard.exports.column.satisfactionPercent", FigureFormat.VI),
                Words.of("dashboard.column.late", FigureFormat.VI),
                Words.of("dashboard.exports.column.latePercent", FigureFormat.VI),
                RatingWords.status("SUPERSEDED", FigureFormat.VI),
                RatingWords.status("EXCLUDED", FigureFormat.VI));
        List<List<Object>> values = new ArrayList<>();
        for (BreakdownRow r : rows) {
            Figures f = r.figures();
            values.add(Arrays.asList(
                    r.label(),
                    r.code(),
                    f.returned(),
                    f.ratings(),
                    f.coverage(),
                    f.verySatisfied(),
                    f.satisfied(),
                    f.dissatisfied(),
                    f.satisfactionRate(),
                    f.late(),
                    f.lateShare(),
                    f.superseded(),
                    f.excluded()));
        }
        return new ExportTable(title, headers, values);
    }

    /** The hour × weekday table. */
    public ExportFile hours(Selection selection, Format format) {
        List<List<Object>> rows = new ArrayList<>();
        for (HourCell c : dashboard.hourGrid(selection)) {
            rows.add(Arrays.asList(
                    vi("dashboard.weekday." + c.weekday()), c.hour(), c.ratings(), c.happy(), c.satisfactionRate()));
        }
        ExportTable table = new ExportTable(
                vi("dashboard.exports.hoursTitle", filters(selection)),
                List.of(
                        vi("dashboard.hours.weekday"),
                        vi("dashboard.hours.hour"),
                        vi("dashboard.card.ratings"),
                        vi("dashboard.exports.column.happy"),
                        vi("dashboard.exports.column.satisfactionPercent")),
                rows);
        return file("gio-thu", selection, format, table, rows.size(), "hours");
    }

    /** The ratings of the selection in Vietnamese ({@link #ratings(Selection, Format, Locale)}). */
    public ExportFile ratings(Selection selection, Format format) {
        return ratings(selection, format, FigureFormat.VI);
    }

    /**
     * The ratings of the selection, one row each, whatever their status (excluded ones marked so).
     * Labels (headers, channel, status, answers, reasons) in {@code language}; beside each label
     * its code in a column of its own (KIOSK, COUNTED, SATISFIED, SLOW) for integrators, whose
     * programs read codes, not words.
     */
    public ExportFile ratings(Selection selection, Format format, Locale language) {
        ZoneId zone = clock.getZone();
        Set<UUID> units = dashboard.unitsOf(selection);
        List<RatingFacts> found = ratings.inPeriod(
                units.stream().map(UnitId::of).toList(),
                selection.period().from().atStartOfDay(zone).toInstant(),
                selection.period().to().plusDays(1).atStartOfDay(zone).toInstant(),
                MAX_RATINGS);
        Map<DossierId, String> codes =
                intake.codesOf(found.stream().map(RatingFacts::dossierId).collect(Collectors.toSet()));
        Map<UUID, AgencySummary> unitsById =
                directory.allUnits().stream().collect(Collectors.toMap(AgencySummary::id, u -> u));
        boolean english = "en".equals(language.getLanguage());
        Map<String, String> criteria = labels.criterionLabels(english);
        Map<String, String> overall = labels.overallOptionLabels(english);
        Map<String, String> reasons = labels.reasonLabels(english);
        List<String> headers = new ArrayList<>();
        for (String key : List.of(
                "time",
                "dossier",
                "unitCode",
                "unit",
                "channelCode",
                "channel",
                "statusCode",
                "status",
                "overallCode",
                "overall")) {
            headers.add(word("export.ratings." + key, language));
        }
        criteria.values().forEach(label -> headers.add(word("export.ratings.points", language, label)));
        for (String key : List.of("reasonCodes", "reasons", "comment", "device", "ratingId")) {
            headers.add(word("export.ratings." + key, language));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RatingFacts r : found) {
            AgencySummary unit = unitsById.get(r.unitId().value());
            String channel = r.channel().name();
            String status = r.status().name();
            List<Object> row = new ArrayList<>(Arrays.asList(
                    // yyyy-MM-dd HH:mm in the province's zone: a time a spreadsheet sorts and reads as a date.
                    formats.sortableTime(r.submittedAt()),
                    codes.get(r.dossierId()),
                    unit == null ? null : unit.code(),
                    unit == null ? null : unit.name(),
                    channel,
                    RatingWords.channel(channel, language),
                    status,
                    RatingWords.status(status, language),
                    r.overallOption(),
                    r.overallOption() == null ? null : overall.getOrDefault(r.overallOption(), r.overallOption())));
            criteria.keySet().forEach(k -> row.add(r.points().get(k)));
            row.addAll(Arrays.asList(
                    String.join(", ", r.reasons()),
                    String.join(
                            ", ",
                            r.reasons().stream()
                                    .map(c -> reasons.getOrDefault(c, c))
                                    .toList()),
                    r.comment(),
                    r.deviceId(),
                    r.id().toString()));
            rows.add(row);
        }
        // The title in Vietnamese whatever the language of the labels; the number as text (MessageFormat groups it).
        String title = vi("dashboard.exports.ratingsTitle", filters(selection))
                + (found.size() >= MAX_RATINGS ? vi("dashboard.exports.ratingsCut", String.valueOf(MAX_RATINGS)) : "");
        return file("danh-gia", selection, format, new ExportTable(title, headers, rows), rows.size(), "ratings");
    }

    private String word(String key, Locale language, Object... args) {
        // With a default message (the key itself) Spring's MessageSource answers no null.
        return Objects.requireNonNull(messages.getMessage(key, args, key, language));
    }

    /** The words of the tables' titles and of the hour table, Vietnamese. */
    private String vi(String key, Object... args) {
        return word(key, FigureFormat.VI, args);
    }

    /** The PDF report of the selection's period: headline figures, criteria, tables and comments. */
    public ExportFile report(Selection selection) {
        Headline headline = dashboard.headline(selection);
        List<BreakdownRow> units = breakdowns.breakdown(selection, Breakdown.UNIT);
        List<BreakdownRow> procedures = breakdowns.breakdown(selection, Breakdown.PROCEDURE);
        List<BreakdownRow> channels = breakdowns.breakdown(selection, Breakdown.CHANNEL);
        List<UnhappyRating> unhappy = ratingDetails.unhappy(selection, null, null, 50);
        ReportPdf.Words words = (key, args) -> messages.getMessage(key, args, FigureFormat.VI);
        byte[] pdf = new ReportPdf(words, labels.criterionLabels(), labels.reasonLabels(), formats)
                .render(
                        scopeName(selection),
                        headline,
                        units,
                        procedures,
                        channels,
                        unhappy,
                        dashboard.trend(selection));
        String name = "bao-cao-" + slug(selection) + ".pdf";
        publish("report", Format.PDF, selection, units.size() + procedures.size() + unhappy.size());
        return new ExportFile(name, Format.PDF.contentType, pdf);
    }

    private ExportFile file(
            String what, Selection selection, Format format, ExportTable table, int rows, String auditWhat) {
        byte[] content = switch (format) {
            case CSV -> table.csv();
            case XLSX -> table.xlsx();
            case PDF -> throw new IllegalArgumentException("tables are exported as CSV or XLSX");
        };
        publish(auditWhat, format, selection, rows);
        return new ExportFile(what + "-" + slug(selection) + "." + format.extension, format.contentType, content);
    }

    private void publish(String what, Format format, Selection selection, int rows) {
        String user = SecurityContextHolder.getContext().getAuthentication() == null
                ? "?"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        events.publishEvent(new AuditEvent(
                user,
                AuditAction.EXPORT,
                what + " (" + format.name() + ")",
                filters(selection) + " · " + rows + " rows"));
    }

    String scopeName(Selection selection) {
        return selection.unitId() == null
                ? vi("dashboard.scope.all")
                : directory
                        .findUnit(UnitId.of(selection.unitId()))
                        .map(u -> u.name() + " (" + u.code() + ")")
                        .orElse("?");
    }

    private String filters(Selection selection) {
        return scopeName(selection) + " · " + selection.period().label();
    }

    private String slug(Selection selection) {
        String unit = selection.unitId() == null
                ? "toan-bo"
                : directory
                        .findUnit(UnitId.of(selection.unitId()))
                        .map(AgencySummary::code)
                        .orElse("don-vi");
        return unit + "-" + selection.period().from() + "-" + selection.period().to();
    }
}
