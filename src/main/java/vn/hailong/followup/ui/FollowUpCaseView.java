package vn.hailong.followup.ui;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
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
    private @Nullable UUID caseId;
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
            add(new RouterLink(getTranslation("followup.ui.case.back"), FollowUpListView.class));
            add(new Paragraph(getTranslation("followup.ui.case.notFound")));
        }
    }

    /** The case on show: set by beforeEnter before anything is rendered. */
    private UUID caseId() {
        return Objects.requireNonNull(caseId, "no case before beforeEnter");
    }

    private void render() {
        FollowUpService.CasePage page = followUps.casePage(caseId());
        FollowUpCaseDetails c = page.details();
        removeAll();
        error.setText("");
        add(new RouterLink(getTranslation("followup.ui.case.back"), FollowUpListView.class));
        H2 title = new H2(getTranslation("followup.ui.case.title", page.dossierCode()));
        title.setId("case-title");
        add(title);
        Div summary = new Div(
                FollowUpLabels.status(c.status(), page.overdue()),
                new Span(getTranslation(
                        "followup.ui.case.summary",
                        page.unitName(),
                        FollowUpLabels.time(c.openedAt()),
                        FollowUpLabels.day(c.dueOn()))));
        summary.setId("case-summary");
        add(summary);
        if (page.overdue()) {
            Paragraph late = new Paragraph(getTranslation("followup.ui.case.overdue"));
            late.addClassName("error");
            add(late);
        }

        // The rating
        var r = page.rating();
        Div rating = card(getTranslation("followup.ui.case.ratingTitle"));
        rating.setId("case-rating");
        DescriptionList facts = new DescriptionList();
        facts.addClassName("facts");
        facts.add(term(getTranslation("followup.ui.case.overall")), value(RatingWords.answer(r.overallOption())));
        facts.add(
                term(getTranslation("followup.ui.case.reasons")),
                value(
                        page.reasons().isEmpty()
                                ? getTranslation("followup.ui.case.noReasons")
                                : String.join("; ", page.reasons())));
        facts.add(
                term(getTranslation("followup.ui.case.comment")),
                value(r.comment() == null ? getTranslation("followup.ui.case.noComment") : r.comment()));
        facts.add(
                term(getTranslation("followup.ui.case.channel")),
                value(RatingWords.channel(r.channel().name()) + " · " + FollowUpLabels.time(r.submittedAt())));
        facts.add(
                term(getTranslation("followup.ui.case.ratingStatus")),
                value(RatingWords.status(r.status().name())));
        rating.add(facts);
        Anchor dossier = new Anchor(
                "ho-so/" + page.dossierCode(), getTranslation("followup.ui.case.viewDossier", page.dossierCode()));
        dossier.setId("dossier-link");
        Anchor moderate = new Anchor("kiem-duyet/danh-gia/" + r.id(), getTranslation("followup.ui.case.moderate"));
        moderate.setId("moderation-link");
        Div links = new Div(dossier, new Span(" · "), moderate);
        rating.add(links);
        add(rating);

        // The citizen's number
        Div contact = card(getTranslation("followup.ui.case.contactTitle"));
        contact.setId("case-contact");
        if (c.contactAvailable() && page.contactOwner()) {
            String number = followUps.contactNumber(caseId()).orElse(null);
            if (number != null) {
                contact.add(new Paragraph(getTranslation("followup.ui.case.contact.consent")));
                Anchor phone = new Anchor(
                        "tel:" + number,
                        number.substring(0, 4) + " " + number.substring(4, 7) + " " + number.substring(7));
                phone.addClassName("phone");
                phone.setId("contact-number");
                contact.add(new Div(phone));
                contact.add(new Paragraph(getTranslation("followup.ui.case.contact.erasedOnClose")));
            }
        } else if (c.contactAvailable()) {
            contact.add(new Paragraph(getTranslation("followup.ui.case.contact.managersOnly")));
        } else if (c.status() == CaseStatus.CLOSED) {
            contact.add(new Paragraph(getTranslation("followup.ui.case.contact.erased")));
        } else {
            contact.add(new Paragraph(getTranslation("followup.ui.case.contact.none")));
        }
        add(contact);

        // Notes and outcome
        Div handling = card(getTranslation("followup.ui.case.handlingTitle"));
        handling.setId("case-handling");
        if (c.notes().isEmpty() && c.outcome() == null) {
            handling.add(new Paragraph(getTranslation("followup.ui.case.noNotes")));
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
            Paragraph outcome = new Paragraph(getTranslation("followup.ui.case.outcome", c.outcome()));
            outcome.setId("case-outcome");
            handling.add(outcome);
        }
        add(handling);

        if (page.mayHandle()) {
            add(actions(c));
        }
    }

    private Div actions(FollowUpCaseDetails c) {
        Div actions = card(getTranslation("followup.ui.case.updateTitle"));
        actions.setId("case-actions");
        TextArea text = new TextArea(getTranslation("followup.ui.case.text"));
        text.setHelperText(getTranslation("followup.ui.case.text.help", CaseStatus.RESOLVED.label()));
        text.setWidthFull();
        text.setMaxLength(2000);
        text.setId("case-text");
        Div buttons = new Div();
        buttons.addClassName("actions");
        buttons.add(button(
                getTranslation("followup.ui.case.addNote"), false, () -> followUps.addNote(caseId(), text.getValue())));
        if (c.status().canMoveTo(CaseStatus.CONTACTED)) {
            buttons.add(button(
                    getTranslation("followup.ui.case.markContacted"),
                    c.status() == CaseStatus.OPEN,
                    () -> followUps.markContacted(caseId(), text.getValue())));
        }
        if (c.status().canMoveTo(CaseStatus.RESOLVED)) {
            buttons.add(button(
                    // Marks it as what the status says: the same word.
                    CaseStatus.RESOLVED.label(),
                    c.status() == CaseStatus.CONTACTED,
                    () -> followUps.resolve(caseId(), text.getValue())));
        }
        if (c.status().canMoveTo(CaseStatus.CLOSED)) {
            buttons.add(button(
                    getTranslation("followup.ui.case.close"),
                    c.status() == CaseStatus.RESOLVED,
                    () -> followUps.close(caseId(), text.getValue())));
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
                                ? getTranslation("followup.ui.case.error.outcomeRequired")
                                : getTranslation("followup.ui.case.error.textRequired"));
            } catch (ConflictException ex) {
                error.setText(getTranslation("followup.ui.case.error.changedMeanwhile"));
            } catch (AccessDeniedException ex) {
                error.setText(getTranslation("followup.ui.case.error.notAllowed"));
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
