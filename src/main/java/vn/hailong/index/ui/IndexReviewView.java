package vn.hailong.index.ui;

import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.index.IndexComputationService;
import vn.hailong.index.IndexPublicationService;
import vn.hailong.index.IndexReviewService;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.Review;
import vn.hailong.index.Snapshot;
import vn.hailong.index.SnapshotStatus;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;

/**
 * The province computes a period, reviews the draft (units without ratings are flagged) and
 * publishes it; published snapshots stay listed, read-only. Auditors see the same, without the buttons.
 * Its words are {@code index.ui.review.*} in the bundles; only the page title and the menu entry,
 * annotation values that must be constants, stay here.
 */
@Route("index")
@PageTitle("Tính và công bố chỉ số · Hài Lòng")
@Menu(title = "Tính và công bố chỉ số", order = 2)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.AUDITOR})
public class IndexReviewView extends VerticalLayout {

    private final IndexSnapshotService snapshots;
    private final IndexComputationService computations;
    private final IndexReviewService reviews;
    private final IndexPublicationService publications;
    private final Grid<Snapshot> history = new Grid<>();
    private final ResultsGrid results;
    private final H3 reviewTitle = new H3();
    private final Paragraph reviewSummary = new Paragraph();
    private final Button publish = new Button(getTranslation("index.ui.review.publish"));
    private final Button correct = new Button(getTranslation("index.ui.review.computeCorrection"));
    private final Button review = new Button(getTranslation("index.ui.review.markReviewed"));
    private boolean publishAsCorrection;
    private final boolean canPublish;
    private @Nullable Snapshot selected;

