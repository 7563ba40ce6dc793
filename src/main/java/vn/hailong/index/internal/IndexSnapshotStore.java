package vn.hailong.index.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hailong.index.IndexComputationService;
import vn.hailong.index.IndexPeriod;
import vn.hailong.index.IndexPublicationService;
import vn.hailong.index.IndexReviewService;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.Methodology;
import vn.hailong.index.Review;
import vn.hailong.index.Snapshot;
import vn.hailong.index.SnapshotStatus;
import vn.hailong.index.UnitInputs;
import vn.hailong.index.UnitResult;

/**
 * The rows of the index's snapshots: {@code index_snapshot} and its {@code index_snapshot_unit}
 * rows, their {@code index_publication} or {@code index_correction}, the drafts' {@code index_review}
 * rows, the drafts gone ({@code index_snapshot_gone}) and the idempotent computations'
 * {@code index_compute_request}. Every SQL statement of the snapshot services
 * ({@link IndexComputationService}, {@link IndexReviewService}, {@link IndexPublicationService} and
 * {@link IndexSnapshotService}), which keep the rules, the transactions (these methods run in
 * theirs), security and auditing.
 *
 * <p>Times are stored in UTC. The snapshot tables are insert-only: there is no UPDATE here, and the
 * only DELETE is a draft's ({@link #deleteDraft}). A unit's inputs and result are stored as JSON
 * ({@link IndexJson}).
 */
@Component
public class IndexSnapshotStore {

    private final JdbcClient jdbc;
    /** For the one batch (a snapshot's units): {@link JdbcClient} has none. The same connection and transaction. */
    private final NamedParameterJdbcTemplate batch;

    IndexSnapshotStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String JOINS = " LEFT JOIN index_publication p ON p.snapshot_id = s.id"
            + " LEFT JOIN index_correction c ON c.snapshot_id = s.id"
            + " LEFT JOIN index_correction n ON n.corrects_snapshot_id = s.id";

    /** Published (first or as a correction) and not corrected since. */
    private static final String CURRENT_PUBLICATION =
            "(p.snapshot_id IS NOT NULL OR c.snapshot_id IS NOT NULL) AND n.snapshot_id IS NULL";

    /** Neither published nor a published correction. */
    private static final String DRAFT = "p.snapshot_id IS NULL AND c.snapshot_id IS NULL";

    private static final String SNAPSHOTS = "SELECT s.*, COALESCE(p.published_at, c.published_at) AS published_at,"
            + " COALESCE(p.published_by, c.published_by) AS published_by, COALESCE(p.snapshot_id, c.snapshot_id) AS publication,"
            + " c.corrects_snapshot_id AS corrects, c.reason AS correction_reason, n.snapshot_id AS corrected_by"
            + " FROM index_snapshot s" + JOINS;

    // ---- snapshots

    /** A snapshot's header with its status. */
    public Optional<Snapshot> snapshot(UUID snapshotId) {
        return jdbc
                .sql(SNAPSHOTS + " WHERE s.id = :snapshot")
                .param("snapshot", snapshotId.toString())
                .query(IndexSnapshotStore::snapshot)
                .list()
                .stream()
                .findFirst();
    }

