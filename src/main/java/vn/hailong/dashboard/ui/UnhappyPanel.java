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

import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.Selection;
import vn.hailong.dashboard.UnhappyRating;
import vn.hailong.rating.RatingWords;

/** The "not satisfied" ratings, newest first (at most 200), by reason and words in the comment; each links to its dossier. */
final class UnhappyPanel extends Div {

    private final DashboardService dashboard;
    private final Supplier<Selection> selection;
    private final Grid<UnhappyRating> unhappy = new Grid<>();
    private final Select<String> reason = new Select<>();
    private final TextField text = new TextField("Tìm trong ý kiến");

    UnhappyPanel(DashboardService dashboard, Map<String, String> reasonLabels, Supplier<Selection> selection) {
        this.dashboard = dashboard;
        this.selection = selection;
        reason.setLabel("Lý do");
        List<String> codes = new ArrayList<>();
        codes.add("");
        codes.addAll(reasonLabels.keySet());
        reason.setItems(codes);
        reason.setItemLabelGenerator(c -> c.isEmpty() ? "Tất cả lý do" : reasonLabels.getOrDefault(c, c));
        reason.setValue("");
        reason.setId("unhappy-reason");
        reason.addValueChangeListener(e -> refresh());
        text.setId("unhappy-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());

        unhappy.addColumn(r -> Format.time(r.submittedAt()))
                .setHeader("Thời gian")
                .setAutoWidth(true)
                .setFlexGrow(0);
        unhappy.addComponentColumn(r -> new Anchor("ho-so/" + r.dossierCode(), r.dossierCode()))
                .setHeader("Hồ sơ")
                .setAutoWidth(true)
                .setFlexGrow(0);
        unhappy.addColumn(UnhappyRating::unitName).setHeader("Đơn vị").setFlexGrow(2);
        unhappy.addColumn(r -> String.join(
                        ", ",
                        r.reasons().stream()
                                .map(c -> reasonLabels.getOrDefault(c, c))
                                .toList()))
                .setHeader("Lý do")
                .setFlexGrow(2);
        unhappy.addComponentColumn(r -> {
                    Span comment = new Span(r.comment() == null ? "" : r.comment());
                    comment.addClassName("comment");
                    return comment;
                })
                .setHeader("Ý kiến")
                .setFlexGrow(3);
        unhappy.addColumn(r -> RatingWords.status(r.status()))
                .setHeader("Trạng thái")
                .setAutoWidth(true);
        unhappy.setId("unhappy");
        unhappy.setAllRowsVisible(true);
        unhappy.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        unhappy.setEmptyStateText("Không có đánh giá không hài lòng trong kỳ này.");
        HorizontalLayout filters = new HorizontalLayout(reason, text);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph("Đánh giá \"Không hài lòng\", mới nhất trước (tối đa 200)."), filters, unhappy);
    }

    void refresh() {
        try {
            unhappy.setItems(dashboard.unhappy(selection.get(), reason.getValue(), text.getValue(), 200));
        } catch (AccessDeniedException e) {
            unhappy.setItems(List.of());
        }
    }
}
