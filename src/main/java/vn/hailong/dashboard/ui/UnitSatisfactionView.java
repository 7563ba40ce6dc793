package vn.hailong.dashboard.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import vn.hailong.dashboard.SatisfactionSummaryService;
import vn.hailong.dashboard.UnitSatisfaction;

/** Satisfaction per unit: dossiers returned, ratings and satisfaction rate for a chosen period. */
@Route("")
@PageTitle("Mức độ hài lòng theo đơn vị · Hài Lòng")
@Menu(title = "Hài lòng theo đơn vị", order = 1)
@RolesAllowed({"ADMIN", "PROVINCE_MANAGER", "UNIT_MANAGER", "AUDITOR"})
public class UnitSatisfactionView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // Vietnamese number style: 1.234 and 98,5 %.
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private final SatisfactionSummaryService summaries;
    private final Grid<UnitSatisfaction> grid = new Grid<>();
    private final Paragraph totals = new Paragraph();

    public UnitSatisfactionView(SatisfactionSummaryService summaries) {
        this.summaries = summaries;
        setSizeFull();
        Select<Integer> months = new Select<>();
        months.setLabel("Khoảng thời gian");
        months.setItems(1, 3, 6, 12);
        months.setItemLabelGenerator(m -> m + " tháng gần nhất");
        months.setValue(12);
        months.addValueChangeListener(e -> refresh(e.getValue()));
        months.setId("period");

        grid.addColumn(UnitSatisfaction::unitName).setHeader("Đơn vị").setFlexGrow(3).setSortable(true);
        grid.addColumn(UnitSatisfaction::unitCode).setHeader("Mã").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> String.format(VI, "%,d", u.dossiersReturned())).setHeader("Hồ sơ đã trả")
                .setTextAlign(ColumnTextAlign.END).setComparator(UnitSatisfaction::dossiersReturned);
        grid.addColumn(u -> String.format(VI, "%,d", u.ratings())).setHeader("Lượt đánh giá")
                .setTextAlign(ColumnTextAlign.END).setComparator(UnitSatisfaction::ratings);
        grid.addColumn(u -> u.satisfactionRate() == null ? "—" : String.format(VI, "%.1f %%", u.satisfactionRate()))
                .setHeader("Tỷ lệ hài lòng").setTextAlign(ColumnTextAlign.END)
                .setComparator(u -> u.satisfactionRate() == null ? -1 : u.satisfactionRate());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("unit-satisfaction");
        grid.setSizeFull();

        add(new H2("Mức độ hài lòng theo đơn vị"), months, totals, grid);
        refresh(12);
    }

    private void refresh(int months) {
        SatisfactionSummaryService.PeriodSummary period = summaries.lastMonths(months);
        List<UnitSatisfaction> rows = period.units();
        grid.setItems(rows);
        long returned = rows.stream().mapToLong(UnitSatisfaction::dossiersReturned).sum();
        long ratings = rows.stream().mapToLong(UnitSatisfaction::ratings).sum();
        long satisfied = rows.stream().mapToLong(UnitSatisfaction::satisfied).sum();
        Double rate = UnitSatisfaction.rate(satisfied, ratings);
        totals.setText(String.format(VI, "Từ %s đến %s: %,d hồ sơ đã trả, %,d lượt đánh giá, tỷ lệ hài lòng %s (hài lòng và rất hài lòng / số lượt đánh giá).",
                DAY.format(period.from()), DAY.format(period.to()), returned, ratings,
                rate == null ? "—" : String.format(VI, "%.1f %%", rate)));
        totals.setId("totals");
    }
}
