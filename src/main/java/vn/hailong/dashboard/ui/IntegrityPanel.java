package vn.hailong.dashboard.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

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
        add(new Paragraph("Đánh giá tại quầy bị thay thế bởi đánh giá trên điện thoại của người dân: "
                + Format.count(t.superseded()) + " · chưa gắn hồ sơ: "
                + Format.count(t.unbound() + i.unboundAtCounters())
                + " · đã loại qua kiểm duyệt: "
                + Format.count(t.excluded()) + " (không tính vào tỷ lệ, vẫn được lưu)."));
        Paragraph kiosk = new Paragraph("Phiếu tại quầy người dân bỏ dở, không bấm “Gửi đánh giá” (được lưu và tính): "
                + Format.count(i.abandonedStored()) + ", trong đó “Không hài lòng” chưa nêu lý do: "
                + Format.count(i.abandonedWithoutReason())
                + " · hồ sơ người dân báo “Không phải hồ sơ của tôi”: " + Format.count(i.notMine())
                + " · đánh giá qua mã hồ sơ nhập tay: " + Format.count(i.keyedCodes()) + ", quét mã: "
                + Format.count(i.scannedCodes()) + ".");
        kiosk.setId("integrity-kiosk");
        add(kiosk);
        PaperFormService.Integrity paper = paperForms.integrity();
        Paragraph paperForm =
                new Paragraph("Phiếu giấy (mọi kỳ, trong phạm vi bạn phụ trách): đã nhập " + Format.count(paper.keyed())
                        + " · được nhập lần hai để kiểm tra: " + Format.count(paper.checked()) + ", đang chờ: "
                        + Format.count(paper.awaitingCheck())
                        + " · hai lần nhập khác nhau: " + Format.count(paper.mismatched()) + ". ");
        paperForm.add(new Anchor("phieu-giay", "Xem các phiếu khác nhau"));
        paperForm.setId("integrity-paper-forms");
        add(paperForm);
        add(new H3(RatingWords.channel("KIOSK")));
        Grid<BreakdownRow> devices = new Grid<>();
        devices.addColumn(BreakdownRow::label).setHeader("Thiết bị").setFlexGrow(2);
        devices.addColumn(r -> Format.count(r.figures().ratings()))
                .setHeader("Lượt được tính")
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.count(r.figures().superseded()))
                .setHeader(RatingWords.status("SUPERSEDED"))
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(supersededShare(r.figures())))
                .setHeader("Tỷ lệ bị thay thế")
                .setTextAlign(ColumnTextAlign.END);
        devices.addColumn(r -> Format.percent(r.figures().satisfactionRate()))
                .setHeader("Tỷ lệ hài lòng")
                .setTextAlign(ColumnTextAlign.END);
        devices.setItems(i.devices());
        devices.setAllRowsVisible(true);
        devices.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        devices.setId("integrity-devices");
        devices.setEmptyStateText("Không có đánh giá từ thiết bị tại quầy trong kỳ này.");
        add(devices);
        add(new H3("Cán bộ có tỷ lệ hồ sơ được đánh giá thấp bất thường"));
        add(new Paragraph("Dưới một nửa tỷ lệ chung của phạm vi đang xem; chỉ xét cán bộ có đủ hồ sơ đã trả."));
        Grid<Outlier> officers = new Grid<>();
        officers.addColumn(Outlier::label).setHeader("Cán bộ").setFlexGrow(2);
        officers.addColumn(o -> Format.count(o.returned()))
                .setHeader("Hồ sơ đã trả")
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.count(o.ratings()))
                .setHeader("Lượt đánh giá")
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.coverage()))
                .setHeader("Tỷ lệ đánh giá")
                .setTextAlign(ColumnTextAlign.END);
        officers.addColumn(o -> Format.percent(o.expectedCoverage()))
                .setHeader("Tỷ lệ chung")
                .setTextAlign(ColumnTextAlign.END);
        officers.setItems(i.officers());
        officers.setAllRowsVisible(true);
        officers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        officers.setId("integrity-officers");
        officers.setEmptyStateText("Không có cán bộ nào bất thường.");
        add(officers);
        add(new H3("Quầy có tỷ lệ hồ sơ được đánh giá thấp bất thường"));
        add(
                new Paragraph(
                        "Tỷ lệ đánh giá của hồ sơ bàn giao tại quầy dưới một nửa tỷ lệ chung của các quầy; chỉ xét quầy có đủ hồ sơ bàn giao."));
        Grid<Outlier> counters = new Grid<>();
        counters.addColumn(Outlier::label).setHeader("Quầy").setFlexGrow(2);
        counters.addColumn(o -> Format.count(o.returned()))
                .setHeader("Hồ sơ bàn giao")
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.count(o.ratings()))
                .setHeader("Lượt đánh giá")
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.coverage()))
                .setHeader("Tỷ lệ đánh giá")
                .setTextAlign(ColumnTextAlign.END);
        counters.addColumn(o -> Format.percent(o.expectedCoverage()))
                .setHeader("Tỷ lệ chung các quầy")
                .setTextAlign(ColumnTextAlign.END);
        counters.setItems(i.counters());
        counters.setAllRowsVisible(true);
        counters.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        counters.setId("integrity-counters");
        counters.setEmptyStateText("Không có quầy nào bất thường.");
        add(counters);
    }

    static Double supersededShare(Figures f) {
        long all = f.ratings() + f.superseded();
        return all == 0
                ? null
                : BigDecimal.valueOf(f.superseded() * 100L)
                        .divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
