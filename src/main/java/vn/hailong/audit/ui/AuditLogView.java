package vn.hailong.audit.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditLog;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Roles;

/** The audit log for the auditor: newest entries, a filter by action, a chain check and a CSV download. */
@Route("nhat-ky-kiem-toan")
@PageTitle("Nhật ký kiểm toán · Hài Lòng")
@Menu(title = "Nhật ký kiểm toán", order = 8)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditLogView extends VerticalLayout {

    static final int LIMIT = 1000;

    static final Map<AuditAction, String> LABELS = Map.ofEntries(
            Map.entry(AuditAction.LOGIN_SUCCEEDED, "Đăng nhập"),
            Map.entry(AuditAction.LOGIN_FAILED, "Đăng nhập thất bại"),
            Map.entry(AuditAction.LOGIN_LOCKED, "Khoá đăng nhập"),
            Map.entry(AuditAction.CONFIGURATION_CHANGED, "Thay đổi cấu hình"),
            Map.entry(AuditAction.ACCOUNT_CHANGED, "Thay đổi tài khoản"),
            Map.entry(AuditAction.ENROLMENT, "Ghi danh thiết bị"),
            Map.entry(AuditAction.MODERATION_DISPUTED, "Khiếu nại đánh giá"),
            Map.entry(AuditAction.MODERATION_DECIDED, "Quyết định kiểm duyệt"),
            Map.entry(AuditAction.EXPORT, "Xuất dữ liệu"),
            Map.entry(AuditAction.ROLLUPS_REBUILT, "Tính lại số liệu tổng hợp"),
            Map.entry(AuditAction.INDEX_COMPUTED, "Tính chỉ số (bản nháp)"),
            Map.entry(AuditAction.INDEX_REVIEWED, "Duyệt bản nháp chỉ số"),
            Map.entry(AuditAction.INDEX_PUBLISHED, "Công bố chỉ số"),
            Map.entry(AuditAction.INDEX_CORRECTED, "Công bố bản đính chính"),
            Map.entry(AuditAction.INDEX_DRAFT_DISCARDED, "Huỷ bản nháp chỉ số"),
            Map.entry(AuditAction.METHODOLOGY_CHANGED, "Thay đổi phương pháp tính"),
            Map.entry(AuditAction.INDICATOR_ENTERED, "Nhập chỉ số đơn vị"));

    private final AuditLog audit;
    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final Select<AuditAction> action = new Select<>();
    private final Paragraph verification = new Paragraph();
    private final DatePicker from = new DatePicker("Từ ngày");
    private final DatePicker to = new DatePicker("Đến ngày");
    private final TextField actor = new TextField("Người thực hiện");

    public AuditLogView(AuditLog audit) {
        this.audit = audit;
        action.setLabel("Loại thao tác");
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Tất cả");
        action.setItemLabelGenerator(a -> a == null ? "Tất cả" : LABELS.getOrDefault(a, a.name()));
        action.setId("audit-action");
        action.addValueChangeListener(e -> refresh());
        for (DatePicker date : new DatePicker[] {from, to}) {
            date.setLocale(Locale.forLanguageTag("vi-VN"));
            date.addValueChangeListener(e -> refresh());
        }
        from.setId("audit-from");
        to.setId("audit-to");
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.addValueChangeListener(e -> refresh());
        Button verify = new Button("Kiểm tra lại tính toàn vẹn", e -> verify());
        verify.setId("audit-verify");
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = audit.csv(query(), AuditLog.MAX_ROWS);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "nhat-ky-kiem-toan.csv",
                            "text/csv;charset=UTF-8",
                            bytes.length);
                }),
                "Tải về (CSV)");
        csv.setId("audit-csv");
        HorizontalLayout bar = new HorizontalLayout(from, to, action, actor, verify, csv);
        bar.setWrap(true);
        bar.setAlignItems(Alignment.BASELINE);
        verification.setId("audit-verification");

        grid.addColumn(AuditLog.Entry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.ofCurrentPage().timeWithSeconds(e.at()))
                .setHeader("Thời gian")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::actor).setHeader("Người thực hiện").setAutoWidth(true);
        grid.addColumn(e -> label(e.action())).setHeader("Thao tác").setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::subject).setHeader("Đối tượng").setFlexGrow(2);
        grid.addColumn(AuditLog.Entry::details).setHeader("Chi tiết").setFlexGrow(3);
        grid.addThemeVariants(
                GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("audit-entries");
        grid.setSizeFull();

        setSizeFull();
        add(
                new H2("Nhật ký kiểm toán"),
                new Paragraph("Mỗi mục được nối chuỗi băm SHA-256 với mục trước: sửa hoặc xóa một mục "
                        + "trong cơ sở dữ liệu sẽ bị phát hiện khi kiểm tra. Hiển thị " + LIMIT
                        + " mục mới nhất theo bộ lọc; tệp CSV chứa tất cả."),
                verification,
                bar,
                grid);
        refresh();
        verify();
    }

    private void refresh() {
        grid.setItems(audit.entries(query(), LIMIT));
    }

    private static String label(String action) {
        try {
            return LABELS.getOrDefault(AuditAction.valueOf(action), action);
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private AuditLog.Query query() {
        return new AuditLog.Query(from.getValue(), to.getValue(), action.getValue(), actor.getValue());
    }

    private void verify() {
        AuditLog.Verification v = audit.verify();
        verification.setText(
                v.intact()
                        ? "Toàn vẹn: đã kiểm tra " + v.entriesChecked() + " mục, không có sai lệch (chain intact)."
                        : "PHÁT HIỆN SAI LỆCH (tampering detected): " + String.join("; ", v.problems()));
        verification
                .getStyle()
                .set("color", v.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        verification.getStyle().set("font-weight", "600");
    }
}
