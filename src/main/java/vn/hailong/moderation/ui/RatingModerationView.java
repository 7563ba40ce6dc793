package vn.hailong.moderation.ui;

import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
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
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingWords;

/** One rating: its content, its dispute history, and the dispute or decision the current user may make. */
@Route("kiem-duyet/danh-gia/:ratingId")
@PageTitle("Kiểm duyệt một đánh giá · Hài Lòng")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class RatingModerationView extends Div implements BeforeEnterObserver {

    private final ModerationService moderation;
    private @Nullable UUID ratingId;
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
            add(new RouterLink(getTranslation("moderation.ui.rating.back"), ModerationView.class));
            add(new Paragraph(getTranslation("moderation.ui.rating.notFound")));
        }
    }

    /** The rating on show: set by beforeEnter before anything is rendered. */
    private RatingId ratingId() {
        return RatingId.of(Objects.requireNonNull(ratingId, "no rating before beforeEnter"));
    }

    private void render() {
        ModerationService.RatingCase rc = moderation.ratingCase(ratingId());
        var r = rc.rating();
        removeAll();
        error.setText("");
        add(new RouterLink(getTranslation("moderation.ui.rating.back"), ModerationView.class));
        add(new H2(getTranslation("moderation.ui.rating.title", rc.dossierCode())));
        Span status = new Span(RatingWords.status(r.status().name()));
        status.addClassName("fu-badge");
        if (r.status().name().equals("EXCLUDED")) {
            status.addClassName("excluded");
        }
        status.setId("rating-status");
        add(new Div(status, new Span(" " + rc.unitName())));

        Div content = card(getTranslation("moderation.ui.rating.contentTitle"));
        DescriptionList facts = new DescriptionList();
        facts.addClassName("facts");
        facts.add(
                new DescriptionList.Term(getTranslation("moderation.ui.rating.overall")),
                new DescriptionList.Description(RatingWords.answer(r.overallOption())));
        facts.add(
                new DescriptionList.Term(getTranslation("moderation.ui.rating.comment")),
                new DescriptionList.Description(
                        r.comment() == null ? getTranslation("moderation.ui.rating.noComment") : r.comment()));
        facts.add(
                new DescriptionList.Term(getTranslation("moderation.ui.rating.channel")),
                new DescriptionList.Description(
                        RatingWords.channel(r.channel().name()) + " · " + ModerationLabels.time(r.submittedAt())));
        content.add(
                facts,
                new Anchor(
                        "ho-so/" + rc.dossierCode(),
                        getTranslation("moderation.ui.rating.viewDossier", rc.dossierCode())));
        add(content);

        Div history = card(getTranslation("moderation.ui.rating.historyTitle"));
        if (rc.history().isEmpty()) {
            history.add(new Paragraph(getTranslation("moderation.ui.rating.noDisputes")));
        } else {
            Grid<DisputeDetails> grid = new Grid<>();
            grid.addColumn(d -> getTranslation(
                            d.kind() == DisputeKind.EXCLUDE
                                    ? "moderation.ui.rating.request.exclude"
                                    : "moderation.ui.rating.request.restore"))
                    .setHeader(getTranslation("moderation.ui.rating.request"))
                    .setAutoWidth(true);
            grid.addColumn(d -> d.reason().label() + (d.note() == null ? "" : ": " + d.note()))
                    .setHeader(getTranslation("moderation.ui.rating.reason"))
                    .setFlexGrow(3);
            grid.addColumn(d -> d.raisedBy() + " · " + ModerationLabels.time(d.raisedAt()))
                    .setHeader(getTranslation("moderation.ui.rating.raisedBy"))
                    .setAutoWidth(true);
            grid.addColumn(d -> getTranslation(
                            "moderation.ui.rating.decision." + d.status().name()))
                    .setHeader(getTranslation("moderation.ui.rating.decision"))
                    .setAutoWidth(true);
            grid.addColumn(d -> d.decidedBy() == null
                            ? ""
                            : d.decidedBy() + " · " + ModerationLabels.time(d.decidedAt())
                                    + (d.decisionNote() == null ? "" : ": " + d.decisionNote()))
                    .setHeader(getTranslation("moderation.ui.rating.decidedBy"))
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
            Paragraph waiting = new Paragraph(getTranslation("moderation.ui.rating.awaitingDecision"));
            waiting.setId("awaiting-decision");
            add(waiting);
        }
    }

    private Div disputeForm(boolean restore) {
        Div form = card(getTranslation(
                restore ? "moderation.ui.rating.dispute.restore" : "moderation.ui.rating.dispute.exclude"));
        form.setId("dispute-form");
        RadioButtonGroup<DisputeReason> reason = new RadioButtonGroup<>(getTranslation("moderation.ui.rating.reason"));
        reason.setItems(DisputeReason.values());
        reason.setItemLabelGenerator(DisputeReason::label);
        reason.setId("dispute-reason");
        TextArea note = new TextArea(getTranslation("moderation.ui.rating.note"));
        note.setHelperText(getTranslation("moderation.ui.rating.note.help"));
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setId("dispute-note");
        Button send = new Button(
                getTranslation("moderation.ui.rating.send"),
                e -> act(() -> moderation.dispute(ratingId(), reason.getValue(), note.getValue())));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("dispute-send");
        form.add(reason, note, send, error);
        return form;
    }

    private Div decisionForm(DisputeDetails open) {
        Div form = card(getTranslation("moderation.ui.rating.decision"));
        form.setId("decision-form");
        form.add(new Paragraph(getTranslation(
                        "moderation.ui.rating.openDispute",
                        getTranslation(
                                open.kind() == DisputeKind.EXCLUDE
                                        ? "moderation.ui.rating.dispute.exclude"
                                        : "moderation.ui.rating.dispute.restore"),
                        open.raisedBy(),
                        open.reason().label())
                + (open.note() == null ? "" : " — " + open.note())));
        TextArea note = new TextArea(getTranslation("moderation.ui.rating.decisionNote"));
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setId("decision-note");
        Button uphold = new Button(
                getTranslation(
                        open.kind() == DisputeKind.EXCLUDE
                                ? "moderation.ui.rating.uphold.exclude"
                                : "moderation.ui.rating.uphold.restore"),
                e -> act(() -> moderation.decide(open.id(), true, note.getValue())));
        uphold.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        uphold.setId("decision-uphold");
        Button reject = new Button(
                getTranslation("moderation.ui.rating.reject"),
                e -> act(() -> moderation.decide(open.id(), false, note.getValue())));
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
                            ? getTranslation("moderation.ui.rating.error.noteRequired")
                            : getTranslation("moderation.ui.rating.error.reasonRequired"));
        } catch (ConflictException e) {
            error.setText(getTranslation("moderation.ui.rating.error.changedMeanwhile"));
        } catch (AccessDeniedException e) {
            error.setText(getTranslation("moderation.ui.rating.error.secondPerson"));
        }
    }

    private static Div card(String heading) {
        Div card = new Div(new H3(heading));
        card.addClassName("card");
        return card;
    }
}
