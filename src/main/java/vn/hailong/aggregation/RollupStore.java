package vn.hailong.aggregation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rollup tables and their ledgers, in plain SQL (upserts with increments are not JPA's business). */
@Repository
class RollupStore {

    private final JdbcTemplate jdbc;

    RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds each row's sums to the stored row of its key (creating it); rows must come merged and sorted. */
    void add(List<RollupRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO rating_rollup (dimension, grain, reach, period_start, unit_id, dim_value, "
                + "status, criterion, answers, points, p0, p1, p2) VALUES ");
        List<Object> args = new ArrayList<>();
        for (RollupRow r : rows) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(r.dimension().name(), String.valueOf(r.grain()), String.valueOf(r.reach()), Date.valueOf(r.periodStart()), r.unitId().toString(),
                    r.dimValue(), r.status(), r.criterion(), r.answers(), r.points(), r.p0(), r.p1(), r.p2()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE answers = answers + VALUES(answers), points = points + VALUES(points), "
                + "p0 = p0 + VALUES(p0), p1 = p1 + VALUES(p1), p2 = p2 + VALUES(p2)");
        jdbc.update(sql.toString(), args.toArray());
    }

    void addReturns(List<ReturnRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO dossier_rollup (dimension, grain, reach, period_start, unit_id, dim_value, "
                + "returned, late) VALUES ");
        List<Object> args = new ArrayList<>();
        for (ReturnRow r : rows) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(r.dimension().name(), String.valueOf(r.grain()), String.valueOf(r.reach()), Date.valueOf(r.periodStart()), r.unitId().toString(),
                    r.dimValue(), r.returned(), r.late()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE returned = returned + VALUES(returned), late = late + VALUES(late)");
        jdbc.update(sql.toString(), args.toArray());
    }

    /** What a rating has contributed so far, locked until the transaction ends. */
    record RatingEntry(String status, String officer) {
    }

    Optional<RatingEntry> lockRating(UUID ratingId) {
        // The row exists before it is locked, so that two deliveries of one event (on two nodes)
        // queue on the same row lock instead of both seeing "nothing yet" (a gap lock would not do
        // on Galera, where locks are local; certification then rejects one of them, which retries).
        jdbc.update("INSERT IGNORE INTO rating_rollup_ledger (rating_id, status, officer_key, updated_at) VALUES (?, '', NULL, ?)",
                ratingId.toString(), utc(Instant.now()));
        return jdbc.query("SELECT status, officer_key FROM rating_rollup_ledger WHERE rating_id = ? FOR UPDATE",
                (rs, i) -> new RatingEntry(rs.getString(1), rs.getString(2)), ratingId.toString())
                .stream().filter(e -> !e.status().isEmpty()).findFirst();
    }

    void recordRating(UUID ratingId, String status, String officer, Instant now) {
        jdbc.update("UPDATE rating_rollup_ledger SET status = ?, officer_key = ?, updated_at = ? WHERE rating_id = ?", status, officer,
                utc(now), ratingId.toString());
    }

    Optional<ReturnContribution> lockDossier(UUID dossierId) {
        jdbc.update("INSERT IGNORE INTO dossier_rollup_ledger (dossier_id, returned_day, unit_id, procedure_id, officer_key, late, "
                + "updated_at) VALUES (?, NULL, NULL, NULL, NULL, FALSE, ?)", dossierId.toString(), utc(Instant.now()));
        return jdbc.query("SELECT returned_day, unit_id, procedure_id, officer_key, late FROM dossier_rollup_ledger WHERE dossier_id = ? FOR UPDATE",
                (rs, i) -> rs.getDate(1) == null ? null : new ReturnContribution(uuid(rs, 2), rs.getDate(1).toLocalDate(), uuid(rs, 3),
                        rs.getString(4), rs.getBoolean(5)), dossierId.toString())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    void recordDossier(UUID dossierId, ReturnContribution c, Instant now) {
        jdbc.update("UPDATE dossier_rollup_ledger SET returned_day = ?, unit_id = ?, procedure_id = ?, officer_key = ?, late = ?, "
                + "updated_at = ? WHERE dossier_id = ?", c == null ? null : Date.valueOf(c.day()), c == null ? null : c.unitId().toString(),
                c == null ? null : c.procedureId().toString(), c == null ? null : c.officer(), c != null && c.late(), utc(now),
                dossierId.toString());
    }

    /**
     * Ratings submitted or changed in [from, to) whose ledger row is missing or holds another
     * status: their event was lost (a node stopped between the commit and the listener).
     */
    List<UUID> ratingsOutOfStep(Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT CAST(r.id AS CHAR) FROM rating r LEFT JOIN rating_rollup_ledger l ON l.rating_id = r.id
                WHERE r.submitted_at >= ? AND r.submitted_at < ? AND (l.rating_id IS NULL OR l.status <> r.status)
                UNION
                SELECT CAST(r.id AS CHAR) FROM rating r JOIN rating_rollup_ledger l ON l.rating_id = r.id
                WHERE r.status_changed_at >= ? AND r.status_changed_at < ? AND l.status <> r.status
                LIMIT ?""", String.class, utc(from), utc(to), utc(from), utc(to), limit).stream().map(UUID::fromString).toList();
    }

    /** Dossiers changed in [from, to) after their ledger row was last written (or without one). */
    List<UUID> dossiersOutOfStep(Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT CAST(d.id AS CHAR) FROM dossier d LEFT JOIN dossier_rollup_ledger l ON l.dossier_id = d.id
                WHERE d.updated_at >= ? AND d.updated_at < ? AND (l.dossier_id IS NULL OR l.updated_at < d.updated_at)
                LIMIT ?""", String.class, utc(from), utc(to), limit).stream().map(UUID::fromString).toList();
    }

    /** Stored rows of these units (zero rows left out), for comparisons with a recomputation. */
    List<RollupRow> ratingRows(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT dimension, grain, reach, period_start, unit_id, dim_value, status, criterion, answers, points, p0, p1, p2 "
                + "FROM rating_rollup WHERE unit_id IN (" + placeholders(units) + ") AND answers <> 0", RollupStore::rollupRow,
                ids(units));
    }

    List<ReturnRow> returnRows(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT dimension, grain, reach, period_start, unit_id, dim_value, returned, late FROM dossier_rollup "
                + "WHERE unit_id IN (" + placeholders(units) + ") AND returned <> 0", RollupStore::returnRow, ids(units));
    }

    static RollupRow rollupRow(ResultSet rs, int i) throws SQLException {
        return new RollupRow(RollupDimension.valueOf(rs.getString(1)), rs.getString(2).charAt(0), rs.getString(3).charAt(0),
                rs.getDate(4).toLocalDate(), uuid(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13));
    }

    static ReturnRow returnRow(ResultSet rs, int i) throws SQLException {
        return new ReturnRow(RollupDimension.valueOf(rs.getString(1)), rs.getString(2).charAt(0), rs.getString(3).charAt(0),
                rs.getDate(4).toLocalDate(), uuid(rs, 5), rs.getString(6), rs.getLong(7), rs.getLong(8));
    }

    static UUID uuid(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : UUID.fromString(s);
    }

    static String placeholders(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    static Object[] ids(Collection<UUID> units) {
        return units.stream().map(UUID::toString).toArray();
    }

    /**
     * Times as UTC wall-clock values, like JPA stores them ({@code hibernate.jdbc.time_zone: UTC}),
     * whatever the JVM's zone: the sweep compares the ledger's times with the dossiers'.
     */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Date date(LocalDate day) {
        return Date.valueOf(day);
    }
}