    /** The latest snapshots, drafts and published, newest first. */
    public List<Snapshot> latest(int limit) {
        return jdbc.sql(SNAPSHOTS + " ORDER BY s.computed_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(IndexSnapshotStore::snapshot)
                .list();
    }

    /** The latest snapshots, drafts and published, that list one of these units, newest first. */
    public List<Snapshot> latestListingAnyOf(Collection<UUID> units, int limit) {
        return jdbc.sql(SNAPSHOTS
                        + " WHERE EXISTS (SELECT 1 FROM index_snapshot_unit u WHERE u.snapshot_id = s.id AND u.agency_id IN (:units))"
                        + " ORDER BY s.computed_at DESC LIMIT :limit")
                .param("units", units.stream().map(UUID::toString).toList())
                .param("limit", limit)
                .query(IndexSnapshotStore::snapshot)
                .list();
    }

    /** A scheme's drafts (corrections' drafts included), oldest first. */
    public List<Snapshot> draftsOf(String scheme) {
        return jdbc.sql(SNAPSHOTS + " WHERE s.scheme = :scheme AND " + DRAFT + " ORDER BY s.computed_at")
                .param("scheme", scheme)
                .query(IndexSnapshotStore::snapshot)
                .list();
    }

    /** A period's latest draft. */
    public Optional<Snapshot> latestDraft(String scheme, String period) {
        return jdbc
                .sql(SNAPSHOTS + " WHERE s.scheme = :scheme AND s.period = :period AND " + DRAFT
                        + " ORDER BY s.computed_at DESC LIMIT 1")
                .param("scheme", scheme)
                .param("period", period)
                .query(IndexSnapshotStore::snapshot)
                .list()
                .stream()
                .findFirst();
    }

    /** The ids of a period's drafts. */
    public List<UUID> draftIdsOf(String scheme, String period) {
        return jdbc
                .sql("SELECT s.id FROM index_snapshot s" + JOINS
                        + " WHERE s.scheme = :scheme AND s.period = :period AND " + DRAFT)
                .param("scheme", scheme)
                .param("period", period)
                .query(UUID.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // the primary key: never NULL
                .toList();
    }

    /** The current published snapshot of every published period, newest period first. */
    public List<Snapshot> currentPublications() {
        return jdbc.sql(SNAPSHOTS + " WHERE " + CURRENT_PUBLICATION + " ORDER BY s.period_end DESC, s.period, s.scheme")
                .query(IndexSnapshotStore::snapshot)
                .list();
    }

    /** The id of a period's current published snapshot: its publication, or the last correction of it. */
    public Optional<UUID> currentPublicationOf(String scheme, String period) {
        return jdbc
                .sql("SELECT s.id FROM index_snapshot s" + JOINS
                        + " WHERE s.scheme = :scheme AND s.period = :period AND " + CURRENT_PUBLICATION)
                .param("scheme", scheme)
                .param("period", period)
                .query(UUID.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // the primary key: never NULL
                .findFirst();
    }

    /** Every published snapshot of a period, the current one first, then the ones it replaced, newest first. */
    public List<Snapshot> publicationsOf(String scheme, String period) {
        return jdbc.sql(SNAPSHOTS
                        + " WHERE s.scheme = :scheme AND s.period = :period AND (p.snapshot_id IS NOT NULL OR c.snapshot_id IS NOT NULL)"
                        + " ORDER BY n.snapshot_id IS NOT NULL, COALESCE(p.published_at, c.published_at) DESC")
                .param("scheme", scheme)
                .param("period", period)
                .query(IndexSnapshotStore::snapshot)
                .list();
    }

    /** A new draft's header. */
    public void insertSnapshot(
            UUID id,
            String scheme,
            IndexPeriod period,
            Methodology methodology,
            String inputsHash,
            int units,
            Instant computedAt,
            String computedBy,
            long computeMillis) {
        jdbc.sql("""
                INSERT INTO index_snapshot (id, scheme, period, period_start, period_end, methodology_id, methodology_version,
                    inputs_hash, units, computed_at, computed_by, compute_millis)
                VALUES (:id, :scheme, :period, :start, :end, :methodology, :version,
                    :hash, :units, :computedAt, :computedBy, :millis)""")
                .param("id", id.toString())
                .param("scheme", scheme)
                .param("period", period.toString())
                .param("start", period.start())
                .param("end", period.end())
                .param("methodology", methodology.id().toString())
                .param("version", methodology.version())
                .param("hash", inputsHash)
                .param("units", units)
                .param("computedAt", utc(computedAt))
                .param("computedBy", computedBy)
                .param("millis", computeMillis)
                .update();
    }

    /** A unit's row of a new draft: the unit, what went in and what came out. */
    public record NewUnit(UUID agency, UnitInputs inputs, UnitResult result) {}

    /** A new draft's units, in one batch. */
    public void insertUnits(UUID snapshotId, List<NewUnit> units) {
        SqlParameterSource[] rows = new SqlParameterSource[units.size()];
        for (int i = 0; i < rows.length; i++) {
            NewUnit u = units.get(i);
            UnitResult r = u.result();
            rows[i] = new MapSqlParameterSource()
                    .addValue("snapshot", snapshotId.toString())
                    .addValue("agency", u.agency().toString())
                    .addValue("code", r.unitCode())
                    .addValue("name", r.unitName())
                    .addValue("peerGroup", r.peerGroup())
                    .addValue("dossiers", r.dossiers())
                    .addValue("ratings", r.ratings())
                    .addValue("satisfactionRate", r.satisfactionRate())
                    .addValue("tt01Total", r.circular01Total())
                    .addValue(
                            "tt01Band",
                            r.circular01Band() == null
                                    ? null
                                    : r.circular01Band().name())
                    .addValue("d766Points", r.decision766().totalPoints())
                    .addValue("parPoints", r.parSurveyPoints())
                    .addValue("parBand", r.parBand())
                    .addValue("rank", r.rank())
                    .addValue("rankChange", r.rankChange())
                    .addValue("inputs", IndexJson.write(u.inputs()))
                    .addValue("result", IndexJson.write(r));
        }
        batch.batchUpdate("""
                INSERT INTO index_snapshot_unit (snapshot_id, agency_id, unit_code, unit_name, peer_group, dossiers, ratings,
                    satisfaction_rate, tt01_total, tt01_band, d766_points, par_points, par_band, unit_rank, rank_change, inputs, result)
                VALUES (:snapshot, :agency, :code, :name, :peerGroup, :dossiers, :ratings,
                    :satisfactionRate, :tt01Total, :tt01Band, :d766Points, :parPoints, :parBand, :rank, :rankChange, :inputs, :result)""", rows);
    }

    /**
     * Deletes a draft and its units. Guarded twice: only drafts reach here, and the publication's
     * foreign key refuses the header's deletion (rolling the whole transaction back) should a
     * published one ever do.
     */
    public void deleteDraft(UUID snapshotId) {
        jdbc.sql("""
                DELETE u FROM index_snapshot_unit u WHERE u.snapshot_id = :snapshot
                AND NOT EXISTS (SELECT 1 FROM index_publication p WHERE p.snapshot_id = u.snapshot_id)
                AND NOT EXISTS (SELECT 1 FROM index_correction c WHERE c.snapshot_id = u.snapshot_id)""").param("snapshot", snapshotId.toString()).update();
        jdbc.sql("DELETE FROM index_snapshot WHERE id = :snapshot")
                .param("snapshot", snapshotId.toString())
                .update();
    }

    // ---- a snapshot's units

    /** A unit's archived inputs and result, as stored (JSON). */
    public record StoredUnit(UUID agency, String inputs, String result) {}

    /** One unit of a snapshot. */
    public Optional<StoredUnit> unitOf(UUID snapshotId, String unitCode) {
        return jdbc
                .sql(
                        "SELECT agency_id, inputs, result FROM index_snapshot_unit WHERE snapshot_id = :snapshot AND unit_code = :unit")
                .param("snapshot", snapshotId.toString())
                .param("unit", unitCode)
                .query((rs, i) -> new StoredUnit(
                        rs.getObject("agency_id", UUID.class), rs.getString("inputs"), rs.getString("result")))
                .list()
                .stream()
                .findFirst();
    }

    /** A unit's inputs and result in a snapshot. */
    public record Figures(UnitInputs inputs, UnitResult result) {}

    /** A snapshot's units, of one peer group or (null) all, in no particular order. */
    public List<Figures> resultsOf(UUID snapshotId, @Nullable String peerGroup) {
        JdbcClient.StatementSpec statement = jdbc.sql(
                        "SELECT inputs, result FROM index_snapshot_unit WHERE snapshot_id = :snapshot"
                                + (peerGroup == null ? "" : " AND peer_group = :peerGroup"))
                .param("snapshot", snapshotId.toString());
        if (peerGroup != null) {
            statement = statement.param("peerGroup", peerGroup);
        }
        return statement
                .query((rs, i) -> new Figures(
                        IndexJson.read(rs.getString("inputs"), UnitInputs.class),
                        IndexJson.read(rs.getString("result"), UnitResult.class)))
                .list();
    }

    /** A unit's archived inputs and its result, read and as stored (JSON). */
    public record Archived(UnitInputs inputs, UnitResult result, String storedResult) {}

    /** A snapshot's units as archived, by unit code. */
    public List<Archived> archivedUnitsOf(UUID snapshotId) {
        return jdbc.sql(
                        "SELECT inputs, result FROM index_snapshot_unit WHERE snapshot_id = :snapshot ORDER BY unit_code")
                .param("snapshot", snapshotId.toString())
                .query((rs, i) -> new Archived(
                        IndexJson.read(rs.getString("inputs"), UnitInputs.class),
                        IndexJson.read(rs.getString("result"), UnitResult.class),
                        rs.getString("result")))
                .list();
    }

    /** A unit of a snapshot: its agency, code and name. */
    public record UnitName(UUID agency, String code, String name) {}

    /** A snapshot's units, by name. */
    public List<UnitName> unitsOf(UUID snapshotId) {
        return jdbc.sql(
                        "SELECT agency_id, unit_code, unit_name FROM index_snapshot_unit WHERE snapshot_id = :snapshot ORDER BY unit_name")
                .param("snapshot", snapshotId.toString())
                .query((rs, i) -> new UnitName(
                        rs.getObject("agency_id", UUID.class), rs.getString("unit_code"), rs.getString("unit_name")))
                .list();
    }

    /** The ranks of a snapshot's ranked units, by unit code. */
    public Map<String, Integer> ranksOf(UUID snapshotId) {
        Map<String, Integer> ranks = new HashMap<>();
        jdbc.sql(
                        "SELECT unit_code, unit_rank FROM index_snapshot_unit WHERE snapshot_id = :snapshot AND unit_rank IS NOT NULL")
                .param("snapshot", snapshotId.toString())
                .query(rs -> {
                    ranks.put(rs.getString("unit_code"), rs.getInt("unit_rank"));
                });
        return ranks;
    }

    // ---- publication

    /** A draft's first publication: its period's one row; a second one for the period is a duplicate key. */
    public void insertPublication(UUID snapshotId, String scheme, String period, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO index_publication (snapshot_id, scheme, period, published_at, published_by)
                VALUES (:snapshot, :scheme, :period, :at, :by)""")
                .param("snapshot", snapshotId.toString())
                .param("scheme", scheme)
                .param("period", period)
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    /** A draft published as the correction of another snapshot; a second correction of that one is a duplicate key. */
    public void insertCorrection(
            UUID snapshotId, UUID corrects, String scheme, String period, String reason, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO index_correction (snapshot_id, corrects_snapshot_id, scheme, period, reason, published_at, published_by)
                VALUES (:snapshot, :corrects, :scheme, :period, :reason, :at, :by)""")
                .param("snapshot", snapshotId.toString())
                .param("corrects", corrects.toString())
                .param("scheme", scheme)
                .param("period", period)
                .param("reason", reason)
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    // ---- reviews

    /** A review of a draft; the same reviewer's second one is a duplicate key. */
    public void insertReview(UUID snapshotId, String by, String inputsHash, Instant at, @Nullable String note) {
        jdbc.sql("""
                INSERT INTO index_review (snapshot_id, reviewed_by, inputs_hash, reviewed_at, note)
                VALUES (:snapshot, :by, :hash, :at, :note)""")
                .param("snapshot", snapshotId.toString())
                .param("by", by)
                .param("hash", inputsHash)
                .param("at", utc(at))
                .param("note", note)
                .update();
    }

    /** The reviews of a snapshot, oldest first. */
    public List<Review> reviewsOf(UUID snapshotId) {
        return jdbc.sql("SELECT * FROM index_review WHERE snapshot_id = :snapshot ORDER BY reviewed_at, reviewed_by")
                .param("snapshot", snapshotId.toString())
                .query((rs, i) -> new Review(
                        rs.getObject("snapshot_id", UUID.class),
                        rs.getString("reviewed_by"),
                        rs.getString("inputs_hash"),
                        instant(rs.getTimestamp("reviewed_at")),
                        rs.getString("note")))
                .list();
    }

    /** Who reviewed a snapshot, first reviewer first. */
    public List<String> reviewersOf(UUID snapshotId) {
        return jdbc
                .sql("SELECT reviewed_by FROM index_review WHERE snapshot_id = :snapshot ORDER BY reviewed_at")
                .param("snapshot", snapshotId.toString())
                .query(String.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // reviewed_by is NOT NULL
                .toList();
    }

    /** Who reviewed a snapshot, in no particular order. */
    public List<String> reviewersInAnyOrderOf(UUID snapshotId) {
        return jdbc
                .sql("SELECT reviewed_by FROM index_review WHERE snapshot_id = :snapshot")
                .param("snapshot", snapshotId.toString())
                .query(String.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // reviewed_by is NOT NULL
                .toList();
    }

    // ---- drafts gone

    /** A draft gone: recomputed ({@code replacedBy} the new draft's id) or discarded ({@code replacedBy} null). */
    public record Gone(String period, @Nullable String replacedBy, Instant goneAt) {}

    /** Remembers a draft deleted, so that its id answers a conflict rather than "not found". */
    public void markGone(
            UUID snapshotId, String scheme, String period, @Nullable UUID replacedBy, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO index_snapshot_gone (snapshot_id, scheme, period, replaced_by, gone_at, gone_by)
                VALUES (:snapshot, :scheme, :period, :replacedBy, :at, :by)""")
                .param("snapshot", snapshotId.toString())
                .param("scheme", scheme)
                .param("period", period)
                .param("replacedBy", replacedBy == null ? null : replacedBy.toString())
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    /** The draft gone with this id, if it is one. */
    public Optional<Gone> goneOf(UUID snapshotId) {
        return jdbc
                .sql("SELECT period, replaced_by, gone_at FROM index_snapshot_gone WHERE snapshot_id = :snapshot")
                .param("snapshot", snapshotId.toString())
                .query((rs, i) -> new Gone(
                        rs.getString("period"), rs.getString("replaced_by"), instant(rs.getTimestamp("gone_at"))))
                .list()
                .stream()
                .findFirst();
    }

    // ---- idempotent computations

    /** A computation requested with an idempotency key, and the draft it made. */
    public record ComputeRequest(String scheme, String period, boolean correction, UUID snapshot) {}

    /**
     * Claims a client's idempotency key for a computation; a key claimed already is a duplicate key
     * (a concurrent request with the same key waits on this row until this transaction ends).
     */
    public void insertComputeRequest(
            String client, String key, String scheme, String period, boolean correction, UUID snapshotId, Instant at) {
        jdbc.sql("""
                INSERT INTO index_compute_request (client, idempotency_key, scheme, period, correction, snapshot_id, created_at)
                VALUES (:client, :key, :scheme, :period, :correction, :snapshot, :at)""")
                .param("client", client)
                .param("key", key)
                .param("scheme", scheme)
                .param("period", period)
                .param("correction", correction)
                .param("snapshot", snapshotId.toString())
                .param("at", utc(at))
                .update();
    }

    /** The computation a client requested with this idempotency key, if any. */
    public Optional<ComputeRequest> computeRequest(String client, String key) {
        return jdbc
                .sql(
                        "SELECT scheme, period, correction, snapshot_id FROM index_compute_request WHERE client = :client AND idempotency_key = :key")
                .param("client", client)
                .param("key", key)
                .query((rs, i) -> new ComputeRequest(
                        rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getObject(4, UUID.class)))
                .list()
                .stream()
                .findFirst();
    }

    // ---- rows

    private static Snapshot snapshot(ResultSet rs, int i) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Snapshot(
                rs.getObject("id", UUID.class),
                rs.getString("scheme"),
                rs.getString("period"),
                rs.getObject("methodology_id", UUID.class),
                rs.getInt("methodology_version"),
                rs.getString("inputs_hash"),
                rs.getInt("units"),
                instant(rs.getTimestamp("computed_at")),
                rs.getString("computed_by"),
                rs.getLong("compute_millis"),
                rs.getObject("publication") == null
                        ? SnapshotStatus.DRAFT
                        : rs.getObject("corrected_by") == null ? SnapshotStatus.PUBLISHED : SnapshotStatus.CORRECTED,
                published == null ? null : instant(published),
                rs.getString("published_by"),
                rs.getObject("corrects", UUID.class),
                rs.getString("correction_reason"),
                rs.getObject("corrected_by", UUID.class));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp utc) {
        return utc.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
