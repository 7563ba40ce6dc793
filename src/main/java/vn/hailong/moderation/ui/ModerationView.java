package vn.hailong.moderation.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.moderation.ModerationService;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingWords;

/** Disputes awaiting a second person's decision, and finding a dossier's ratings to dispute one. */
@Route("kiem-duyet")
@PageTitle("Kiểm duyệt đánh giá · Hài Lòng")
@Menu(title = "Kiểm duyệt đánh giá", order = 6)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class ModerationView extends Div {

    private final ModerationService moderation;
    private final Grid<RatingFacts> found = new Grid<>();
    private final Paragraph foundMessage = new Paragraph();

    public ModerationView(ModerationService moderation) {
        this.moderation = moderation;
        addClassName("followup");
        add(new H2(getTranslation("moderation.ui.disputes.title")));
        add(new Paragraph(getTranslation("moderation.ui.disputes.intro", RatingWords.status("EXCLUDED"))));

        Div open = new Div(new H3(getTranslation("moderation.ui.disputes.openTitle")));
        open.addClassName("card");
        Grid<ModerationService.OpenDispute> disputes = new Grid<>();
        disputes.addComponentColumn(
                        d -> new Anchor("kiem-duyet/danh-gia/" + d.dispute().ratingId(), d.dossierCode()))
                .setHeader(getTranslation("moderation.ui.disputes.column.dossier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        disputes.addColumn(ModerationService.OpenDispute::unitName)
                .setHeader(getTranslation("moderation.ui.disputes.column.unit"))
                .setFlexGrow(2);
        disputes.addColumn(d -> getTranslation(
                        d.dispute().kind().name().equals("EXCLUDE")
                                ? "moderation.ui.disputes.request.exclude"
                                : "moderation.ui.disputes.request.restore"))
                .setHeader(getTranslation("moderation.ui.disputes.column.request"))
                .setAutoWidth(true);
        disputes.addColumn(d -> d.dispute().reason().label())
                .setHeader(getTranslation("moderation.ui.disputes.column.reason"))
                .setFlexGrow(2);
        disputes.addColumn(d -> d.dispute().raisedBy() + " · "
                        + ModerationLabels.time(d.dispute().raisedAt()))
                .setHeader(getTranslation("moderation.ui.disputes.column.raisedBy"))
                .setAutoWidth(true);
        disputes.setItems(moderation.openDisputes());
        disputes.setEmptyStateText(getTranslation("moderation.ui.disputes.noOpenDisputes"));
        disputes.setAllRowsVisible(true);
        disputes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        disputes.setId("open-disputes");
        open.add(disputes);
        add(open);

        Div search = new Div(new H3(getTranslation("moderation.ui.disputes.searchTitle")));
        search.addClassName("card");
        TextField code = new TextField(getTranslation("moderation.ui.disputes.dossierCode"));
        code.setPlaceholder("000.00.06.H56-231027-0361");
        code.setWidth("22rem");
        code.setId("dossier-code");
        Button find = new Button(getTranslation("moderation.ui.disputes.find"), e -> find(code.getValue()));
        find.addClickShortcut(Key.ENTER);
        Div row = new Div(code, find);
        row.addClassName("filters");
        found.addComponentColumn(
                        r -> new Anchor("kiem-duyet/danh-gia/" + r.id(), ModerationLabels.time(r.submittedAt())))
                .setHeader(getTranslation("moderation.ui.disputes.column.time"))
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.channel(r.channel().name()))
                .setHeader(getTranslation("moderation.ui.disputes.column.channel"))
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.answer(r.overallOption()))
                .setHeader(getTranslation("moderation.ui.disputes.column.overall"))
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.status(r.status().name()))
                .setHeader(getTranslation("moderation.ui.disputes.column.status"))
                .setAutoWidth(true);
        found.addColumn(r -> r.comment() == null ? "" : r.comment())
                .setHeader(getTranslation("moderation.ui.disputes.column.comment"))
                .setFlexGrow(3);
        found.setAllRowsVisible(true);
        found.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        found.setVisible(false);
        found.setId("dossier-ratings");
        foundMessage.setId("search-message");
        search.add(row, foundMessage, found);
        add(search);
    }

    private void find(String code) {
        try {
            var ratings = moderation.ratingsOfDossier(code);
            found.setItems(ratings);
            found.setVisible(!ratings.isEmpty());
            foundMessage.setText(
                    ratings.isEmpty()
                            ? getTranslation("moderation.ui.disputes.noRatings")
                            : getTranslation("moderation.ui.disputes.pickRating"));
        } catch (NotFoundException e) {
            found.setVisible(false);
            foundMessage.setText(getTranslation("moderation.ui.disputes.notFound"));
        }
    }
}
