package vn.hailong.dashboard.ui;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import vn.hailong.dashboard.DashboardLabels;
import vn.hailong.dashboard.DossierView;
import vn.hailong.dashboard.RatingDetailService;
import vn.hailong.moderation.ModerationService;
import vn.hailong.moderation.ModerationService.DisputeLink;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingWords;

/**
 * A dossier and every rating of it (counted or not), reached from the dashboard's list of unhappy
 * ratings. Those who may dispute a rating (moderation's rules) get a link to do so, or to the
 * dispute awaiting its decision, on the moderation page of the rating.
 */
@Route("ho-so")
@PageTitle("Hồ sơ · Hài Lòng")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
public class DossierRatingsView extends Div implements HasUrlParameter<String> {

    private final RatingDetailService ratingDetails;
    private final DashboardLabels labels;
    private final ModerationService moderation;

    public DossierRatingsView(RatingDetailService ratingDetails, DashboardLabels labels, ModerationService moderation) {
        this.ratingDetails = ratingDetails;
        this.labels = labels;
        this.moderation = moderation;
        addClassName("dashboard");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        add(new RouterLink(getTranslation("dashboard.dossier.back"), DashboardView.class));
        try {
            DossierView view = ratingDetails.dossier(code);
            var d = view.dossier();
            add(new H2(getTranslation("dashboard.dossier.title", d.code())));
            Paragraph facts = new Paragraph(d.procedureName() + " · " + d.evaluatedUnitName() + " · "
                    + getTranslation("dashboard.dossier.received", Format.time(d.receivedAt()))
                    + (d.dueAt() == null ? "" : " · " + getTranslation("dashboard.dossier.due", Format.time(d.dueAt())))
                    + " · "
                    + (d.returnedAt() == null
                            ? getTranslation("dashboard.dossier.notReturned")
                            : getTranslation("dashboard.dossier.returned", Format.time(d.returnedAt())))
                    + (d.timeliness() == null
                            ? ""
                            : " ("
                                    + getTranslation("dashboard.dossier.timeliness."
                                            + d.timeliness().name()) + ")"));
            facts.setId("dossier-facts");
            add(facts);
            Grid<RatingFacts> ratings = new Grid<>();
            ratings.addColumn(r -> Format.time(r.submittedAt()))
                    .setHeader(getTranslation("dashboard.column.time"))
                    .setAutoWidth(true);
            Map<String, String> options = labels.overallOptionLabels();
            Map<String, String> reasons = labels.reasonLabels();
            ratings.addColumn(r -> RatingWords.channel(r.channel().name()))
                    .setHeader(getTranslation("dashboard.column.channel"))
                    .setAutoWidth(true);
            ratings.addColumn(r -> RatingWords.status(r.status().name()))
                    .setHeader(getTranslation("dashboard.column.status"))
                    .setAutoWidth(true);
            ratings.addColumn(r -> options.getOrDefault(r.overallOption(), r.overallOption()))
                    .setHeader(getTranslation("dashboard.column.overall"))
                    .setAutoWidth(true);
            ratings.addColumn(r -> String.join(
                            ", ",
                            r.reasons().stream()
                                    .map(c -> reasons.getOrDefault(c, c))
                                    .toList()))
                    .setHeader(getTranslation("dashboard.column.reasons"));
            ratings.addColumn(r -> r.comment() == null ? "" : r.comment())
                    .setHeader(getTranslation("dashboard.column.comment"))
                    .setFlexGrow(3);
            Map<RatingId, DisputeLink> links = moderation.disputeLinks(
                    view.ratings().stream().map(RatingFacts::id).toList());
            if (!links.isEmpty()) {
                ratings.addComponentColumn(r -> disputeLink(r.id(), links.get(r.id())))
                        .setHeader(getTranslation("dashboard.dossier.column.moderation"))
                        .setAutoWidth(true);
            }
            ratings.setItems(view.ratings());
            ratings.setAllRowsVisible(true);
            ratings.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            ratings.setId("dossier-ratings");
            add(ratings);
        } catch (NotFoundException e) {
            add(new Paragraph(getTranslation("dashboard.dossier.notFound", code)));
        } catch (AccessDeniedException e) {
            add(new Paragraph(getTranslation("dashboard.dossier.outOfScope")));
        }
    }

    /** The rating's moderation page (route of {@code moderation.ui.RatingModerationView}, a module's internals, so by path). */
    private static Component disputeLink(RatingId ratingId, @Nullable DisputeLink link) {
        if (link == null) {
            return new Span();
        }
        Anchor anchor =
                new Anchor("kiem-duyet/danh-gia/" + ratingId, Words.of("dashboard.dossier.dispute." + link.name()));
        anchor.setId("dispute-" + ratingId);
        return anchor;
    }
}
