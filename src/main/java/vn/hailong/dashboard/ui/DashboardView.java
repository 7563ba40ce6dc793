package vn.hailong.dashboard.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.DashboardService.Breakdown;
import vn.hailong.dashboard.DashboardService.BreakdownRow;
import vn.hailong.dashboard.DashboardService.Selection;
import vn.hailong.dashboard.DashboardService.UnitNode;
import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.Figures;
import vn.hailong.paperform.PaperFormService;
import vn.hailong.platform.InvalidInputException;

/**
 * The managers' dashboard: pick a period and a unit (the tree shows only what the user may see),
 * read the headline figures against the period before and the same period last year, then the
 * breakdowns, the unhappy citizens' reasons and the integrity signals. Click a unit to drill down.
 */
@Route("bang-dieu-khien")
@PageTitle("Bảng điều khiển · Hài Lòng")
@Menu(title = "Bảng điều khiển", order = 0)
@RolesAllowed({"ADMIN", "PROVINCE_MANAGER", "UNIT_MANAGER", "AUDITOR"})
@StyleSheet("context://styles/dashboard.css")
public class DashboardView extends Div {

    private static final String[] WEEKDAYS = {"Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"};

    private final DashboardService dashboard;
    private final ExportService exports;
    private final Map<String, String> criterionLabels;
    private final Map<String, String> reasonLabels;

    private final Select<DashboardPeriod.Kind> kind = new Select<>();
    private final DatePicker day = new DatePicker("Kỳ chứa ngày");
    private final DatePicker from = new DatePicker("Từ ngày");
    private final DatePicker to = new DatePicker("Đến ngày");
    private final TreeGrid<UnitNode> tree = new TreeGrid<>();
    private final Paragraph scopeLabel = new Paragraph();
    private final Paragraph runningNote = new Paragraph();
    private final Div cards = new Div();
    private final Grid<Map.Entry<String, Double[]>> criteria = new Grid<>();
    private Grid.Column<Map.Entry<String, Double[]>> criteriaPrevious;
    private Grid.Column<Map.Entry<String, Double[]>> criteriaLastYear;
    private final Map<Breakdown, Grid<BreakdownRow>> breakdowns = new HashMap<>();
    private final Div hours = new Div();
    private final Select<java.util.Locale> exportLanguage = new Select<>();
    private final Chart rateTrend = new Chart("chart-rate-trend", "20rem");
    private final Chart ratingsTrend = new Chart("chart-ratings-trend", "20rem");
    private final Chart answers = new Chart("chart-answers", "20rem");
    private final Chart criteriaChart = new Chart("chart-criteria", "20rem");
    private final Chart hourChart = new Chart("chart-hours", "24rem");
    private final Grid<DashboardService.UnhappyRating> unhappy = new Grid<>();
    private final Select<String> reason = new Select<>();
    private final TextField text = new TextField("Tìm trong ý kiến");
    private final Div integrity = new Div();
    private final PaperFormService paperForms;
    /** Which detail panel shows: a radio group (axe flags Vaadin's tab list as missing required children). */
    private final RadioButtonGroup<String> panelChoice = new RadioButtonGroup<>("Xem chi tiết theo");
    private final Map<String, Component> panels = new java.util.LinkedHashMap<>();
    private final Div panel = new Div();
    private final Map<UUID, UnitNode> nodes = new HashMap<>();

    private Selection selection;

    public DashboardView(DashboardService dashboard, ExportService exports, PaperFormService paperForms) {
        this.dashboard = dashboard;
        this.exports = exports;
        this.paperForms = paperForms;
        this.criterionLabels = dashboard.criterionLabels();
        this.reasonLabels = dashboard.reasonLabels();
        this.selection = dashboard.defaultSelection();
        addClassName("dashboard");
        setId("dashboard");

        add(new H2("Bảng điều khiển mức độ hài lòng"), filters());
        runningNote.setId("running-note");
        runningNote.addClassName("running-note");
        Paragraph definitions = new Paragraph(getTranslation("dashboard.definitions"));
        definitions.setId("definitions");
        definitions.addClassName("definitions");
        Div main = new Div(scopeLabel, runningNote, cards, definitions, trendSection(), criteriaSection());
        main.addClassName("main");
        Div body = new Div(scopeTree(), main);
        body.addClassName("body");
        // The downloads and the tables take the page's whole width, below the tree: at 1440 px a unit
        // table beside the tree had room for unit names only on three lines.
        Div details = new Div(exportBar(), breakdownTabs());
        details.addClassName("details");
        add(body, details);
        refresh();
    }

