package vn.hailong.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import vn.hailong.dashboard.RatingDetailService;
import vn.hailong.dashboard.Selection;
import vn.hailong.dashboard.UnhappyRating;
import vn.hailong.rating.RatingWords;

/** The "not satisfied" ratings, newest first (at most 200), by reason and words in the comment; each links to its dossier. */
final class UnhappyPanel extends Div {

    private final RatingDetailService ratingDetails;
    private final Supplier<Selection> selection;
    private final Grid<UnhappyRating> unhappy = new Grid<>();
    private final Select<String> reason = new Select<>();
    private final TextField text = new TextField(getTranslation("dashboard.unhappy.search"));

    UnhappyPanel(RatingDetailService ratingDetails, Map<String, String> reasonLabels, Supplier<Selection> selection) {
        this.ratingDetails = ratingDetails;
        this.selection = selection;
        reason.setLabel(getTranslation("dashboard.column.reasons"));
        List<String> codes = new ArrayList<>();
        codes.add("");
        codes.addAll(reasonLabels.keySet());
        reason.setItems(codes);
        String allReasons = getTranslation("dashboard.unhappy.allReasons");
        reason.setItemLabelGenerator(c -> c.isEmpty() ? allReasons : reasonLabels.getOrDefault(c, c));
        reason.setValue("");
        reason.setId("unhappy-reason");
        reason.addValueChangeListener(e -> refresh());
        text.setId("unhappy-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());

        unhappy.addColumn(r -> Format.time(r.submittedAt()))
                .setHeader(getTranslation("dashboard.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        unhappy.addComponentColumn(r -> new Anchor("ho-so/" + r.dossierCode(), r.dossierCode()))
                .setHeader(getTranslation("dashboard.column.dossier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        unhappy.addColumn(UnhappyRating::unitName)
                .setHeader(getTranslation("dashboard.column.unit"))
                .setFlexGrow(2);
        unhappy.addColumn(r -> String.join(
                        ", ",
                        r.reasons().stream()
                                .map(c -> reasonLabels.getOrDefault(c, c))
                                .toList()))
                .setHeader(getTranslation("dashboard.column.reasons"))
                .setFlexGrow(2);
        unhappy.addComponentColumn(r -> {
                    Span comment = new Span(r.comment() == null ? "" : r.comment());
                    comment.addClassName("comment");
                    return comment;
                })
                .setHeader(getTranslation("dashboard.column.comment"))
                .setFlexGrow(3);
        unhappy.addColumn(r -> RatingWords.status(r.status()))
                .setHeader(getTranslation("dashboard.column.status"))
                .setAutoWidth(true);
        unhappy.setId("unhappy");
        unhappy.setAllRowsVisible(true);
        unhappy.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        unhappy.setEmptyStateText(getTranslation("dashboard.unhappy.none"));
        HorizontalLayout filters = new HorizontalLayout(reason, text);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph(getTranslation("dashboard.unhappy.intro")), filters, unhappy);
    }

    void refresh() {
        try {
            unhappy.setItems(ratingDetails.unhappy(selection.get(), reason.getValue(), text.getValue(), 200));
        } catch (AccessDeniedException e) {
            unhappy.setItems(List.of());
        }
    }
}
