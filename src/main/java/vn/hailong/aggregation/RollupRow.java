package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One stored rollup row of ratings (or a change to it): the key, then the sums. Comparable by key
 * so that every writer locks rows in the same order (no deadlocks between concurrent upserts).
 */
record RollupRow(
        RollupDimension dimension,
        char grain,
        char reach,
        LocalDate periodStart,
        UUID unitId,
        String dimValue,
        String status,
        String criterion,
        long answers,
        long points,
        long p0,
        long p1,
        long p2) {

    /** Reach of a row that sums the unit's own ratings. */
    static final char OWN = 'O';
    /** Reach of a row that sums the ratings of every unit below the unit (its subtree but itself). */
    static final char BELOW = 'B';

    static final Comparator<RollupRow> KEY_ORDER = Comparator.comparing(RollupRow::dimension)
            .thenComparing(RollupRow::grain)
            .thenComparing(RollupRow::reach)
            .thenComparing(RollupRow::unitId)
            .thenComparing(RollupRow::periodStart)
            .thenComparing(RollupRow::dimValue)
            .thenComparing(RollupRow::status)
            .thenComparing(RollupRow::criterion);

    String key() {
        return dimension + "|" + grain + "|" + reach + "|" + unitId + "|" + periodStart + "|" + dimValue + "|" + status
                + "|" + criterion;
    }

    boolean isZero() {
        return answers == 0 && points == 0 && p0 == 0 && p1 == 0 && p2 == 0;
    }

    RollupRow plus(RollupRow other) {
        return new RollupRow(
                dimension,
                grain,
                reach,
                periodStart,
                unitId,
                dimValue,
                status,
                criterion,
                answers + other.answers,
                points + other.points,
                p0 + other.p0,
                p1 + other.p1,
                p2 + other.p2);
    }

    /** This own row as it counts under a unit above (a row of the units below {@code ancestor}). */
    RollupRow below(UUID ancestor) {
        return new RollupRow(
                dimension,
                grain,
                BELOW,
                periodStart,
                ancestor,
                dimValue,
                status,
                criterion,
                answers,
                points,
                p0,
                p1,
                p2);
    }

    /** These own rows, and the same under each of the units above theirs. */
    static List<RollupRow> withAncestors(List<RollupRow> own, List<UUID> ancestors) {
        List<RollupRow> rows = new ArrayList<>(own);
        for (UUID ancestor : ancestors) {
            own.forEach(r -> rows.add(r.below(ancestor)));
        }
        return rows;
    }

    /** Adds up rows of the same key, drops those that cancel out, and sorts by key. */
    static List<RollupRow> merge(Collection<RollupRow> rows) {
        Map<String, RollupRow> byKey = new TreeMap<>();
        for (RollupRow r : rows) {
            byKey.merge(r.key(), r, RollupRow::plus);
        }
        List<RollupRow> merged =
                new ArrayList<>(byKey.values().stream().filter(r -> !r.isZero()).toList());
        merged.sort(KEY_ORDER);
        return merged;
    }
}
