package vn.hailong.dashboard.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownRow;
import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Integrity;
import vn.hailong.dashboard.Outlier;
import vn.hailong.paperform.PaperFormService;
import vn.hailong.rating.RatingWords;

/**
 * The integrity signals ("Kiểm tra số liệu"): ratings superseded, unbound and excluded; kiosk
 * surveys abandoned, sent back as not the citizen's, keyed and scanned; paper forms keyed twice;
 * the counter devices; officers and counters whose dossiers are rated unusually rarely.
 */
final class IntegrityPanel extends Div {

    private final PaperFormService paperForms;

    IntegrityPanel(PaperFormService paperForms) {
        this.paperForms = paperForms;
        setId("integrity");
    }

    void show(Integrity i) {
        removeAll();
        Figures t = i.totals();
        add(new Paragraph(getTranslation(
                "dashboard.integrity.ratings",
                Format.count(t.superseded()),
                Format.count(t.unbound() + i.unboundAtCounters()),
                Format.count(t.excluded()))));
        Paragraph kiosk = new Paragraph(getTranslation(
                "dashboard.integrity.kiosk",
                Format.count(i.abandonedStored()),
                Format.count(i.abandonedWithoutReason()),
                Format.count(i.notMine()),
                Format.count(i.keyedCodes()),
                Format.count(i.scannedCodes())));
        kiosk.setId("integrity-kiosk");
        add(kiosk);
        PaperFormService.Integrity paper = paperForms.integrity();
        Paragraph paperForm = new Paragraph(getTranslation(
                        "dashboard.integrity.paperForms",
                        Format.count(paper.keyed()),
                        Format.count(paper.checked()),
                        Format.count(paper.awaitingCheck()),
                        Format.count(paper.mismatched()))
                + " ");
        paperForm.add(new Anchor("phieu-giay", getTranslation("dashboard.integrity.paperForms.link")));
        paperForm.setId("integrity-paper-forms");
        add(paperForm);
        add(new H3(RatingWords.channel("KIOSK")));
        Grid<BreakdownRow> devices = new Grid<>();
        devices.addColumn(BreakdownRow::label)
                .setHeader(getTranslation("dashboard.integrity.column.device"))
                .setFlexGrow(2);
        devices.addColumn(r -> Format.count(r.figures().ratings()))
                .setHeader(getTranslation("dashboard.integrity.column.counted"))
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.count(r.figures().superseded()))
                .setHeader(RatingWords.status("SUPERSEDED"))
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(supersededShare(r.figures())))
                .setHeader(getTranslation("dashboard.integrity.column.supersededShare"))
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(r.figures().satisfactionRate()))
                .setHeader(getTranslation("dashboard.card.satisfaction"))
                .setTextAlign(ColumnTextAlign.END);
        devices.setItems(i.devices());
        devices.setAllRowsVisible(true);
        devices.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        devices.setId("integrity-devices");
        devices.setEmptyStateText(getTranslation("dashboard.integrity.devices.none"));
        add(devices);
        add(new H3(getTranslation("dashboard.integrity.officers.title")));
        add(new Paragraph(getTranslation("dashboard.integrity.officers.note")));
        Grid<Outlier> officers = new Grid<>();
        officers.addColumn(Outlier::label)
                .setHeader(getTranslation("dashboard.breakdown." + Breakdown.OFFICER.name()))
                .setFlexGrow(2);
        officers.addColumn(o -> Format.count(o.returned()))
                .setHeader(getTranslation("dashboard.column.returned"))
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.count(o.ratings()))
                .setHeader(getTranslation("dashboard.card.ratings"))
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.coverage()))
                .setHeader(getTranslation("dashboard.column.coverage"))
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.expectedCoverage()))
                .setHeader(getTranslation("dashboard.integrity.column.overallCoverage"))
                .setTextAlign(ColumnTextAlign.END);
        officers.setItems(i.officers());
        officers.setAllRowsVisible(true);
        officers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        officers.setId("integrity-officers");
        officers.setEmptyStateText(getTranslation("dashboard.integrity.officers.none"));
        add(officers);
        add(new H3(getTranslation("dashboard.integrity.counters.title")));
        add(new Paragraph(getTranslation("dashboard.integrity.counters.note")));
        Grid<Outlier> counters = new Grid<>();
        counters.addColumn(Outlier::label)
                .setHeader(getTranslation("dashboard.breakdown." + Breakdown.COUNTER.name()))
                .setFlexGrow(2);
        counters.addColumn(o -> Format.count(o.returned()))
                .setHeader(getTranslation("dashboard.integrity.column.handedOver"))
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.count(o.ratings()))
                .setHeader(getTranslation("dashboard.card.ratings"))
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.coverage()))
                .setHeader(getTranslation("dashboard.column.coverage"))
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.expectedCoverage()))
                .setHeader(getTranslation("dashboard.integrity.column.countersCoverage"))
                .setTextAlign(ColumnTextAlign.END);
        counters.setItems(i.counters());
        counters.setAllRowsVisible(true);
        counters.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        counters.setId("integrity-counters");
        counters.setEmptyStateText(getTranslation("dashboard.integrity.counters.none"));
        add(counters);
    }

    static @Nullable Double supersededShare(Figures f) {
        long all = f.ratings() + f.superseded();
        return all == 0
                ? null
                : BigDecimal.valueOf(f.superseded() * 100L)
                        .divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
