package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import vn.hailong.index.UnitResult;

/**
 * The results of a snapshot, one row per unit, with a flag column for units that need a look. Its
 * words are {@code index.ui.results.*} in the bundles.
 */
class ResultsGrid extends Grid<UnitResult> {

    ResultsGrid(boolean withFlags, @Nullable Consumer<UnitResult> explain) {
        // Name, code and peer group in one cell (smaller below the name), so the figures fit a laptop screen.
        addComponentColumn(r -> {
                    Span code = new Span(getTranslation(
                            "index.ui.results.codeAndPeerGroup", r.unitCode(), IndexLabels.peerGroup(r.peerGroup())));
                    code.getStyle()
                            .set("display", "block")
                            .set("font-size", "var(--lumo-font-size-s)")
                            .set("color", "var(--lumo-secondary-text-color)");
                    Span name = new Span(r.unitName());
                    name.getStyle().set("display", "block");
                    Div cell = new Div(name, code);
                    cell.setId("unit-" + r.unitCode());
                    return cell;
                    // Frozen: on a phone the figures scroll sideways under the unit's name, so every row stays
                    // readable.
                })
                .setHeader(getTranslation("index.ui.results.unit"))
                .setWidth("12em")
                .setFlexGrow(1)
                .setComparator(UnitResult::unitName)
                .setResizable(true)
                .setFrozen(true);
        if (withFlags) {
            addComponentColumn(r -> {
                        Span s = new Span(IndexFormat.flags(r));
                        if (!r.flags().isEmpty()) {
                            s.getStyle()
                                    .set("background", "#fff3cd")
                                    .set("color", "#6b4500")
                                    .set("padding", "0 0.4em")
                                    .set("border-radius", "var(--lumo-border-radius-s)");
                        }
                        return s;
                    })
                    .setHeader(getTranslation("index.ui.results.flags"))
                    .setWidth("10em")
                    .setFlexGrow(0);
        }
        addColumn(r -> IndexFormat.count(r.dossiers()))
                .setHeader(getTranslation("index.ui.results.dossiers"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setComparator(UnitResult::dossiers);
        addColumn(r -> IndexFormat.count(r.ratings()))
                .setHeader(getTranslation("index.ui.results.ratings"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setComparator(UnitResult::ratings);
        // The rate, and under it how far it can be trusted: "KTC 95 %: 88,10–95,30 %; n = 530".
        addComponentColumn(r -> {
                    Span rate = new Span(IndexFormat.percent(r.satisfactionRate()));
                    rate.getStyle().set("display", "block");
                    Span interval = new Span(IndexFormat.interval(r.satisfaction()));
                    interval.getStyle()
                            .set("display", "block")
                            .set("font-size", "var(--lumo-font-size-xs)")
                            .set("color", "var(--lumo-secondary-text-color)");
                    Div cell = new Div(rate, interval);
                    cell.getStyle().set("text-align", "end");
                    return cell;
                })
                .setHeader(getTranslation("index.ui.results.satisfaction"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("9.5em")
                .setFlexGrow(0)
                .setComparator(r -> r.satisfactionRate() == null ? BigDecimal.valueOf(-1) : r.satisfactionRate());
        addColumn(r -> IndexFormat.number(r.circular01Total()) + " · " + IndexFormat.band(r))
                .setHeader(getTranslation("index.ui.results.circular01"))
                .setAutoWidth(true);
        addColumn(r -> IndexFormat.number(r.decision766().totalPoints()))
                .setHeader(getTranslation("index.ui.results.decision766"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        addColumn(r -> IndexFormat.number(r.parSurveyPoints()))
                .setHeader(getTranslation("index.ui.results.parSurvey"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        addColumn(r -> r.rank() != null
                        ? r.rank().toString()
                        : r.has(UnitResult.INSUFFICIENT_SAMPLE)
                                ? getTranslation("index.ui.results.insufficientSample")
                                : "—")
                .setHeader(getTranslation("index.ui.results.rank"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7em")
                .setFlexGrow(0);
        addColumn(r -> IndexFormat.rankChange(r.rankChange()))
                .setHeader(getTranslation("index.ui.results.rankChange"))
                .setAutoWidth(true);
        if (explain != null) {
            addItemClickListener(e -> explain.accept(e.getItem()));
        }
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setWidthFull();
    }
}
