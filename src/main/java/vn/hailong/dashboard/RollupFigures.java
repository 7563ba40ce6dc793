package vn.hailong.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.hailong.aggregation.RatingCell;
import vn.hailong.aggregation.ReturnCell;
import vn.hailong.aggregation.RollupDimension;
import vn.hailong.aggregation.RollupQueries;
import vn.hailong.aggregation.Subtrees;
import vn.hailong.rating.Questionnaire;

/**
 * The dashboard's figures summed from the rollups' rating and return cells. No advice of its own:
 * it runs inside the calling service's transaction and behind its {@code @PreAuthorize}, as the
 * private methods it was split from did.
 */
@Component
class RollupFigures {

    private final RollupQueries rollups;

    RollupFigures(RollupQueries rollups) {
        this.rollups = rollups;
    }

    /** The figures of the units as a whole in each period: two statements, whatever the number of periods. */
    List<Figures> totals(Subtrees units, List<DashboardPeriod> periods) {
        List<RollupQueries.Days> days = periods.stream()
                .map(p -> new RollupQueries.Days(p.from(), p.to()))
                .toList();
        List<List<RatingCell>> ratingCells = rollups.ratings(RollupDimension.ALL, units, days, false);
        List<List<ReturnCell>> returnCells = rollups.returns(RollupDimension.ALL, units, days, false);
        List<Figures> totals = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Builder b = new Builder();
            ratingCells.get(i).forEach(b::add);
            returnCells.get(i).forEach(b::add);
            totals.add(b.build());
        }
        return totals;
    }

    Figures total(Subtrees units, DashboardPeriod period) {
        return totals(units, List.of(period)).getFirst();
    }

    /** Figures per value of the dimension, the units summed (a unit's own figures: {@link #perUnit}). */
    Map<String, Figures> grouped(RollupDimension dimension, Subtrees units, DashboardPeriod period) {
        return grouped(dimension, units, period, Cellish::dimValue, false);
    }

    /** Figures of each unit as a whole. */
    Map<String, Figures> perUnit(Set<UUID> units, DashboardPeriod period) {
        return grouped(
                RollupDimension.ALL,
                Subtrees.eachOwn(units),
                period,
                c -> Objects.requireNonNull(c.unitId()).toString(), // perUnit: every cell has its unit
                true);
    }

    /** Figures per month (keyed by the month's first day) from the month rollups, months without cells left out. */
    Map<String, Figures> byMonth(Subtrees units, LocalDate from, LocalDate to) {
        Map<String, Builder> byMonth = new TreeMap<>();
        for (RatingCell c : rollups.ratingsByMonth(units, from, to)) {
            byMonth.computeIfAbsent(c.dimValue(), k -> new Builder()).add(c);
        }
        for (ReturnCell c : rollups.returnsByMonth(units, from, to)) {
            byMonth.computeIfAbsent(c.dimValue(), k -> new Builder()).add(c);
        }
        Map<String, Figures> result = new TreeMap<>();
        byMonth.forEach((k, b) -> result.put(k, b.build()));
        return result;
    }

    private Map<String, Figures> grouped(
            RollupDimension dimension,
            Subtrees units,
            DashboardPeriod period,
            Function<Cellish, String> key,
            boolean perUnit) {
        Map<String, Builder> builders = new TreeMap<>();
        for (RatingCell c : rollups.ratings(dimension, units, period.from(), period.to(), perUnit)) {
            builders.computeIfAbsent(key.apply(Cellish.of(c.unitId(), c.dimValue())), k -> new Builder())
                    .add(c);
        }
        for (ReturnCell c : rollups.returns(dimension, units, period.from(), period.to(), perUnit)) {
            builders.computeIfAbsent(key.apply(Cellish.of(c.unitId(), c.dimValue())), k -> new Builder())
                    .add(c);
        }
        Map<String, Figures> result = new TreeMap<>();
        builders.forEach((k, b) -> result.put(k, b.build()));
        return result;
    }

    /** What rating and return cells have in common, to group both by the same key. */
    private interface Cellish {
        /** Null where the cells sum the units (not {@code perUnit}). */
        @Nullable
        UUID unitId();

        String dimValue();

        static Cellish of(@Nullable UUID unit, String value) {
            return new Cellish() {
                public @Nullable UUID unitId() {
                    return unit;
                }

                public String dimValue() {
                    return value;
                }
            };
        }
    }

    private static final class Builder {
        long returned, late, ratings, very, sat, dis, superseded, unbound, excluded;
        final Map<String, Figures.CriterionSum> criteria = new TreeMap<>();

        void add(ReturnCell c) {
            returned += c.returned();
            late += c.late();
        }

        void add(RatingCell c) {
            boolean overall = c.criterion().equals(Questionnaire.OVERALL);
            switch (c.status()) {
                case "COUNTED" -> {
                    if (overall) {
                        ratings += c.answers();
                        very += c.p2();
                        sat += c.p1();
                        dis += c.p0();
                    }
                    criteria.merge(
                            c.criterion(),
                            new Figures.CriterionSum(c.answers(), c.points()),
                            (a, b) -> new Figures.CriterionSum(a.answers() + b.answers(), a.points() + b.points()));
                }
                case "SUPERSEDED" -> superseded += overall ? c.answers() : 0;
                case "UNBOUND" -> unbound += overall ? c.answers() : 0;
                case "EXCLUDED" -> excluded += overall ? c.answers() : 0;
                default -> {}
            }
        }

        Figures build() {
            return new Figures(
                    returned, late, ratings, very, sat, dis, Map.copyOf(criteria), superseded, unbound, excluded);
        }
    }
}
