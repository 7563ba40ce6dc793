package vn.hailong.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.aggregation.RollupDimension;
import vn.hailong.aggregation.Subtrees;
import vn.hailong.platform.Roles;

/**
 * The managers' dashboard: figures of a period for a unit's subtree (or everything the user may
 * see), compared with the period before and the same period a year earlier, month by month and by
 * hour. Breakdowns and integrity signals are {@link BreakdownService}'s, single ratings
 * {@link RatingDetailService}'s, the questionnaire's words {@link DashboardLabels}'. Figures come
 * from the rollups; the units always from the user's scope, checked here and not only in the view.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
// One read-only transaction (one pooled connection) per call, which the scope, directory and rollup
// look-ups join, instead of one each.
@Transactional(readOnly = true)
public class DashboardService {

    /** Months shown by a trend line: a year at least, so that a month or a quarter shows how it came about. */
    static final int TREND_MONTHS = 12;
    /** Months a long custom period may show at most (three years). */
    static final int TREND_MAX_MONTHS = 36;

    private final SelectionScope scope;
    private final RollupFigures figures;
    private final Clock clock;

    DashboardService(SelectionScope scope, RollupFigures figures, Clock clock) {
        this.scope = scope;
        this.figures = figures;
        this.clock = clock;
    }

    /** The agency tree limited to the user's scope. */
    public List<UnitNode> unitTree() {
        return scope.unitTree();
    }

    /**
     * The first selection: the last complete month (a month three days old read beside whole months
     * misleads), everything in scope.
     */
    public Selection defaultSelection() {
        return new Selection(
                DashboardPeriod.containing(
                        DashboardPeriod.Kind.MONTH, LocalDate.now(clock).minusMonths(1)),
                null);
    }

    /** Today in the province, for "tính đến dd/MM". */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Headline headline(Selection selection) {
        Subtrees units = scope.wholes(selection);
        DashboardPeriod.Comparison c = selection.period().comparedOn(LocalDate.now(clock));
        List<Figures> totals = figures.totals(units, List.of(c.current(), c.previous(), c.lastYear()));
        return new Headline(
                c.period(), totals.get(0), c.previous(), totals.get(1), c.lastYear(), totals.get(2), c.asOf());
    }

    public List<HourCell> hourGrid(Selection selection) {
        List<HourCell> cells = new ArrayList<>();
        figures.grouped(RollupDimension.HOUR, scope.wholes(selection), selection.period())
                .forEach((k, f) -> {
                    String[] parts = k.split("-");
                    cells.add(new HourCell(
                            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), f.ratings(), f.happy()));
                });
        cells.sort(Comparator.comparingInt(HourCell::weekday).thenComparingInt(HourCell::hour));
        return cells;
    }

    /**
     * Monthly figures for trend lines: the twelve months ending with the selection's last month (or
     * every month of a longer period, up to three years), each beside the same month a year earlier.
     * Whole months from the month rollups: a custom period's partial first and last months count whole.
     */
    public List<TrendPoint> trend(Selection selection) {
        Subtrees units = scope.wholes(selection);
        YearMonth last = YearMonth.from(selection.period().to());
        YearMonth first = YearMonth.from(selection.period().from());
        if (first.isAfter(last.minusMonths(TREND_MONTHS - 1))) {
            first = last.minusMonths(TREND_MONTHS - 1);
        }
        if (first.isBefore(last.minusMonths(TREND_MAX_MONTHS - 1))) {
            first = last.minusMonths(TREND_MAX_MONTHS - 1);
        }
        Map<String, Figures> byMonth =
                figures.byMonth(units, first.minusYears(1).atDay(1), last.atDay(1));
        List<TrendPoint> points = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            points.add(new TrendPoint(
                    m,
                    byMonth.getOrDefault(m.atDay(1).toString(), Figures.NONE),
                    byMonth.getOrDefault(m.minusYears(1).atDay(1).toString(), Figures.NONE)));
        }
        return points;
    }

    /** The units of a selection within the user's scope (the unit and those below it, or everything in scope). */
    public Set<UUID> unitsOf(Selection selection) {
        return scope.units(selection);
    }
}
