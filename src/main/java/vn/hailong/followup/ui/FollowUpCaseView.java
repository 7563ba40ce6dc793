package vn.hailong.followup.ui;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import vn.hailong.followup.CaseStatus;
import vn.hailong.followup.FollowUpCaseDetails;
import vn.hailong.followup.FollowUpService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.rating.RatingWords;

/**
 * One follow-up case: the citizen's rating, the number (for the case owner only), notes, and the
 * steps open → contacted → resolved → closed.
 */
@Route("theo-doi/:caseId")
@PageTitle("Phản ánh · Hài Lòng")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class FollowUpCaseView extends Div implements BeforeEnterObserver {

    private final FollowUpService followUps;
    private UUID caseId;
    private final Paragraph error = new Paragraph();

    public FollowUpCaseView(FollowUpService followUps) {
        this.followUps = followUps;
        addClassName("followup");
        error.addClassName("error");
        error.setId("case-error");
        error.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            caseId = UUID.fromString(event.getRouteParameters().get("caseId").orElse(""));
            render();
        } catch (IllegalArgumentException | NotFoundException e) {
            removeAll();
            add(new RouterLink("← Danh sách phản ánh", FollowUpListView.class));
            add(
                    new Paragraph(
                            "Không tìm thấy phản ánh này, hoặc nó thuộc đơn vị ngoài phạm vi của bạn (no such case in your scope)."));
        }
    }

    private void render() {
        FollowUpService.CasePage page = followUps.casePage(caseId);
        FollowUpCaseDetails c = page.details();
        removeAll();
        error.setText("");
        add(new RouterLink("← Danh sách phản ánh", FollowUpListView.class));
        H2 title = new H2("Phản ánh về hồ sơ " + page.dossierCode());
        title.setId("case-title");
        add(title);
        Div summary = new Div(
                FollowUpLabels.status(c.status(), page.overdue()),
                new Span(" " + page.unitName() + " · mở ngày " + FollowUpLabels.time(c.openedAt()) + " · hạn xử lý "
                        + FollowUpLabels.day(c.dueOn())));
        summary.setId("case-summary");
        add(summary);
        if (page.overdue()) {
            Paragraph late =
                    new Paragraph("Phản ánh đã quá hạn xử lý và đã được báo lên Sở Nội vụ (overdue, escalated).");
            late.addClassName("error");
            add(late);
        }

        // The rating
        var r = page.rating();
        Div rating = card("Đánh giá của người dân");
        rating.setId("case-rating");
        DescriptionList facts = new DescriptionList();
        facts.addClassName("facts");
        facts.add(term("Đánh giá chung"), value(RatingWords.answer(r.overallOption())));
        facts.add(term("Lý do"), value(page.reasons().isEmpty() ? "(không nêu)" : String.join("; ", page.reasons())));
        facts.add(term("Ý kiến"), value(r.comment() == null ? "(không có)" : r.comment()));
        facts.add(
                term("Kênh"),
                value(RatingWords.channel(r.channel().name()) + " · " + FollowUpLabels.time(r.submittedAt())));
        facts.add(
                term("Tình trạng đánh giá"), value(RatingWords.status(r.status().name())));
        rating.add(facts);
        Anchor dossier = new Anchor("ho-so/" + page.dossierCode(), "Xem hồ sơ " + page.dossierCode());
        dossier.setId("dossier-link");
        Anchor moderate = new Anchor("kiem-duyet/danh-gia/" + r.id(), "Đề nghị kiểm duyệt đánh giá này");
        moderate.setId("moderation-link");
        Div links = new Div(dossier, new Span(" · "), moderate);
        rating.add(links);
        add(rating);

        // The citizen's number
        Div contact = card("Liên hệ với người dân");
        contact.setId("case-contact");
        if (c.contactAvailable() && page.contactOwner()) {
            String number = followUps.contactNumber(caseId).orElse(null);
            if (number != null) {
                contact.add(new Paragraph("Người dân đồng ý để đơn vị gọi lại về việc này:"));
                Anchor phone = new Anchor(
                        "tel:" + number,
                        number.substring(0, 4) + " " + number.substring(4, 7) + " " + number.substring(7));
                phone.addClassName("phone");
                phone.setId("contact-number");
                contact.add(new Div(phone));
                contact.add(new Paragraph("Số này sẽ bị xoá khi đóng phản ánh."));
            }
        } else if (c.contactAvailable()) {
            contact.add(
                    new Paragraph("Người dân đã để lại số điện thoại. Chỉ lãnh đạo đơn vị phụ trách xem được số này "
                            + "(only the responsible unit's managers see the number)."));
        } else if (c.status() == CaseStatus.CLOSED) {
            contact.add(new Paragraph("Không còn số điện thoại: số (nếu có) đã được xoá khi đóng phản ánh."));
        } else {
            contact.add(new Paragraph("Người dân không để lại số điện thoại."));
        }
        add(contact);

        // Notes and outcome
        Div handling = card("Quá trình xử lý");
        handling.setId("case-handling");
        if (c.notes().isEmpty() && c.outcome() == null) {
            handling.add(new Paragraph("Chưa có ghi chú."));
        }
        if (!c.notes().isEmpty()) {
            UnorderedList notes = new UnorderedList();
            notes.setId("case-notes");
            c.notes()
                    .forEach(n -> notes.add(
                            new ListItem(FollowUpLabels.time(n.writtenAt()) + " · " + n.author() + ": " + n.text())));
            handling.add(notes);
        }
        if (c.outcome() != null) {
            Paragraph outcome = new Paragraph("Kết quả: " + c.outcome());
            outcome.setId("case-outcome");
            handling.add(outcome);
        }
        add(handling);

        if (page.mayHandle()) {
            add(actions(c));
        }
    }

    private Div actions(FollowUpCaseDetails c) {
        Div actions = card("Cập nhật");
        actions.setId("case-actions");
        TextArea text = new TextArea("Ghi chú hoặc kết quả xử lý");
        text.setHelperText(
                "Cần nhập kết quả để chuyển sang \"Đã giải quyết\" hoặc để đóng một phản ánh chưa giải quyết.");
        text.setWidthFull();
        text.setMaxLength(2000);
        text.setId("case-text");
        Div buttons = new Div();
        buttons.addClassName("actions");
        buttons.add(button("Thêm ghi chú", false, () -> followUps.addNote(caseId, text.getValue())));
        if (c.status().canMoveTo(CaseStatus.CONTACTED)) {
            buttons.add(button(
                    "Đã liên hệ người dân",
                    c.status() == CaseStatus.OPEN,
                    () -> followUps.markContacted(caseId, text.getValue())));
        }
        if (c.status().canMoveTo(CaseStatus.RESOLVED)) {
            buttons.add(button(
                    // Marks it as what the status says: the same word.
                    CaseStatus.RESOLVED.label(),
                    c.status() == CaseStatus.CONTACTED,
                    () -> followUps.resolve(caseId, text.getValue())));
        }
        if (c.status().canMoveTo(CaseStatus.CLOSED)) {
            buttons.add(button(
                    "Đóng phản ánh",
                    c.status() == CaseStatus.RESOLVED,
                    () -> followUps.close(caseId, text.getValue())));
        }
        actions.add(text, buttons, error);
        return actions;
    }

    private Button button(String label, boolean primary, Supplier<FollowUpCaseDetails> action) {
        Button button = new Button(label, e -> {
            try {
                action.get();
                render();
            } catch (InvalidInputException ex) {
                error.setText(
                        ex.getMessage() != null && ex.getMessage().contains("outcome")
                                ? "Vui lòng nhập kết quả xử lý (an outcome is required)."
                                : "Vui lòng nhập nội dung (text is required).");
            } catch (ConflictException ex) {
                error.setText("Phản ánh đã được người khác cập nhật; hãy tải lại trang (changed meanwhile).");
            } catch (AccessDeniedException ex) {
                error.setText("Bạn không có quyền cập nhật phản ánh này (not allowed).");
            }
        });
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    private static Div card(String heading) {
        Div card = new Div(new H3(heading));
        card.addClassName("card");
        return card;
    }

    private static DescriptionList.Term term(String text) {
        return new DescriptionList.Term(text);
    }

    private static DescriptionList.Description value(String text) {
        return new DescriptionList.Description(text);
    }
}