    private Component filters() {
        kind.setLabel("Loại kỳ");
        kind.setItems(DashboardPeriod.Kind.values());
        kind.setItemLabelGenerator(DashboardPeriod.Kind::label);
        kind.setValue(selection.period().kind());
        kind.setId("period-kind");
        for (DatePicker picker : List.of(day, from, to)) {
            picker.setLocale(Format.VI);
            picker.setI18n(vietnameseDates());
        }
        day.setValue(selection.period().from());
        day.setId("period-day");
        from.setId("period-from");
        to.setId("period-to");
        from.setVisible(false);
        to.setVisible(false);
        kind.addValueChangeListener(e -> {
            boolean custom = e.getValue() == DashboardPeriod.Kind.CUSTOM;
            day.setVisible(!custom);
            from.setVisible(custom);
            to.setVisible(custom);
            if (custom) {
                from.setValue(selection.period().from());
                to.setValue(selection.period().to());
            }
            periodChanged();
        });
        day.addValueChangeListener(e -> periodChanged());
        from.addValueChangeListener(e -> periodChanged());
        to.addValueChangeListener(e -> periodChanged());
        Div filters = new Div(kind, day, from, to);
        filters.addClassName("filters");
        return filters;
    }

    static DatePicker.DatePickerI18n vietnameseDates() {
        return new DatePicker.DatePickerI18n()
                .setDateFormat("dd/MM/yyyy")
                .setMonthNames(List.of("Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
                        "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"))
                .setWeekdays(List.of("Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"))
                .setWeekdaysShort(List.of("CN", "T2", "T3", "T4", "T5", "T6", "T7"))
                .setFirstDayOfWeek(1)
                .setToday("Hôm nay")
                .setCancel("Hủy");
    }

    private void periodChanged() {
        DashboardPeriod.Kind k = kind.getValue();
        try {
            DashboardPeriod period;
            if (k == DashboardPeriod.Kind.CUSTOM) {
                if (from.getValue() == null || to.getValue() == null) {
                    return;
                }
                period = DashboardPeriod.custom(from.getValue(), to.getValue());
            } else {
                period = DashboardPeriod.containing(k, day.getValue() == null ? dashboard.today() : day.getValue());
            }
            to.setInvalid(false);
            selection = new Selection(period, selection.unitId());
            refresh();
        } catch (InvalidInputException e) {
            to.setInvalid(true);
            to.setErrorMessage("Ngày kết thúc trước ngày bắt đầu (the period ends before it starts)");
        }
    }

