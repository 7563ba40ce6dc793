package vn.hailong.aggregation;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rollups for a period of days. Callers pass the units already limited to what the user
 * may see (the dashboard does, through the security module's scope).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR')")
@Transactional(readOnly = true)
public class RollupQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RollupQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Rating sums per unit (or, without {@code perUnit}, of all the units together: cells' unitId
     * null), value, status and criterion for days {@code from} to {@code to}, both included. Summing
     * the units in SQL keeps a province's hour grid or procedure table from shipping one cell per
     * unit to the application.
     */
    public List<RatingCell> ratings(RollupDimension dimension, Collection<UUID> units, LocalDate from, LocalDate to, boolean perUnit) {
        if (units.isEmpty()) {
            return List.of();
        }
        PeriodCover cover = PeriodCover.of(from, to);
        List<Object> args = new ArrayList<>();
        String where = where(dimension, units, cover, args);
        String unit = perUnit ? "unit_id" : "NULL";
        String byUnit = perUnit ? "unit_id, " : "";
        List<RatingCell> cells = jdbc.query("SELECT " + unit + ", dim_value, status, criterion, SUM(answers), SUM(points), SUM(p0), SUM(p1), "
                + "SUM(p2) FROM rating_rollup WHERE " + where + " GROUP BY " + byUnit + "dim_value, status, criterion HAVING SUM(answers) <> 0",
                (rs, i) -> new RatingCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), args.toArray());
        if (dimension.hasDayRows() || cover.days().isEmpty()) {
            return cells;
        }
        // Edge days of a custom period, for a dimension without day rows: from the raw ratings of
        // those days only (an index range per unit), added to the whole months' cells.
        List<Object> rawArgs = new ArrayList<>();
        String value = RawSql.value(dimension);
        List<RatingCell> edges = jdbc.query("SELECT " + (perUnit ? "f.unit_id" : "NULL") + ", " + value + ", f.status, a.criterion_key, COUNT(*), SUM(a.points), "
                + "SUM(a.points = 0), SUM(a.points = 1), SUM(a.points = 2) FROM ("
                + RawSql.ratingFacts(RawSql.offsetSeconds(clock), rawCondition("r.evaluated_agency_id", "r.submitted_at", units, cover, rawArgs))
                + ") f JOIN rating_answer a ON a.rating_id = f.id WHERE " + value + " IS NOT NULL GROUP BY 1, 2, 3, 4",
                (rs, i) -> new RatingCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), rawArgs.toArray());
        Map<String, RatingCell> merged = new LinkedHashMap<>();
        for (RatingCell c : cells) {
            merged.put(c.unitId() + "|" + c.dimValue() + "|" + c.status() + "|" + c.criterion(), c);
        }
        for (RatingCell e : edges) {
            merged.merge(e.unitId() + "|" + e.dimValue() + "|" + e.status() + "|" + e.criterion(), e,
                    (a, b) -> new RatingCell(a.unitId(), a.dimValue(), a.status(), a.criterion(), a.answers() + b.answers(),
                            a.points() + b.points(), a.p0() + b.p0(), a.p1() + b.p1(), a.p2() + b.p2()));
        }
        return List.copyOf(merged.values());
    }

    /** Returned dossiers per unit (or of all the units, like {@link #ratings}) and value for days {@code from} to {@code to}, both included. */
    public List<ReturnCell> returns(RollupDimension dimension, Collection<UUID> units, LocalDate from, LocalDate to, boolean perUnit) {
        if (units.isEmpty() || !dimension.forDossiers()) {
            return List.of();
        }
        PeriodCover cover = PeriodCover.of(from, to);
        List<Object> args = new ArrayList<>();
        String where = where(dimension, units, cover, args);
        List<ReturnCell> cells = jdbc.query("SELECT " + (perUnit ? "unit_id" : "NULL") + ", dim_value, SUM(returned), SUM(late) FROM dossier_rollup "
                + "WHERE " + where + " GROUP BY " + (perUnit ? "unit_id, " : "") + "dim_value HAVING SUM(returned) <> 0",
                (rs, i) -> new ReturnCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getLong(3), rs.getLong(4)), args.toArray());
        if (dimension.hasDayRows() || cover.days().isEmpty()) {
            return cells;
        }
        List<Object> rawArgs = new ArrayList<>();
        String value = RawSql.value(dimension);
        List<ReturnCell> edges = jdbc.query("SELECT " + (perUnit ? "f.unit_id" : "NULL") + ", " + value + ", COUNT(*), SUM(f.late) FROM ("
                + RawSql.dossierFacts(RawSql.offsetSeconds(clock), rawCondition("d.evaluated_agency_id", "d.returned_at", units, cover, rawArgs))
                + ") f WHERE " + value + " IS NOT NULL GROUP BY 1, 2",
                (rs, i) -> new ReturnCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getLong(3), rs.getLong(4)), rawArgs.toArray());
        Map<String, ReturnCell> merged = new LinkedHashMap<>();
        for (ReturnCell c : cells) {
            merged.put(c.unitId() + "|" + c.dimValue(), c);
        }
        for (ReturnCell e : edges) {
            merged.merge(e.unitId() + "|" + e.dimValue(), e,
                    (a, b) -> new ReturnCell(a.unitId(), a.dimValue(), a.returned() + b.returned(), a.late() + b.late()));
        }
        return List.copyOf(merged.values());
    }

    /**
     * Rating sums of the units as a whole (dimension ALL) per month, for the months starting
     * {@code firstMonth} to {@code lastMonth} (first days of months, both included): one query over
     * month rows, for trend lines. The cells' {@code dimValue} is the month's first day (ISO) and
     * their {@code unitId} is null (the units are added up).
     */
    public List<RatingCell> ratingsByMonth(Collection<UUID> units, LocalDate firstMonth, LocalDate lastMonth) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(RollupStore.ids(units)));
        args.add(Date.valueOf(firstMonth));
        args.add(Date.valueOf(lastMonth));
        return jdbc.query("SELECT period_start, status, criterion, SUM(answers), SUM(points), SUM(p0), SUM(p1), SUM(p2) FROM rating_rollup "
                + "WHERE dimension = 'ALL' AND grain = 'M' AND unit_id IN (" + RollupStore.placeholders(units) + ") "
                + "AND period_start >= ? AND period_start <= ? GROUP BY period_start, status, criterion HAVING SUM(answers) <> 0",
                (rs, i) -> new RatingCell(null, rs.getDate(1).toLocalDate().toString(), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), args.toArray());
    }

    /** Returned dossiers of the units as a whole per month, like {@link #ratingsByMonth}. */
    public List<ReturnCell> returnsByMonth(Collection<UUID> units, LocalDate firstMonth, LocalDate lastMonth) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(RollupStore.ids(units)));
        args.add(Date.valueOf(firstMonth));
        args.add(Date.valueOf(lastMonth));
        return jdbc.query("SELECT period_start, SUM(returned), SUM(late) FROM dossier_rollup WHERE dimension = 'ALL' AND grain = 'M' "
                + "AND unit_id IN (" + RollupStore.placeholders(units) + ") AND period_start >= ? AND period_start <= ? "
                + "GROUP BY period_start HAVING SUM(returned) <> 0",
                (rs, i) -> new ReturnCell(null, rs.getDate(1).toLocalDate().toString(), rs.getLong(2), rs.getLong(3)), args.toArray());
    }

    private static String where(RollupDimension dimension, Collection<UUID> units, PeriodCover cover, List<Object> args) {
        List<String> ranges = new ArrayList<>();
        for (PeriodCover.Range r : cover.months()) {
            ranges.add("(grain = 'M' AND period_start >= ? AND period_start < ?)");
            args.add(Date.valueOf(r.start()));
            args.add(Date.valueOf(r.end()));
        }
        if (dimension.hasDayRows()) {
            for (PeriodCover.Range r : cover.days()) {
                ranges.add("(grain = 'D' AND period_start >= ? AND period_start < ?)");
                args.add(Date.valueOf(r.start()));
                args.add(Date.valueOf(r.end()));
            }
        }
        if (ranges.isEmpty()) {
            ranges.add("FALSE");
        }
        List<Object> head = new ArrayList<>();
        head.add(dimension.name());
        head.addAll(List.of(RollupStore.ids(units)));
        args.addAll(0, head);
        return "dimension = ? AND unit_id IN (" + RollupStore.placeholders(units) + ") AND (" + String.join(" OR ", ranges) + ")";
    }

    /**
     * The raw rows of the units in the cover's edge days: local day boundaries shifted to UTC in SQL,
     * as the rebuild does ({@code DATE(t + offset) >= day} is {@code t >= day - offset}).
     */
    private String rawCondition(String unitColumn, String timeColumn, Collection<UUID> units, PeriodCover cover, List<Object> args) {
        int offset = RawSql.offsetSeconds(clock);
        args.addAll(List.of(RollupStore.ids(units)));
        List<String> ranges = new ArrayList<>();
        for (PeriodCover.Range r : cover.days()) {
            ranges.add("(" + timeColumn + " >= ? - INTERVAL " + offset + " SECOND AND " + timeColumn + " < ? - INTERVAL " + offset + " SECOND)");
            args.add(Date.valueOf(r.start()));
            args.add(Date.valueOf(r.end()));
        }
        return unitColumn + " IN (" + RollupStore.placeholders(units) + ") AND (" + String.join(" OR ", ranges) + ")";
    }
}
