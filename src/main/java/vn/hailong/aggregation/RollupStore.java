package vn.hailong.aggregation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.hailong.platform.Ids;

/** The rollup tables and their ledgers, in plain SQL (upserts with increments are not JPA's business). */
@Repository
class RollupStore {

    private final JdbcTemplate jdbc;

    RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows per upsert statement: 13 parameters each stays well below MariaDB's 65,535 placeholders. */
    private static final int ROWS_PER_STATEMENT = 2_000;

    /** Adds each row's sums to the stored row of its key (creating it); rows must come merged and sorted. */
    void add(List<RollupRow> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            addChunk(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void addChunk(List<RollupRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO rating_rollup (dimension, grain, reach, period_start, unit_id, dim_value, "
                        + "status, criterion, answers, points, p0, p1, p2) VALUES ");
        List<Object> args = new ArrayList<>();
        for (RollupRow r : rows) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(
                    r.dimension().name(),
                    String.valueOf(r.grain()),
                    String.valueOf(r.reach()),
                    Date.valueOf(r.periodStart()),
                    r.unitId().toString(),
                    r.dimValue(),
                    r.status(),
                    r.criterion(),
                    r.answers(),
                    r.points(),
                    r.p0(),
                    r.p1(),
                    r.p2()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE answers = answers + VALUES(answers), points = points + VALUES(points), "
                + "p0 = p0 + VALUES(p0), p1 = p1 + VALUES(p1), p2 = p2 + VALUES(p2)");
        jdbc.update(sql.toString(), args.toArray());
    }

    void addReturns(List<ReturnRow> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            addReturnsChunk(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void addReturnsChunk(List<ReturnRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO dossier_rollup (dimension, grain, reach, period_start, unit_id, dim_value, "
                        + "returned, late) VALUES ");
        List<Object> args = new ArrayList<>();
        for (ReturnRow r : rows) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(
                    r.dimension().name(),
                    String.valueOf(r.grain()),
                    String.valueOf(r.reach()),
                    Date.valueOf(r.periodStart()),
                    r.unitId().toString(),
                    r.dimValue(),
                    r.returned(),
                    r.late()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE returned = returned + VALUES(returned), late = late + VALUES(late)");
        jdbc.update(sql.toString(), args.toArray());
    }

    /** What a rating has contributed so far, locked until the transaction ends. */
    record RatingEntry(String status, String officer) {}

    // ---- the outbox of changes not yet applied (rollup_pending, V68) ----

    /** A change waiting to be applied: {@code subject} R (a rating), D (a dossier) or A (a dossier and its ratings). */
    record Pending(UUID id, char subject, UUID subjectId, int attempts) {}

    void insertPending(char subject, UUID subjectId, UUID originNode, Instant now) {
        jdbc.update(
                "INSERT INTO rollup_pending (id, subject, subject_id, origin_node, created_at) VALUES (?, ?, ?, ?, ?)",
                Ids.newId().toString(),
                String.valueOf(subject),
                subjectId.toString(),
                originNode.toString(),
                utc(now));
    }

    /**
     * Claims (locks until the transaction ends) up to {@code limit} changes, oldest first, skipping
     * those another worker holds and those parked (failed {@code maxAttempts} times): this node's own
     * ({@code originNode} given), or anyone's older than {@code olderThan} (rows a dead node left
     * behind). With {@code waitForOthers}, rows another worker holds are waited for instead of skipped
     * (they are gone once it commits), so that the caller sees every change applied, not only those
     * nobody was applying.
     */
    List<Pending> claimPending(
            @Nullable UUID originNode, Instant olderThan, int limit, int maxAttempts, boolean waitForOthers) {
        String where = originNode != null ? "origin_node = ?" : "created_at < ?";
        Object key = originNode != null ? originNode.toString() : utc(olderThan);
        return jdbc.query(
                "SELECT id, subject, subject_id, attempts FROM rollup_pending WHERE " + where + " AND attempts < ?"
                        + " ORDER BY created_at LIMIT ? FOR UPDATE" + (waitForOthers ? "" : " SKIP LOCKED"),
                (rs, i) -> new Pending(uuid(rs, 1), rs.getString(2).charAt(0), uuid(rs, 3), rs.getInt(4)),
                key,
                maxAttempts,
                limit);
    }

    /**
     * Locks one change again in a transaction of its own (the one-by-one path claimed it in an
     * earlier one): empty when it is gone (applied by another worker meanwhile) or locked by one now.
     */
    Optional<Pending> reclaimPending(UUID id, int maxAttempts) {
        return jdbc
                .query(
                        "SELECT id, subject, subject_id, attempts FROM rollup_pending WHERE id = ? AND attempts < ?"
                                + " FOR UPDATE SKIP LOCKED",
                        (rs, i) -> new Pending(uuid(rs, 1), rs.getString(2).charAt(0), uuid(rs, 3), rs.getInt(4)),
                        id.toString(),
                        maxAttempts)
                .stream()
                .findFirst();
    }

    /** Changes a worker may still claim (not parked), of every node and age. */
    long claimableCount(int maxAttempts) {
        return Objects.requireNonNull(
                jdbc.queryForObject("SELECT COUNT(*) FROM rollup_pending WHERE attempts < ?", Long.class, maxAttempts));
    }

    /** Parked changes (failed {@code maxAttempts} times) are claimed again; returns how many. */
    int unparkPending(int maxAttempts) {
        return jdbc.update("UPDATE rollup_pending SET attempts = 0 WHERE attempts >= ?", maxAttempts);
    }

    /** Marks the changes this transaction took with its token; returns how many it marked. */
    int markClaimed(Collection<UUID> ids, UUID claim) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(claim.toString());
        args.addAll(Arrays.asList(ids(ids)));
        return jdbc.update(
                "UPDATE rollup_pending SET claim = ? WHERE id IN (" + placeholders(ids) + ")", args.toArray());
    }

    /** Deletes the changes that still carry this transaction's token; returns how many. */
    int deletePending(Collection<UUID> ids, UUID claim) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(Arrays.asList(ids(ids)));
        args.add(claim.toString());
        return jdbc.update(
                "DELETE FROM rollup_pending WHERE id IN (" + placeholders(ids) + ") AND claim = ?", args.toArray());
    }

    /** Counts a failed attempt at one change; returns the attempts so far. */
    int failedPending(UUID id) {
        jdbc.update("UPDATE rollup_pending SET attempts = attempts + 1 WHERE id = ?", id.toString());
        return jdbc
                .queryForList("SELECT attempts FROM rollup_pending WHERE id = ?", Integer.class, id.toString())
                .stream()
                .findFirst()
                .orElse(0);
    }

    long pendingCount() {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM rollup_pending", Long.class));
    }

    // ---- many ratings and dossiers at once (a batch of the worker) ----

    /**
     * What each rating has contributed so far (absent: nothing yet), locked until the transaction
     * ends. The rows exist before they are locked, so that two workers applying the same rating (on
     * two nodes) queue on the same row lock instead of both seeing "nothing yet" (a gap lock would
     * not do on Galera, where locks are local; certification then rejects one of them, which
     * retries). Ids are sorted so that two workers lock in the same order.
     */
    Map<UUID, RatingEntry> lockRatings(SortedSet<UUID> ratingIds) {
        if (ratingIds.isEmpty()) {
            return Map.of();
        }
        LocalDateTime now = utc(Instant.now());
        List<Object> args = new ArrayList<>();
        ratingIds.forEach(id -> {
            args.add(id.toString());
            args.add(now);
        });
        // ON DUPLICATE KEY UPDATE (a no-op) rather than INSERT IGNORE: it takes an exclusive lock on an
        // existing row at once, where INSERT IGNORE takes a shared one that the FOR UPDATE below must
        // upgrade, and two workers upgrading the same row deadlock.
        jdbc.update(
                "INSERT INTO rating_rollup_ledger (rating_id, status, officer_key, updated_at) VALUES "
                        + ratingIds.stream().map(id -> "(?, '', NULL, ?)").collect(Collectors.joining(", "))
                        + " ON DUPLICATE KEY UPDATE rating_id = rating_id",
                args.toArray());
        Map<UUID, RatingEntry> applied = new HashMap<>();
        jdbc.query(
                "SELECT rating_id, status, officer_key FROM rating_rollup_ledger WHERE rating_id IN ("
                        + placeholders(ratingIds) + ") FOR UPDATE",
                rs -> {
                    if (!rs.getString(2).isEmpty()) {
                        applied.put(uuid(rs, 1), new RatingEntry(rs.getString(2), rs.getString(3)));
                    }
                },
                ids(ratingIds));
        return applied;
    }

    /** Writes what each rating now contributes. */
    void recordRatings(Map<UUID, RatingEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        entries.forEach((id, e) -> args.addAll(Arrays.asList(id.toString(), e.status(), e.officer(), utc(now))));
        jdbc.update(
                "INSERT INTO rating_rollup_ledger (rating_id, status, officer_key, updated_at) VALUES "
                        + entries.keySet().stream().map(id -> "(?, ?, ?, ?)").collect(Collectors.joining(", "))
                        + " ON DUPLICATE KEY UPDATE status = VALUES(status), officer_key = VALUES(officer_key), updated_at = VALUES(updated_at)",
                args.toArray());
    }

    /** The ratings as the rollups see them now (the rebuild's own SQL, {@link RawSql#ratingFacts}), with their points. */
    Map<UUID, RatingContribution.Current> currentRatings(Collection<UUID> ratingIds, int offsetSeconds) {
        if (ratingIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, Integer>> points = new HashMap<>();
        jdbc.query(
                "SELECT rating_id, criterion_key, points FROM rating_answer WHERE rating_id IN ("
                        + placeholders(ratingIds) + ")",
                rs -> {
                    points.computeIfAbsent(uuid(rs, 1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                },
                ids(ratingIds));
        Map<UUID, RatingContribution.Current> current = new HashMap<>();
        jdbc.query(
                RawSql.ratingFacts(offsetSeconds, "r.id IN (" + placeholders(ratingIds) + ")"),
                rs -> {
                    UUID id = uuid(rs, "id");
                    current.put(
                            id,
                            new RatingContribution.Current(
                                    rs.getString("status"),
                                    rs.getString("officer_key"),
                                    uuid(rs, "unit_id"),
                                    rs.getDate("day").toLocalDate(),
                                    rs.getString("procedure_key"),
                                    rs.getString("device_id"),
                                    rs.getString("channel"),
                                    rs.getString("hour_key"),
                                    points.getOrDefault(id, Map.of())));
                },
                ids(ratingIds));
        return current;
    }

    /** Every rating of these dossiers (their officers changed, and with them whom the ratings count for). */
    List<UUID> ratingsOfDossiers(Collection<UUID> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT id FROM rating WHERE dossier_id IN (" + placeholders(dossierIds) + ")",
                (rs, i) -> uuid(rs, 1),
                ids(dossierIds));
    }

    /** What each dossier has contributed so far (absent: nothing, or not returned), locked as {@link #lockRatings} does. */
    Map<UUID, ReturnContribution> lockDossiers(SortedSet<UUID> dossierIds) {
        if (dossierIds.isEmpty()) {
            return Map.of();
        }
        LocalDateTime now = utc(Instant.now());
        List<Object> args = new ArrayList<>();
        dossierIds.forEach(id -> {
            args.add(id.toString());
            args.add(now);
        });
        jdbc.update(
                "INSERT INTO dossier_rollup_ledger (dossier_id, returned_day, unit_id, procedure_id, officer_key, late, updated_at) "
                        + "VALUES "
                        + dossierIds.stream()
                                .map(id -> "(?, NULL, NULL, NULL, NULL, FALSE, ?)")
                                .collect(Collectors.joining(", "))
                        + " ON DUPLICATE KEY UPDATE dossier_id = dossier_id",
                args.toArray());
        Map<UUID, ReturnContribution> applied = new HashMap<>();
        jdbc.query(
                "SELECT dossier_id, returned_day, unit_id, procedure_id, officer_key, late FROM dossier_rollup_ledger WHERE dossier_id IN ("
                        + placeholders(dossierIds) + ") FOR UPDATE",
                rs -> {
                    if (rs.getDate(2) != null) {
                        applied.put(
                                uuid(rs, 1),
                                new ReturnContribution(
                                        uuid(rs, 3),
                                        rs.getDate(2).toLocalDate(),
                                        uuid(rs, 4),
                                        rs.getString(5),
                                        rs.getBoolean(6)));
                    }
                },
                ids(dossierIds));
        return applied;
    }

    /** What each returned dossier contributes now (the rebuild's own SQL); dossiers not returned are absent. */
    Map<UUID, ReturnContribution> currentReturns(Collection<UUID> dossierIds, int offsetSeconds) {
        if (dossierIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ReturnContribution> current = new HashMap<>();
        jdbc.query(
                "SELECT d.id, d.evaluated_agency_id, DATE(d.returned_at + INTERVAL " + offsetSeconds
                        + " SECOND), d.procedure_id, "
                        + OfficerAttribution.sql("d.id")
                        + ", COALESCE(d.timeliness = 'LATE', FALSE) FROM dossier d WHERE d.returned_at IS NOT NULL "
                        + "AND d.id IN (" + placeholders(dossierIds) + ")",
                rs -> {
                    current.put(
                            uuid(rs, 1),
                            new ReturnContribution(
                                    uuid(rs, 2),
                                    rs.getDate(3).toLocalDate(),
                                    uuid(rs, 4),
                                    rs.getString(5),
                                    rs.getBoolean(6)));
                },
                ids(dossierIds));
        return current;
    }

    /** Writes what each dossier now contributes (null: nothing); written also when nothing changed, as the sweep compares times. */
    void recordDossiers(Map<UUID, Optional<ReturnContribution>> entries, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        entries.forEach((id, o) -> {
            ReturnContribution c = o.orElse(null);
            args.addAll(Arrays.asList(
                    id.toString(),
                    c == null ? null : Date.valueOf(c.day()),
                    c == null ? null : c.unitId().toString(),
                    c == null ? null : c.procedureId().toString(),
                    c == null ? null : c.officer(),
                    c != null && c.late(),
                    utc(now)));
        });
        jdbc.update(
                "INSERT INTO dossier_rollup_ledger (dossier_id, returned_day, unit_id, procedure_id, officer_key, late, updated_at) VALUES "
                        + entries.keySet().stream()
                                .map(id -> "(?, ?, ?, ?, ?, ?, ?)")
                                .collect(Collectors.joining(", "))
                        + " ON DUPLICATE KEY UPDATE returned_day = VALUES(returned_day), unit_id = VALUES(unit_id), procedure_id = VALUES(procedure_id), "
                        + "officer_key = VALUES(officer_key), late = VALUES(late), updated_at = VALUES(updated_at)",
                args.toArray());
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
                LIMIT ?""", String.class, utc(from), utc(to), utc(from), utc(to), limit).stream()
                .map(UUID::fromString)
                .toList();
    }

    /** Dossiers changed in [from, to) after their ledger row was last written (or without one). */
    List<UUID> dossiersOutOfStep(Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT CAST(d.id AS CHAR) FROM dossier d LEFT JOIN dossier_rollup_ledger l ON l.dossier_id = d.id
                WHERE d.updated_at >= ? AND d.updated_at < ? AND (l.dossier_id IS NULL OR l.updated_at < d.updated_at)
                LIMIT ?""", String.class, utc(from), utc(to), limit).stream()
                .map(UUID::fromString)
                .toList();
    }

    /** Stored rows of these units (zero rows left out), for comparisons with a recomputation. */
    List<RollupRow> ratingRows(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT dimension, grain, reach, period_start, unit_id, dim_value, status, criterion, answers, points, p0, p1, p2 "
                        + "FROM rating_rollup WHERE unit_id IN (" + placeholders(units) + ") AND answers <> 0",
                RollupStore::rollupRow,
                ids(units));
    }

    List<ReturnRow> returnRows(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT dimension, grain, reach, period_start, unit_id, dim_value, returned, late FROM dossier_rollup "
                        + "WHERE unit_id IN (" + placeholders(units) + ") AND returned <> 0",
                RollupStore::returnRow,
                ids(units));
    }

    static RollupRow rollupRow(ResultSet rs, int i) throws SQLException {
        return new RollupRow(
                RollupDimension.valueOf(rs.getString(1)),
                rs.getString(2).charAt(0),
                rs.getString(3).charAt(0),
                rs.getDate(4).toLocalDate(),
                uuid(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13));
    }

    static ReturnRow returnRow(ResultSet rs, int i) throws SQLException {
        return new ReturnRow(
                RollupDimension.valueOf(rs.getString(1)),
                rs.getString(2).charAt(0),
                rs.getString(3).charAt(0),
                rs.getDate(4).toLocalDate(),
                uuid(rs, 5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8));
    }

    /** A NOT NULL uuid column (every id and unit here is one). */
    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return UUID.fromString(Objects.requireNonNull(rs.getString(column)));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return UUID.fromString(Objects.requireNonNull(rs.getString(column)));
    }

    /** A uuid column that may be NULL (the unit of cells summed over the units). */
    static @Nullable UUID nullableUuid(ResultSet rs, int column) throws SQLException {
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
