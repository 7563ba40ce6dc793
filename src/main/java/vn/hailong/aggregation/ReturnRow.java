package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One stored rollup row of returned dossiers (or a change to it). */
record ReturnRow(
        RollupDimension dimension,
        char grain,
        char reach,
        LocalDate periodStart,
        UUID unitId,
        String dimValue,
        long returned,
        long late) {

    /** This own row as it counts under a unit above (see {@link RollupRow#below}). */
    ReturnRow below(UUID ancestor) {
        return new ReturnRow(dimension, grain, RollupRow.BELOW, periodStart, ancestor, dimValue, returned, late);
    }

    static List<ReturnRow> withAncestors(List<ReturnRow> own, List<UUID> ancestors) {
        List<ReturnRow> rows = new ArrayList<>(own);
        for (UUID ancestor : ancestors) {
            own.forEach(r -> rows.add(r.below(ancestor)));
        }
        return rows;
    }

    String key() {
        return dimension + "|" + grain + "|" + reach + "|" + unitId + "|" + periodStart + "|" + dimValue;
    }

    static List<ReturnRow> merge(Collection<ReturnRow> rows) {
        Map<String, ReturnRow> byKey = new TreeMap<>();
        for (ReturnRow r : rows) {
            byKey.merge(
                    r.key(),
                    r,
                    (a, b) -> new ReturnRow(
                            a.dimension,
                            a.grain,
                            a.reach,
                            a.periodStart,
                            a.unitId,
                            a.dimValue,
                            a.returned + b.returned,
                            a.late + b.late));
        }
        // TreeMap order of the key string is one fixed order for every writer.
        return new ArrayList<>(byKey.values().stream()
                .filter(r -> r.returned != 0 || r.late != 0)
                .toList());
    }
}