    private Component scopeTree() {
        List<UnitNode> units = dashboard.unitTree();
        units.forEach(u -> nodes.put(u.id(), u));
        Map<UUID, List<UnitNode>> children = new HashMap<>();
        List<UnitNode> roots = new ArrayList<>();
        for (UnitNode u : units) {
            if (u.parentId() == null) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        tree.setItems(roots, u -> children.getOrDefault(u.id(), List.of()));
        tree.addHierarchyColumn(UnitNode::name).setHeader("Đơn vị (phạm vi của bạn)");
        tree.setId("unit-tree");
        tree.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        tree.addClassName("scope-tree");
        if (roots.size() == 1) {
            tree.expand(roots);
        }
        tree.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selectUnit(e.getValue() == null ? null : e.getValue().id());
            }
        });
        Button all = new Button("Toàn bộ phạm vi", e -> {
            tree.deselectAll();
            selectUnit(null);
        });
        all.setId("scope-all");
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div side = new Div(all, tree);
        side.addClassName("scope-panel");
        return side;
    }

    /** Drill down (or up) to a unit and the units below it; null for everything in scope. */
    void selectUnit(UUID unitId) {
        selection = new Selection(selection.period(), unitId);
        if (unitId != null && nodes.containsKey(unitId)) {
            UnitNode node = nodes.get(unitId);
            List<UnitNode> ancestors = new ArrayList<>();
            for (UUID p = node.parentId(); p != null && nodes.containsKey(p); p = nodes.get(p).parentId()) {
                ancestors.add(nodes.get(p));
            }
            tree.expand(ancestors);
            tree.select(node);
        }
        refresh();
    }

    /** Downloads of what is on screen, with the active filters; made when clicked. */
    private Component exportBar() {
        Span label = new Span("Tải về:");
        exportLanguage.setLabel(getTranslation("export.language"));
        exportLanguage.setItems(Format.VI, java.util.Locale.ENGLISH);
        exportLanguage.setItemLabelGenerator(l -> l.equals(Format.VI) ? "Tiếng Việt" : "English");
        exportLanguage.setValue(Format.VI);
        exportLanguage.setId("export-language");
        exportLanguage.setWidth("16rem");
        Div bar = new Div(label,
                download("export-table-csv", "Bảng đang xem (CSV)", () -> tableExport(ExportService.Format.CSV)),
                download("export-table-xlsx", "Bảng đang xem (Excel)", () -> tableExport(ExportService.Format.XLSX)),
                download("export-ratings-csv", "Danh sách đánh giá (CSV)", () -> exports.ratings(selection, ExportService.Format.CSV, exportLanguage.getValue())),
                download("export-ratings-xlsx", "Danh sách đánh giá (Excel)", () -> exports.ratings(selection, ExportService.Format.XLSX, exportLanguage.getValue())),
                download("export-report-pdf", "Báo cáo PDF", () -> exports.report(selection)), exportLanguage);
        bar.addClassName("exports");
        bar.setId("exports");
        return bar;
    }

    private ExportService.ExportFile tableExport(ExportService.Format format) {
        int tab = new ArrayList<>(panels.keySet()).indexOf(panelChoice.getValue());
        Breakdown[] all = Breakdown.values();
        if (tab >= 0 && tab < all.length) {
            return exports.breakdown(selection, all[tab], format);
        }
        return tab == all.length ? exports.hours(selection, format) : exports.ratings(selection, format);
    }

    private static Anchor download(String id, String text, java.util.function.Supplier<ExportService.ExportFile> export) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ExportService.ExportFile file = export.get();
            return new DownloadResponse(new java.io.ByteArrayInputStream(file.content()), file.fileName(), file.contentType(),
                    file.content().length);
        }), text);
        anchor.setId(id);
        return anchor;
    }

    private Component trendSection() {
        Div charts = new Div(figure("Tỷ lệ hài lòng và tỷ lệ được đánh giá theo tháng", rateTrend),
                figure("Lượt đánh giá theo tháng", ratingsTrend));
        charts.addClassName("charts");
        return new Div(new H3("Xu hướng theo tháng (so với cùng tháng năm trước)"), charts);
    }

    /** A chart under its title, with its summary as a caption (hidden from screen readers: it is already the chart's name). */
    private static Component figure(String title, Chart chart) {
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

    private static void show(Chart chart, DashboardCharts.Spec spec) {
        chart.show(spec.option(), spec.summary());
        chart.getParent().flatMap(p -> p.getChildren().filter(c -> c.hasClassName("chart-caption")).findFirst())
                .ifPresent(c -> ((Span) c).setText(spec.summary()));
    }

    private Component criteriaSection() {
        criteria.addColumn(e -> criterionLabels.getOrDefault(e.getKey(), e.getKey())).setHeader("Tiêu chí").setFlexGrow(3);
        criteria.addColumn(e -> Format.average(e.getValue()[0])).setHeader("Kỳ này").setTextAlign(ColumnTextAlign.END);
        criteriaPrevious = criteria.addColumn(e -> Format.average(e.getValue()[1])).setHeader("Kỳ trước").setTextAlign(ColumnTextAlign.END);
        criteriaLastYear = criteria.addColumn(e -> Format.average(e.getValue()[2])).setHeader("Cùng kỳ năm trước")
                .setTextAlign(ColumnTextAlign.END);
        criteria.setId("criteria");
        criteria.setAllRowsVisible(true);
        criteria.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Div charts = new Div(figure("Phân bố đánh giá chung (%)", answers), figure("Điểm trung bình theo tiêu chí (0–2)", criteriaChart));
        charts.addClassName("charts");
        return new Div(charts, new H3("Điểm trung bình theo tiêu chí (0–2)"), criteria);
    }

    private Component breakdownTabs() {
        for (Breakdown b : Breakdown.values()) {
            Grid<BreakdownRow> grid = breakdownGrid(b);
            breakdowns.put(b, grid);
            Component content = grid;
            if (b == Breakdown.OFFICER) {
                content = new Div(new Paragraph("Chỉ hiện cán bộ có từ " + dashboard.officerMinRatings()
                        + " lượt đánh giá trở lên trong kỳ."), grid);
            }
            if (b == Breakdown.COUNTER) {
                content = new Div(new Paragraph("Hồ sơ được cán bộ bàn giao cho người dân tại quầy trong kỳ (theo lần bàn giao cuối), "
                        + "và bao nhiêu hồ sơ trong số đó đã được đánh giá (tại quầy hay sau đó qua mã QR)."), grid);
            }
            if (b == Breakdown.UNIT) {
                content = new Div(new Paragraph("Bấm vào một đơn vị để xem chi tiết đơn vị đó và các đơn vị trực thuộc."), grid);
            }
            panels.put(b.label(), content);
        }
        panels.put(HOURS, new Div(new Paragraph("Lượt đánh giá và tỷ lệ hài lòng theo giờ trong ngày và thứ trong tuần."),
                figure("Lượt đánh giá theo giờ và thứ", hourChart), hours));
        panels.put(UNHAPPY, unhappySection());
        panels.put(INTEGRITY, integrity);
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
        return new Div(panelChoice, panel);
    }

    static final String HOURS = "Giờ × thứ";
    static final String UNHAPPY = "Ý kiến không hài lòng";
    static final String INTEGRITY = "Kiểm tra số liệu";

    private Grid<BreakdownRow> breakdownGrid(Breakdown b) {
        Grid<BreakdownRow> grid = new Grid<>();
        grid.addColumn(BreakdownRow::label).setHeader(b.label()).setFlexGrow(4).setSortable(true);
        if (b == Breakdown.UNIT || b == Breakdown.PROCEDURE) {
            grid.addColumn(BreakdownRow::code).setHeader("Mã").setAutoWidth(true).setFlexGrow(0);
        }
        boolean dossiers = b == Breakdown.UNIT || b == Breakdown.PROCEDURE || b == Breakdown.OFFICER;
        if (dossiers) {
            number(grid, "Hồ sơ đã trả", r -> r.figures().returned());
        }
        if (b == Breakdown.COUNTER) {
            number(grid, "Hồ sơ bàn giao tại quầy", r -> r.figures().returned());
        }
        number(grid, "Lượt đánh giá", r -> r.figures().ratings());
        if (dossiers || b == Breakdown.COUNTER) {
            grid.addColumn(r -> Format.percent(r.figures().coverage())).setHeader("Tỷ lệ đánh giá").setTextAlign(ColumnTextAlign.END);
        }
        grid.addComponentColumn(r -> rate(r.figures())).setHeader(getTranslation("dashboard.column.rateWithInterval"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setComparator(r -> r.figures().satisfactionRate() == null ? -1 : r.figures().satisfactionRate());
        number(grid, "Không hài lòng", r -> r.figures().dissatisfied());
        if (dossiers) {
            grid.addColumn(r -> Format.percent(r.figures().lateShare())).setHeader("Trễ hạn").setTextAlign(ColumnTextAlign.END);
        }
        if (b == Breakdown.UNIT) {
            grid.addItemClickListener(e -> selectUnit(UUID.fromString(e.getItem().key())));
        }
        grid.setId("by-" + b.name().toLowerCase());
        grid.setAllRowsVisible(true);
        // Unit and procedure names and the headers wrap rather than end in "…": managers read them whole.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Không có số liệu trong kỳ này.");
        return grid;
    }

    /** A satisfaction rate over its 95 % interval, which says how far a small sample can be trusted. */
    static Component rate(Figures f) {
        Span value = new Span(Format.percent(f.satisfactionRate()));
        Div cell = new Div(value);
        cell.addClassName("rate");
        if (f.ratings() > 0) {
            Span interval = new Span(Format.interval(f.satisfaction()));
            interval.addClassName("interval");
            cell.add(interval);
        }
        return cell;
    }

    private static void number(Grid<BreakdownRow> grid, String header, Function<BreakdownRow, Long> value) {
        grid.addColumn(r -> Format.count(value.apply(r))).setHeader(header).setTextAlign(ColumnTextAlign.END)
                .setComparator(value::apply);
    }

    private Component unhappySection() {
        reason.setLabel("Lý do");
        List<String> codes = new ArrayList<>();
        codes.add("");
        codes.addAll(reasonLabels.keySet());
        reason.setItems(codes);
        reason.setItemLabelGenerator(c -> c.isEmpty() ? "Tất cả lý do" : reasonLabels.getOrDefault(c, c));
        reason.setValue("");
        reason.setId("unhappy-reason");
        reason.addValueChangeListener(e -> refreshUnhappy());
        text.setId("unhappy-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refreshUnhappy());

        unhappy.addColumn(r -> Format.time(r.submittedAt())).setHeader("Thời gian").setAutoWidth(true).setFlexGrow(0);
        unhappy.addComponentColumn(r -> new Anchor("ho-so/" + r.dossierCode(), r.dossierCode())).setHeader("Hồ sơ").setAutoWidth(true)
                .setFlexGrow(0);
        unhappy.addColumn(DashboardService.UnhappyRating::unitName).setHeader("Đơn vị").setFlexGrow(2);
        unhappy.addColumn(r -> String.join(", ", r.reasons().stream().map(c -> reasonLabels.getOrDefault(c, c)).toList()))
                .setHeader("Lý do").setFlexGrow(2);
        unhappy.addComponentColumn(r -> {
            Span comment = new Span(r.comment() == null ? "" : r.comment());
            comment.addClassName("comment");
            return comment;
        }).setHeader("Ý kiến").setFlexGrow(3);
        unhappy.addColumn(r -> "COUNTED".equals(r.status()) ? "Được tính" : statusLabel(r.status())).setHeader("Trạng thái").setAutoWidth(true);
        unhappy.setId("unhappy");
        unhappy.setAllRowsVisible(true);
        unhappy.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        unhappy.setEmptyStateText("Không có đánh giá không hài lòng trong kỳ này.");
        HorizontalLayout filters = new HorizontalLayout(reason, text);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return new Div(new Paragraph("Đánh giá \"Không hài lòng\", mới nhất trước (tối đa 200)."), filters, unhappy);
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "COUNTED" -> "Được tính";
            case "SUPERSEDED" -> "Bị thay thế";
            case "UNBOUND" -> "Chưa gắn hồ sơ";
            case "EXCLUDED" -> "Đã loại (kiểm duyệt)";
            default -> status;
        };
    }

    private void refresh() {
        try {
            DashboardService.Headline h = dashboard.headline(selection);
            UnitNode unit = selection.unitId() == null ? null : nodes.get(selection.unitId());
            String scope = unit == null ? getTranslation("dashboard.period.scope.all") : getTranslation("dashboard.period.scope.unit", unit.name());
            scopeLabel.setText(h.lastYearIsPrevious()
                    ? getTranslation("dashboard.period.compared.one", scope, periodLabel(h), h.previousPeriod().label())
                    : getTranslation("dashboard.period.compared.two", scope, periodLabel(h), h.previousPeriod().label(), h.lastYearPeriod().label()));
            scopeLabel.addClassName("scope-label");
            scopeLabel.setId("scope-label");
            runningNote.setVisible(h.running());
            if (h.running()) {
                runningNote.setText(getTranslation("dashboard.period.running.note", Format.DAY.format(h.asOf()),
                        h.previousPeriod().days()));
            }
            showCards(h);
            List<Map.Entry<String, Double[]>> rows = new ArrayList<>();
            for (String key : criterionLabels.keySet()) {
                Double[] v = {h.current().average(key), h.previous().average(key), h.lastYear().average(key)};
                if (v[0] != null || v[1] != null || v[2] != null) {
                    rows.add(Map.entry(key, v));
                }
            }
            criteria.setItems(rows);
            // A year's period before is the same period a year earlier: one column, not two equal ones.
            criteriaLastYear.setVisible(!h.lastYearIsPrevious());
            criteriaPrevious.setHeader(getTranslation(h.lastYearIsPrevious() ? "dashboard.column.previousYear" : "dashboard.column.previous"));
            show(answers, DashboardCharts.answers(h));
            show(criteriaChart, DashboardCharts.criteria(h, criterionLabels));
            List<DashboardService.TrendPoint> trend = dashboard.trend(selection);
            show(rateTrend, DashboardCharts.rateTrend(trend));
            show(ratingsTrend, DashboardCharts.ratingsTrend(trend));
            breakdowns.forEach((b, grid) -> grid.setItems(dashboard.breakdown(selection, b)));
            showHours();
            refreshUnhappy();
            showIntegrity();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Notification.show("Bạn không có quyền xem đơn vị này (not in your scope)", 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** "Tháng 12/2026, tính đến 04/12" while the period runs, else its plain label. */
    private String periodLabel(DashboardService.Headline h) {
        return h.running() ? getTranslation("dashboard.period.running", h.period().label(), Format.SHORT_DAY.format(h.asOf()))
                : h.period().label();
    }

    private void showCards(DashboardService.Headline h) {
        cards.removeAll();
        cards.addClassName("cards");
        cards.setId("headline");
        Figures c = h.current();
        Figures p = h.previous();
        Figures y = h.lastYear();
        boolean one = h.lastYearIsPrevious();
        String returnDay = getTranslation("dashboard.basis.returnDay");
        String ratingDay = getTranslation("dashboard.basis.ratingDay");
        cards.add(card("returned", "dashboard.card.returned", returnDay, Format.count(c.returned()), null, Format.count(p.returned()),
                one ? null : Format.count(y.returned())));
        cards.add(card("ratings", "dashboard.card.ratings", ratingDay, Format.count(c.ratings()), null, Format.count(p.ratings()),
                one ? null : Format.count(y.ratings())));
        cards.add(card("coverage", "dashboard.card.coverage", null, Format.percent(c.coverage()), null, Format.percent(p.coverage()),
                one ? null : Format.percent(y.coverage())));
        cards.add(card("satisfaction", "dashboard.card.satisfaction", ratingDay, Format.percent(c.satisfactionRate()),
                c.ratings() == 0 ? null : getTranslation("dashboard.sample", Format.count(c.ratings()), Format.interval(c.satisfaction())),
                rateWithSample(p), one ? null : rateWithSample(y)));
        cards.add(card("dissatisfied", "dashboard.card.dissatisfied", ratingDay, Format.count(c.dissatisfied()), null,
                Format.count(p.dissatisfied()), one ? null : Format.count(y.dissatisfied())));
        cards.add(card("late", "dashboard.card.late", returnDay, Format.percent(c.lateShare()), null, Format.percent(p.lateShare()),
                one ? null : Format.percent(y.lateShare())));
    }

    private String rateWithSample(Figures f) {
        return f.ratings() == 0 ? Format.percent(null)
                : getTranslation("dashboard.sample.short", Format.percent(f.satisfactionRate()), Format.count(f.ratings()));
    }

    /**
     * A headline figure: its name and what it is counted by ("theo ngày đánh giá"), the value, the
     * sample and interval under a rate, then the comparisons; {@code lastYear} null when the period
     * before is the same period a year earlier (a year).
     */
    private Div card(String id, String labelKey, String basis, String value, String sample, String previous, String lastYear) {
        Span l = new Span(getTranslation(labelKey));
        l.addClassName("label");
        Div card = new Div(l);
        if (basis != null) {
            Span b = new Span(basis);
            b.addClassName("basis");
            card.add(b);
        }
        Div v = new Div(value);
        v.addClassName("value");
        card.add(v);
        if (sample != null) {
            Div s = new Div(sample);
            s.addClassName("sample");
            card.add(s);
        }
        Div compare = lastYear == null ? new Div(new Span(getTranslation("dashboard.card.previousYear", previous)))
                : new Div(new Span(getTranslation("dashboard.card.previous", previous)), new Div(getTranslation("dashboard.card.lastYear", lastYear)));
        compare.addClassName("compare");
        card.add(compare);
        card.addClassName("card");
        card.setId("card-" + id);
        return card;
    }

    private void showHours() {
        hours.removeAll();
        List<DashboardService.HourCell> cells = dashboard.hourGrid(selection);
        int first = 7;
        int last = 17;
        for (DashboardService.HourCell c : cells) {
            first = Math.min(first, c.hour());
            last = Math.max(last, c.hour());
        }
        Map<String, DashboardService.HourCell> byKey = new HashMap<>();
        cells.forEach(c -> byKey.put(c.weekday() + "-" + c.hour(), c));
        NativeTable table = new NativeTable();
        table.addClassName("heat");
        table.setId("by-hour");
        table.setCaptionText("Mỗi ô: số lượt đánh giá · tỷ lệ hài lòng");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("Giờ");
        for (String w : WEEKDAYS) {
            head.addHeaderCell().setText(w);
        }
        for (int hour = first; hour <= last; hour++) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(String.format("%02d:00", hour));
            for (int w = 1; w <= 7; w++) {
                DashboardService.HourCell c = byKey.get(w + "-" + hour);
                NativeTableCell cell = row.addDataCell();
                if (c == null || c.ratings() == 0) {
                    cell.setText("·");
                    cell.addClassName("empty");
                } else {
                    Double rate = c.satisfactionRate();
                    cell.setText(Format.count(c.ratings()) + " · " + Format.percent(rate));
                    cell.addClassName(rate >= 90 ? "band-high" : rate >= 70 ? "band-mid" : "band-low");
                }
            }
        }
        hours.add(table);
        show(hourChart, DashboardCharts.hours(cells, first, last));
    }

    private void refreshUnhappy() {
        try {
            unhappy.setItems(dashboard.unhappy(selection, reason.getValue(), text.getValue(), 200));
        } catch (org.springframework.security.access.AccessDeniedException e) {
            unhappy.setItems(List.of());
        }
    }

    private void showIntegrity() {
        integrity.removeAll();
        integrity.setId("integrity");
        DashboardService.Integrity i = dashboard.integrity(selection);
        Figures t = i.totals();
        integrity.add(new Paragraph("Đánh giá tại quầy bị thay thế bởi đánh giá trên điện thoại của người dân: "
                + Format.count(t.superseded()) + " · chưa gắn hồ sơ: " + Format.count(t.unbound() + i.unboundAtCounters())
                + " · đã loại qua kiểm duyệt: "
                + Format.count(t.excluded()) + " (không tính vào tỷ lệ, vẫn được lưu)."));
        Paragraph kiosk = new Paragraph("Phiếu tại quầy người dân bỏ dở, không bấm “Gửi đánh giá” (được lưu và tính): "
                + Format.count(i.abandonedStored()) + ", trong đó “Không hài lòng” chưa nêu lý do: " + Format.count(i.abandonedWithoutReason())
                + " · hồ sơ người dân báo “Không phải hồ sơ của tôi”: " + Format.count(i.notMine())
                + " · đánh giá qua mã hồ sơ nhập tay: " + Format.count(i.keyedCodes()) + ", quét mã: " + Format.count(i.scannedCodes()) + ".");
        kiosk.setId("integrity-kiosk");
        integrity.add(kiosk);
        PaperFormService.Integrity paper = paperForms.integrity();
        Paragraph paperForm = new Paragraph("Phiếu giấy (mọi kỳ, trong phạm vi bạn phụ trách): đã nhập " + Format.count(paper.keyed())
                + " · được nhập lần hai để kiểm tra: " + Format.count(paper.checked()) + ", đang chờ: " + Format.count(paper.awaitingCheck())
                + " · hai lần nhập khác nhau: " + Format.count(paper.mismatched()) + ". ");
        paperForm.add(new com.vaadin.flow.component.html.Anchor("phieu-giay", "Xem các phiếu khác nhau"));
        paperForm.setId("integrity-paper-forms");
        integrity.add(paperForm);
        integrity.add(new H3("Thiết bị tại quầy"));
        Grid<BreakdownRow> devices = new Grid<>();
        devices.addColumn(BreakdownRow::label).setHeader("Thiết bị").setFlexGrow(2);
        devices.addColumn(r -> Format.count(r.figures().ratings())).setHeader("Lượt được tính").setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.count(r.figures().superseded())).setHeader("Bị thay thế").setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(supersededShare(r.figures()))).setHeader("Tỷ lệ bị thay thế").setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(r.figures().satisfactionRate())).setHeader("Tỷ lệ hài lòng").setTextAlign(ColumnTextAlign.END);
        devices.setItems(i.devices());
        devices.setAllRowsVisible(true);
        devices.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        devices.setId("integrity-devices");
        devices.setEmptyStateText("Không có đánh giá từ thiết bị tại quầy trong kỳ này.");
        integrity.add(devices);
        integrity.add(new H3("Cán bộ có tỷ lệ hồ sơ được đánh giá thấp bất thường"));
        integrity.add(new Paragraph("Dưới một nửa tỷ lệ chung của phạm vi đang xem; chỉ xét cán bộ có đủ hồ sơ đã trả."));
        Grid<DashboardService.Outlier> officers = new Grid<>();
        officers.addColumn(DashboardService.Outlier::label).setHeader("Cán bộ").setFlexGrow(2);
        officers.addColumn(o -> Format.count(o.returned())).setHeader("Hồ sơ đã trả").setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.count(o.ratings())).setHeader("Lượt đánh giá").setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.coverage())).setHeader("Tỷ lệ đánh giá").setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.expectedCoverage())).setHeader("Tỷ lệ chung").setTextAlign(ColumnTextAlign.END);
        officers.setItems(i.officers());
        officers.setAllRowsVisible(true);
        officers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        officers.setId("integrity-officers");
        officers.setEmptyStateText("Không có cán bộ nào bất thường.");
        integrity.add(officers);
        integrity.add(new H3("Quầy có tỷ lệ hồ sơ được đánh giá thấp bất thường"));
        integrity.add(new Paragraph("Tỷ lệ đánh giá của hồ sơ bàn giao tại quầy dưới một nửa tỷ lệ chung của các quầy; chỉ xét quầy có đủ hồ sơ bàn giao."));
        Grid<DashboardService.Outlier> counters = new Grid<>();
        counters.addColumn(DashboardService.Outlier::label).setHeader("Quầy").setFlexGrow(2);
        counters.addColumn(o -> Format.count(o.returned())).setHeader("Hồ sơ bàn giao").setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.count(o.ratings())).setHeader("Lượt đánh giá").setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.coverage())).setHeader("Tỷ lệ đánh giá").setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.expectedCoverage())).setHeader("Tỷ lệ chung các quầy").setTextAlign(ColumnTextAlign.END);
        counters.setItems(i.counters());
        counters.setAllRowsVisible(true);
        counters.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        counters.setId("integrity-counters");
        counters.setEmptyStateText("Không có quầy nào bất thường.");
        integrity.add(counters);
    }

    static Double supersededShare(Figures f) {
        long all = f.ratings() + f.superseded();
        return all == 0 ? null : java.math.BigDecimal.valueOf(f.superseded() * 100L)
                .divide(java.math.BigDecimal.valueOf(all), 1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    Selection selection() {
        return selection;
    }
}
