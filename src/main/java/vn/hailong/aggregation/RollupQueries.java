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

/**
 * Reads the rollups for a period of days. Callers pass the units already limited to what the user
 * may see (the dashboard does, through the security module's scope).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR')")
@Transactional(readOnly = true)
public class RollupQueries {

    private final JdbcTemplate jdbc;

    RollupQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rating sums per unit, value, status and criterion for days {@code from} to {@code to}, both included. */
    public List<RatingCell> ratings(RollupDimension dimension, Collection<UUID> units, LocalDate from, LocalDate to) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(dimension, units, from, to, args);
        return jdbc.query("SELECT unit_id, dim_value, status, criterion, SUM(answers), SUM(points), SUM(p0), SUM(p1), SUM(p2) "
                + "FROM rating_rollup WHERE " + where + " GROUP BY unit_id, dim_value, status, criterion HAVING SUM(answers) <> 0",
                (rs, i) -> new RatingCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), args.toArray());
    }

    /** Returned dossiers per unit and value for days {@code from} to {@code to}, both included. */
    public List<ReturnCell> returns(RollupDimension dimension, Collection<UUID> units, LocalDate from, LocalDate to) {
        if (units.isEmpty() || !dimension.forDossiers()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(dimension, units, from, to, args);
        return jdbc.query("SELECT unit_id, dim_value, SUM(returned), SUM(late) FROM dossier_rollup WHERE " + where
                + " GROUP BY unit_id, dim_value HAVING SUM(returned) <> 0",
                (rs, i) -> new ReturnCell(RollupStore.uuid(rs, 1), rs.getString(2), rs.getLong(3), rs.getLong(4)), args.toArray());
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

    private static String where(RollupDimension dimension, Collection<UUID> units, LocalDate from, LocalDate to, List<Object> args) {
        PeriodCover cover = PeriodCover.of(from, to);
        List<String> ranges = new ArrayList<>();
        for (PeriodCover.Range r : cover.months()) {
            ranges.add("(grain = 'M' AND period_start >= ? AND period_start < ?)");
            args.add(Date.valueOf(r.start()));
            args.add(Date.valueOf(r.end()));
        }
        for (PeriodCover.Range r : cover.days()) {
            ranges.add("(grain = 'D' AND period_start >= ? AND period_start < ?)");
            args.add(Date.valueOf(r.start()));
            args.add(Date.valueOf(r.end()));
        }
        List<Object> head = new ArrayList<>();
        head.add(dimension.name());
        head.addAll(List.of(RollupStore.ids(units)));
        args.addAll(0, head);
        return "dimension = ? AND unit_id IN (" + RollupStore.placeholders(units) + ") AND (" + String.join(" OR ", ranges) + ")";
    }
}
