package vn.hailong.aggregation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.platform.Roles;

/**
 * Reads the rollups for a period of days, from the fewest rows that cover it ({@link PeriodCover}:
 * whole years, quarters and months, and days at the edges), and for a subtree from its root's rows
 * ({@link Subtrees}). Callers pass the units already limited to what the user may see (the
 * dashboard does, through the security module's scope).
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
@Transactional(readOnly = true)
public class RollupQueries {

    private final JdbcTemplate jdbc;

    RollupQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Days {@code from} to {@code to}, both included. */
    public record Days(LocalDate from, LocalDate to) {}

    /**
     * Rating sums per unit (or, without {@code perUnit}, of all the units together: cells' unitId
     * null), value, status and criterion for days {@code from} to {@code to}, both included. Summing
     * the units in SQL keeps a province's hour grid or procedure table from shipping one cell per
     * unit to the application.
     */
    public List<RatingCell> ratings(
            RollupDimension dimension, Subtrees units, LocalDate from, LocalDate to, boolean perUnit) {
        return ratings(dimension, units, List.of(new Days(from, to)), perUnit).getFirst();
    }

    /**
     * The same for several periods at once (a headline's period, the one before and the same one a
     * year earlier), in one statement and one round trip: the cells of each period, in order.
     */
    public List<List<RatingCell>> ratings(
            RollupDimension dimension, Subtrees units, List<Days> periods, boolean perUnit) {
        List<List<RatingCell>> result = new ArrayList<>();
        periods.forEach(p -> result.add(new ArrayList<>()));
        if (units.isEmpty() || periods.isEmpty()) {
            return result;
        }
        List<Object> args = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            selects.add("SELECT " + i + ", " + (perUnit ? "unit_id" : "NULL")
                    + ", dim_value, status, criterion, SUM(answers), SUM(points), "
                    + "SUM(p0), SUM(p1), SUM(p2) FROM rating_rollup WHERE "
                    + where(dimension, units, perUnit, cover(periods.get(i)), args)
                    + " GROUP BY " + (perUnit ? "unit_id, " : "")
                    + "dim_value, status, criterion HAVING SUM(answers) <> 0");
        }
        jdbc.query(
                String.join(" UNION ALL ", selects),
                rs -> {
                    result.get(rs.getInt(1))
                            .add(new RatingCell(
                                    RollupStore.nullableUuid(rs, 2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getLong(6),
                                    rs.getLong(7),
                                    rs.getLong(8),
                                    rs.getLong(9),
                                    rs.getLong(10)));
                },
                args.toArray());
        return result;
    }

    /** Returned dossiers per unit (or of all the units, like {@link #ratings}) and value for days {@code from} to {@code to}, both included. */
    public List<ReturnCell> returns(
            RollupDimension dimension, Subtrees units, LocalDate from, LocalDate to, boolean perUnit) {
        return returns(dimension, units, List.of(new Days(from, to)), perUnit).getFirst();
    }

    /** Returned dossiers for several periods at once, like {@link #ratings(RollupDimension, Collection, List, boolean)}. */
    public List<List<ReturnCell>> returns(
            RollupDimension dimension, Subtrees units, List<Days> periods, boolean perUnit) {
        List<List<ReturnCell>> result = new ArrayList<>();
        periods.forEach(p -> result.add(new ArrayList<>()));
        if (units.isEmpty() || periods.isEmpty() || !dimension.forDossiers()) {
            return result;
        }
        List<Object> args = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            selects.add("SELECT " + i + ", " + (perUnit ? "unit_id" : "NULL")
                    + ", dim_value, SUM(returned), SUM(late) FROM dossier_rollup "
                    + "WHERE " + where(dimension, units, perUnit, cover(periods.get(i)), args) + " GROUP BY "
                    + (perUnit ? "unit_id, " : "")
                    + "dim_value HAVING SUM(returned) <> 0");
        }
        jdbc.query(
                String.join(" UNION ALL ", selects),
                rs -> {
                    result.get(rs.getInt(1))
                            .add(new ReturnCell(
                                    RollupStore.nullableUuid(rs, 2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                },
                args.toArray());
        return result;
    }

    private static PeriodCover cover(Days days) {
        return PeriodCover.of(days.from(), days.to());
    }

    /**
     * Rating sums of the units as a whole (dimension ALL) per month, for the months starting
     * {@code firstMonth} to {@code lastMonth} (first days of months, both included): one query over
     * month rows, for trend lines. The cells' {@code dimValue} is the month's first day (ISO) and
     * their {@code unitId} is null (the units are added up).
     */
    public List<RatingCell> ratingsByMonth(Subtrees units, LocalDate firstMonth, LocalDate lastMonth) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(
                RollupDimension.ALL, units, false, List.of(new Range('M', firstMonth, lastMonth.plusDays(1))), args);
        return jdbc.query(
                "SELECT period_start, status, criterion, SUM(answers), SUM(points), SUM(p0), SUM(p1), SUM(p2) FROM rating_rollup "
                        + "WHERE " + where + " GROUP BY period_start, status, criterion HAVING SUM(answers) <> 0",
                (rs, i) -> new RatingCell(
                        null,
                        rs.getDate(1).toLocalDate().toString(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)),
                args.toArray());
    }

    /** Returned dossiers of the units as a whole per month, like {@link #ratingsByMonth}. */
    public List<ReturnCell> returnsByMonth(Subtrees units, LocalDate firstMonth, LocalDate lastMonth) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(
                RollupDimension.ALL, units, false, List.of(new Range('M', firstMonth, lastMonth.plusDays(1))), args);
        return jdbc.query(
                "SELECT period_start, SUM(returned), SUM(late) FROM dossier_rollup WHERE " + where
                        + " GROUP BY period_start HAVING SUM(returned) <> 0",
                (rs, i) -> new ReturnCell(null, rs.getDate(1).toLocalDate().toString(), rs.getLong(2), rs.getLong(3)),
                args.toArray());
    }

    /** Rows of one grain whose period starts in [start, end). */
    private record Range(char grain, LocalDate start, LocalDate end) {}

    private static String where(
            RollupDimension dimension, Subtrees units, boolean perUnit, PeriodCover cover, List<Object> args) {
        return where(
                dimension,
                units,
                perUnit,
                cover.pieces().stream()
                        .map(p -> new Range(
                                p.grain().code(), p.range().start(), p.range().end()))
                        .toList(),
                args);
    }

    /**
     * One disjunct per range and per kind of unit, each a plain range of the primary key
     * (dimension, grain, reach, unit, period): the own rows and the rows of the units below of each
     * root of a whole subtree, and the own rows of the other units.
     */
    private static String where(
            RollupDimension dimension, Subtrees units, boolean perUnit, List<Range> ranges, List<Object> args) {
        record Reading(String reaches, Collection<UUID> units) {}
        List<Reading> readings = new ArrayList<>();
        if (perUnit && !units.roots().isEmpty()) {
            // A root's rows of the units below are not any one unit's figures.
            throw new IllegalArgumentException("figures per unit need the units each on its own (Subtrees.eachOwn)");
        }
        if (!units.roots().isEmpty()) {
            readings.add(new Reading("'O', 'B'", units.roots()));
        }
        if (!units.ownOnly().isEmpty()) {
            readings.add(new Reading("'O'", units.ownOnly()));
        }
        args.add(dimension.name());
        List<String> disjuncts = new ArrayList<>();
        for (Range range : ranges) {
            for (Reading reading : readings) {
                disjuncts.add("(grain = ? AND reach IN (" + reading.reaches() + ") AND unit_id IN ("
                        + RollupStore.placeholders(reading.units()) + ") AND period_start >= ? AND period_start < ?)");
                args.add(String.valueOf(range.grain()));
                args.addAll(List.of(RollupStore.ids(reading.units())));
                args.add(Date.valueOf(range.start()));
                args.add(Date.valueOf(range.end()));
            }
        }
        return "dimension = ? AND (" + (disjuncts.isEmpty() ? "FALSE" : String.join(" OR ", disjuncts)) + ")";
    }
}
