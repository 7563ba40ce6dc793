package vn.hailong.audit.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;

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
import vn.hailong.platform.Words;

/** The audit log for the auditor: newest entries, a filter by action, a chain check and a CSV download. */
@Route("nhat-ky-kiem-toan")
@PageTitle("Nhật ký kiểm toán · Hài Lòng")
@Menu(title = "Nhật ký kiểm toán", order = 8)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditLogView extends VerticalLayout {

    static final int LIMIT = 1000;

    private final AuditLog audit;
    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final Select<AuditAction> action = new Select<>();
    private final Paragraph verification = new Paragraph();
    private final DatePicker from = new DatePicker(getTranslation("audit.ui.log.from"));
    private final DatePicker to = new DatePicker(getTranslation("audit.ui.log.to"));
    private final TextField actor = new TextField(getTranslation("audit.ui.log.actor"));

    public AuditLogView(AuditLog audit) {
        this.audit = audit;
        action.setLabel(getTranslation("audit.ui.log.actionType"));
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.ui.log.all"));
        action.setItemLabelGenerator(a -> a == null ? getTranslation("audit.ui.log.all") : label(a.name()));
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
        Button verify = new Button(getTranslation("audit.ui.log.verify"), e -> verify());
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
                getTranslation("audit.ui.log.csv"));
        csv.setId("audit-csv");
        HorizontalLayout bar = new HorizontalLayout(from, to, action, actor, verify, csv);
        bar.setWrap(true);
        bar.setAlignItems(Alignment.BASELINE);
        verification.setId("audit-verification");

        grid.addColumn(AuditLog.Entry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.ofCurrentPage().timeWithSeconds(e.at()))
                .setHeader(getTranslation("audit.ui.log.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::actor)
                .setHeader(getTranslation("audit.ui.log.actor"))
                .setAutoWidth(true);
        grid.addColumn(e -> label(e.action()))
                .setHeader(getTranslation("audit.ui.log.column.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::subject)
                .setHeader(getTranslation("audit.ui.log.column.subject"))
                .setFlexGrow(2);
        grid.addColumn(AuditLog.Entry::details)
                .setHeader(getTranslation("audit.ui.log.column.details"))
                .setFlexGrow(3);
        grid.addThemeVariants(
                GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("audit-entries");
        grid.setSizeFull();

        setSizeFull();
        add(
                new H2(getTranslation("audit.ui.log.title")),
                new Paragraph(getTranslation("audit.ui.log.intro", String.valueOf(LIMIT))),
                verification,
                bar,
                grid);
        refresh();
        verify();
    }

    private void refresh() {
        grid.setItems(audit.entries(query(), LIMIT));
    }

    /** An action in words ({@code audit.ui.log.action.*}); one without a word, by its code. */
    private static String label(String action) {
        return Words.code("audit.ui.log.action", action, Words.current());
    }

    private AuditLog.Query query() {
        return new AuditLog.Query(from.getValue(), to.getValue(), action.getValue(), actor.getValue());
    }

    private void verify() {
        AuditLog.Verification v = audit.verify();
        verification.setText(
                v.intact()
                        ? getTranslation("audit.ui.log.intact", String.valueOf(v.entriesChecked()))
                        : getTranslation("audit.ui.log.tampered", String.join("; ", v.problems())));
        verification
                .getStyle()
                .set("color", v.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        verification.getStyle().set("font-weight", "600");
    }
}
