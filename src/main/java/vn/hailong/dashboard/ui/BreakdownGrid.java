package vn.hailong.dashboard.ui;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownRow;
import vn.hailong.dashboard.Figures;

/**
 * One breakdown of the figures (by unit, procedure, officer, counter, channel) as a table; the
 * columns fit what the breakdown counts (dossiers or only ratings). A unit's row drills down.
 */
final class BreakdownGrid extends Grid<BreakdownRow> {

    /** {@code unitClicked}: the unit of a clicked row, for the unit breakdown. */
    BreakdownGrid(Breakdown b, Consumer<UUID> unitClicked) {
        addColumn(BreakdownRow::label).setHeader(b.label()).setFlexGrow(4).setSortable(true);
        if (b == Breakdown.UNIT || b == Breakdown.PROCEDURE) {
            addColumn(BreakdownRow::code)
                    .setHeader(getTranslation("dashboard.column.code"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        boolean dossiers = b == Breakdown.UNIT || b == Breakdown.PROCEDURE || b == Breakdown.OFFICER;
        if (dossiers) {
            number(getTranslation("dashboard.column.returned"), r -> r.figures().returned());
        }
        if (b == Breakdown.COUNTER) {
            number(
                    getTranslation("dashboard.column.handedOverAtCounter"),
                    r -> r.figures().returned());
        }
        number(getTranslation("dashboard.card.ratings"), r -> r.figures().ratings());
        if (dossiers || b == Breakdown.COUNTER) {
            addColumn(r -> Format.percent(r.figures().coverage()))
                    .setHeader(getTranslation("dashboard.column.coverage"))
                    .setTextAlign(ColumnTextAlign.END);
        }
        addComponentColumn(r -> rate(r.figures()))
                .setHeader(getTranslation("dashboard.column.rateWithInterval"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setComparator(r -> r.figures().satisfactionRate() == null
                        ? -1
                        : r.figures().satisfactionRate());
        number(getTranslation("dashboard.card.dissatisfied"), r -> r.figures().dissatisfied());
        if (dossiers) {
            addColumn(r -> Format.percent(r.figures().lateShare()))
                    .setHeader(getTranslation("dashboard.column.late"))
                    .setTextAlign(ColumnTextAlign.END);
        }
        if (b == Breakdown.UNIT) {
            addItemClickListener(
                    e -> unitClicked.accept(UUID.fromString(e.getItem().key())));
        }
        setId("by-" + b.name().toLowerCase(Locale.ROOT));
        setAllRowsVisible(true);
        // Unit and procedure names and the headers wrap rather than end in "…": managers read them whole.
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText(getTranslation("dashboard.breakdown.none"));
    }

    /** A satisfaction rate over its 95 % interval, which says how far a small sample can be trusted. */
    static Component rate(Figures f) {
        Span value = new Span(Format.percent(f.satisfactionRate()));
        Div cell = new Div(value);
        cell.addClassName("rate");
        if (f.ratings() > 0) {
            Span interval = new Span(Format.interval(f.satisfaction()));
            interval.addClassName("interval");
            cell.add(interval);
        }
        return cell;
    }

    private void number(String header, Function<BreakdownRow, Long> value) {
        addColumn(r -> Format.count(value.apply(r)))
                .setHeader(header)
                .setTextAlign(ColumnTextAlign.END)
                .setComparator(value::apply);
    }
}