    public IndexReviewView(
            IndexSnapshotService snapshots,
            IndexComputationService computations,
            IndexReviewService reviews,
            IndexPublicationService publications,
            MethodologyService methodologies,
            AuthenticationContext auth) {
        this.snapshots = snapshots;
        this.computations = computations;
        this.reviews = reviews;
        this.publications = publications;
        setWidthFull();
        boolean canChange = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        this.canPublish = canChange;

        Select<String> scheme = new Select<>();
        scheme.setLabel(getTranslation("index.ui.review.scheme"));
        scheme.setItems(methodologies.schemes());
        scheme.setValue(MethodologyService.DEFAULT_SCHEME);
        scheme.setId("scheme");
        TextField period = new TextField(getTranslation("index.ui.review.period"));
        period.setPlaceholder("2026, 2026-Q3, 2026-07");
        period.setHelperText(getTranslation("index.ui.review.periodExample"));
        period.setId("period");
        Button compute = new Button(getTranslation("index.ui.review.compute"), e -> {
            period.setInvalid(false);
            try {
                Snapshot s = computations.compute(scheme.getValue(), period.getValue());
                refreshHistory();
                show(s);
                Notification.show(
                                getTranslation(
                                        "index.ui.review.computed",
                                        s.period(),
                                        String.valueOf(s.units()),
                                        String.valueOf(s.computeMillis())),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                period.setErrorMessage(getTranslation("index.ui.review.invalidPeriod"));
                period.setInvalid(true);
            } catch (ConflictException ex) {
                period.setErrorMessage(getTranslation("index.ui.review.alreadyPublished", period.getValue()));
                period.setInvalid(true);
                correct.setVisible(true);
            }
        });
        correct.addClickListener(e -> {
            try {
                Snapshot s = computations.computeCorrection(scheme.getValue(), period.getValue());
                period.setInvalid(false);
                correct.setVisible(false);
                refreshHistory();
                show(s);
                Notification.show(
                                getTranslation("index.ui.review.correctionComputed", s.period()),
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | ConflictException ex) {
                period.setErrorMessage(getTranslation("index.ui.review.correctionRefused", ex.getMessage()));
                period.setInvalid(true);
            }
        });
        correct.setId("compute-correction");
        correct.setVisible(false);
        period.addValueChangeListener(e -> correct.setVisible(false));
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.setId("compute");
        HorizontalLayout form = new HorizontalLayout(scheme, period, compute, correct);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(canChange);

        history.addColumn(Snapshot::period)
                .setHeader(getTranslation("index.ui.review.historyPeriod"))
                .setAutoWidth(true);
        history.addColumn(s -> s.scheme() + " v" + s.methodologyVersion())
                .setHeader(getTranslation("index.ui.review.scheme"))
                .setAutoWidth(true);
        history.addColumn(IndexReviewView::statusText)
                .setHeader(getTranslation("index.ui.review.status"))
                .setAutoWidth(true);
        history.addColumn(Snapshot::units)
                .setHeader(getTranslation("index.ui.review.units"))
                .setAutoWidth(true);
        history.addColumn(s -> IndexFormat.time(s.computedAt()) + " · " + s.computedBy())
                .setHeader(getTranslation("index.ui.review.computedAt"))
                .setAutoWidth(true);
        history.addColumn(s ->
                        s.publishedAt() == null ? "—" : IndexFormat.time(s.publishedAt()) + " · " + s.publishedBy())
                .setHeader(getTranslation("index.ui.review.publishedAt"))
                .setAutoWidth(true);
        history.addColumn(s -> s.inputsHash().substring(0, 12) + "…")
                .setHeader(getTranslation("index.ui.review.inputsHash"))
                .setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // A few rows with a scroll bar, so that the draft under review stays near the top.
        history.setHeight("12em");
        history.setId("snapshots");
        history.addItemClickListener(e -> show(e.getItem()));

        results = new ResultsGrid(
                true,
                r -> getUI().ifPresent(ui -> ui.navigate(
                        ExplainView.class,
                        QueryParameters.of("snapshot", selected().id().toString())
                                .merging("unit", r.unitCode()))));
        results.setId("results");
        results.setAllRowsVisible(true);

        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        publish.setId("publish");
        publish.setVisible(false);
        publish.addClickListener(e -> confirmPublish());

        // A review is an act of its own, in the audit log: who checked the draft before it was published.
        review.setId("review");
        review.setVisible(false);
        review.addClickListener(e -> {
            try {
                reviews.review(selected().id(), null);
                show(snapshots.get(selected().id()));
                Notification.show(
                                getTranslation(
                                        "index.ui.review.reviewed", selected().period()),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ConflictException ex) {
                Notification.show(getTranslation("index.ui.review.staleDraft"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                refreshHistory();
            }
        });
        reviewTitle.setId("review-title");
        reviewSummary.setId("review-summary");
        HorizontalLayout reviewHeader = new HorizontalLayout(reviewTitle, review, publish);
        reviewHeader.setAlignItems(FlexComponent.Alignment.CENTER);
        add(
                new H2(getTranslation("index.ui.review.title")),
                new Paragraph(getTranslation("index.ui.review.intro")),
                form,
                new H3(getTranslation("index.ui.review.historyHeading")),
                history,
                reviewHeader,
                reviewSummary,
                results);
        refreshHistory();
    }

    private void refreshHistory() {
        history.setItems(snapshots.recent(20));
    }

    private void show(Snapshot s) {
        selected = s;
        List<UnitResult> rows = snapshots.draftResults(s.id());
        results.setItems(rows);
        long noRatings =
                rows.stream().filter(r -> r.flags().contains("NO_RATINGS")).count();
        boolean draft = s.status() == SnapshotStatus.DRAFT;
        reviewTitle.setText(getTranslation(
                draft ? "index.ui.review.draftTitle" : "index.ui.review.publishedTitle",
                s.period(),
                s.scheme(),
                String.valueOf(s.methodologyVersion())));
        reviewSummary.setText(getTranslation(
                "index.ui.review.summary",
                IndexFormat.count(rows.size()),
                IndexFormat.count(noRatings),
                s.inputsHash()));
        List<Snapshot> published = snapshots.publicationHistory(s.scheme(), s.period());
        publishAsCorrection = draft && !published.isEmpty();
        publish.setText(
                getTranslation(publishAsCorrection ? "index.ui.review.publishCorrection" : "index.ui.review.publish"));
        publish.setVisible(draft && canPublish);
        review.setVisible(draft && canPublish);
        publish.setEnabled(true);
        publish.setTooltipText(null);
        if (draft) {
            List<String> reviewers =
                    reviews.reviews(s.id()).stream().map(Review::reviewedBy).toList();
            reviewSummary.setText(reviewSummary.getText()
                    + (reviewers.isEmpty()
                            ? getTranslation("index.ui.review.noReviews")
                            : getTranslation("index.ui.review.reviewedBy", String.join(", ", reviewers))));
            // Four eyes (hailong.index.publication.reviews-required): the button says who is missing.
            int missing = canPublish ? reviews.reviewsStillNeeded(s.id()) : 0;
            if (missing > 0) {
                String needed = getTranslation("index.review.othersNeeded", missing);
                publish.setEnabled(false);
                publish.setTooltipText(needed);
                reviewSummary.setText(reviewSummary.getText() + " " + needed);
            }
        }
        if (publishAsCorrection) {
            reviewSummary.setText(reviewSummary.getText() + " "
                    + getTranslation(
                            "index.ui.review.replacesPublished",
                            IndexFormat.time(published.getFirst().publishedAt())));
        } else if (s.corrects() != null) {
            reviewSummary.setText(reviewSummary.getText() + " "
                    + getTranslation("index.ui.review.correctionReason", s.correctionReason()));
        } else if (s.status() == SnapshotStatus.CORRECTED) {
            reviewSummary.setText(
                    reviewSummary.getText() + " " + getTranslation("index.ui.review.replacedByCorrection"));
        }
    }

    static String statusText(Snapshot s) {
        return Words.of(
                switch (s.status()) {
                    case DRAFT -> "index.ui.review.statusDraft";
                    case PUBLISHED ->
                        s.corrects() == null
                                ? "index.ui.review.statusPublished"
                                : "index.ui.review.statusPublishedCorrection";
                    case CORRECTED -> "index.ui.review.statusCorrected";
                });
    }

    /** The snapshot on show: the results, review and publish act on one (they are hidden without). */
    private Snapshot selected() {
        return Objects.requireNonNull(selected, "no snapshot selected");
    }

    private void confirmPublish() {
        Dialog dialog = new Dialog();
        TextArea reason = new TextArea(getTranslation("index.ui.review.correctionReasonLabel"));
        reason.setId("correction-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        if (publishAsCorrection) {
            dialog.setHeaderTitle(getTranslation(
                    "index.ui.review.confirmCorrectionTitle", selected().period()));
            dialog.add(new Paragraph(getTranslation("index.ui.review.confirmCorrection")), reason);
        } else {
            dialog.setHeaderTitle(getTranslation(
                    "index.ui.review.confirmPublishTitle", selected().period()));
            dialog.add(new Paragraph(getTranslation("index.ui.review.confirmPublish")));
        }
        Button yes = new Button(getTranslation("index.ui.review.confirm"), e -> {
            try {
                Snapshot s = publishAsCorrection
                        ? publications.publishCorrection(selected().id(), reason.getValue())
                        : publications.publish(selected().id());
                refreshHistory();
                show(s);
                Notification.show(
                                getTranslation("index.ui.review.published", s.period()),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(getTranslation("index.ui.review.reasonRequired"));
                reason.setInvalid(true);
                return;
            } catch (ConflictException ex) {
                Notification.show(
                                "reviews".equals(ex.field())
                                        ? getTranslation(
                                                "index.review.othersNeeded",
                                                reviews.reviewsStillNeeded(
                                                        selected().id()))
                                        : getTranslation("index.ui.review.publishedMeanwhile"),
                                5000,
                                Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            dialog.close();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.setId("confirm-publish");
        dialog.getFooter().add(new Button(getTranslation("index.ui.review.cancel"), e -> dialog.close()), yes);
        dialog.open();
    }
}
