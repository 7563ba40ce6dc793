package vn.hailong.moderation.ui;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import vn.hailong.moderation.DisputeDetails;
import vn.hailong.moderation.DisputeKind;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.rating.RatingWords;

/** One rating: its content, its dispute history, and the dispute or decision the current user may make. */
@Route("kiem-duyet/danh-gia/:ratingId")
@PageTitle("Kiểm duyệt một đánh giá · Hài Lòng")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class RatingModerationView extends Div implements BeforeEnterObserver {

    private final ModerationService moderation;
    private UUID ratingId;
    private final Paragraph error = new Paragraph();

    public RatingModerationView(ModerationService moderation) {
        this.moderation = moderation;
        addClassName("followup");
        error.addClassName("error");
        error.setId("moderation-error");
        error.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            ratingId =
                    UUID.fromString(event.getRouteParameters().get("ratingId").orElse(""));
            render();
        } catch (IllegalArgumentException | NotFoundException e) {
            removeAll();
            add(new RouterLink("← Kiểm duyệt đánh giá", ModerationView.class));
            add(new Paragraph("Không tìm thấy đánh giá này trong phạm vi của bạn (no such rating in your scope)."));
        }
    }

    private void render() {
        ModerationService.RatingCase rc = moderation.ratingCase(ratingId);
        var r = rc.rating();
        removeAll();
        error.setText("");
        add(new RouterLink("← Kiểm duyệt đánh giá", ModerationView.class));
        add(new H2("Đánh giá hồ sơ " + rc.dossierCode()));
        Span status = new Span(RatingWords.status(r.status().name()));
        status.addClassName("fu-badge");
        if (r.status().name().equals("EXCLUDED")) {
            status.addClassName("excluded");
        }
        status.setId("rating-status");
        add(new Div(status, new Span(" " + rc.unitName())));

        Div content = card("Nội dung đánh giá (không bao giờ bị sửa)");
        DescriptionList facts = new DescriptionList();
        facts.addClassName("facts");
        facts.add(
                new DescriptionList.Term("Đánh giá chung"),
                new DescriptionList.Description(RatingWords.answer(r.overallOption())));
        facts.add(
                new DescriptionList.Term("Ý kiến"),
                new DescriptionList.Description(r.comment() == null ? "(không có)" : r.comment()));
        facts.add(
                new DescriptionList.Term("Kênh"),
                new DescriptionList.Description(
                        RatingWords.channel(r.channel().name()) + " · " + ModerationLabels.time(r.submittedAt())));
        content.add(facts, new Anchor("ho-so/" + rc.dossierCode(), "Xem hồ sơ " + rc.dossierCode()));
        add(content);

        Div history = card("Lịch sử kiểm duyệt");
        if (rc.history().isEmpty()) {
            history.add(new Paragraph("Chưa có đề nghị nào."));
        } else {
            Grid<DisputeDetails> grid = new Grid<>();
            grid.addColumn(d -> d.kind() == DisputeKind.EXCLUDE ? "Loại" : "Khôi phục")
                    .setHeader("Đề nghị")
                    .setAutoWidth(true);
            grid.addColumn(d -> d.reason().label() + (d.note() == null ? "" : ": " + d.note()))
                    .setHeader("Lý do")
                    .setFlexGrow(3);
            grid.addColumn(d -> d.raisedBy() + " · " + ModerationLabels.time(d.raisedAt()))
                    .setHeader("Người đề nghị")
                    .setAutoWidth(true);
            grid.addColumn(d -> switch (d.status()) {
                        case OPEN -> "Chờ quyết định";
                        case UPHELD -> "Chấp thuận";
                        case REJECTED -> "Bác bỏ";
                    })
                    .setHeader("Quyết định")
                    .setAutoWidth(true);
            grid.addColumn(d -> d.decidedBy() == null
                            ? ""
                            : d.decidedBy() + " · " + ModerationLabels.time(d.decidedAt())
                                    + (d.decisionNote() == null ? "" : ": " + d.decisionNote()))
                    .setHeader("Người quyết định")
                    .setFlexGrow(2);
            grid.setItems(rc.history());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setId("dispute-history");
            history.add(grid);
        }
        add(history);

        if (rc.mayDispute()) {
            add(disputeForm(r.status().name().equals("EXCLUDED")));
        } else if (rc.openDispute() != null && rc.mayDecide()) {
            add(decisionForm(rc.openDispute()));
        } else if (rc.openDispute() != null) {
            Paragraph waiting = new Paragraph("Đề nghị đang chờ một người thứ hai (lãnh đạo Sở Nội vụ) quyết định "
                    + "(awaiting a second person's decision).");
            waiting.setId("awaiting-decision");
            add(waiting);
        }
    }

    private Div disputeForm(boolean restore) {
        Div form = card(restore ? "Đề nghị khôi phục đánh giá" : "Đề nghị loại đánh giá");
        form.setId("dispute-form");
        RadioButtonGroup<DisputeReason> reason = new RadioButtonGroup<>("Lý do");
        reason.setItems(DisputeReason.values());
        reason.setItemLabelGenerator(DisputeReason::label);
        reason.setId("dispute-reason");
        TextArea note = new TextArea("Ghi chú");
        note.setHelperText("Bắt buộc với \"Lý do khác\".");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setId("dispute-note");
        Button send = new Button(
                "Gửi đề nghị", e -> act(() -> moderation.dispute(ratingId, reason.getValue(), note.getValue())));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("dispute-send");
        form.add(reason, note, send, error);
        return form;
    }

    private Div decisionForm(DisputeDetails open) {
        Div form = card("Quyết định");
        form.setId("decision-form");
        form.add(new Paragraph(
                (open.kind() == DisputeKind.EXCLUDE ? "Đề nghị loại đánh giá" : "Đề nghị khôi phục đánh giá") + " của "
                        + open.raisedBy() + ": " + open.reason().label()
                        + (open.note() == null ? "" : " — " + open.note())));
        TextArea note = new TextArea("Ghi chú quyết định");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setId("decision-note");
        Button uphold = new Button(
                open.kind() == DisputeKind.EXCLUDE ? "Chấp thuận: loại đánh giá" : "Chấp thuận: khôi phục đánh giá",
                e -> act(() -> moderation.decide(open.id(), true, note.getValue())));
        uphold.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        uphold.setId("decision-uphold");
        Button reject =
                new Button("Bác bỏ đề nghị", e -> act(() -> moderation.decide(open.id(), false, note.getValue())));
        reject.setId("decision-reject");
        Div buttons = new Div(uphold, reject);
        buttons.addClassName("actions");
        form.add(note, buttons, error);
        return form;
    }

    private void act(Runnable action) {
        try {
            action.run();
            render();
        } catch (InvalidInputException e) {
            error.setText(
                    e.getMessage() != null && e.getMessage().contains("note")
                            ? "Vui lòng ghi rõ lý do (a note is required with 'other')."
                            : "Vui lòng chọn lý do (choose a reason).");
        } catch (ConflictException e) {
            error.setText(
                    "Đánh giá đã có đề nghị khác hoặc đã được quyết định; hãy tải lại trang (changed meanwhile).");
        } catch (AccessDeniedException e) {
            error.setText(
                    "Người đề nghị không thể tự quyết định; cần một người thứ hai (a second person must decide).");
        }
    }

    private static Div card(String heading) {
        Div card = new Div(new H3(heading));
        card.addClassName("card");
        return card;
    }
}
