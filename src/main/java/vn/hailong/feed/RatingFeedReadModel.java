package vn.hailong.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model behind the feed (ADR 099): reads the tables of {@code rating} ({@code rating},
 * {@code rating_answer}, {@code rating_reason}), {@code intake} ({@code dossier.code}) and
 * {@code directory} ({@code agency.code}) for a page of changes, in four statements per page,
 * instead of a service call per rating. Never reads a device, an idempotency key or a contact.
 */
@Component
class RatingFeedReadModel {

    /** A row of {@code rating_change}. */
    record ChangeRow(
            long seq,
            UUID ratingId,
            String kind,
            @Nullable String from,
            String to,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable String related,
            Instant at) {}

    record RatingRow(
            UUID id,
            String dossierCode,
            String unit,
            String channel,
            Instant submittedAt,
            String overall,
            int overallPoints,
            @Nullable String comment) {}

    private final JdbcClient jdbc;

    RatingFeedReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The numbered changes after {@code after}, oldest first, of these units (null: all), at most {@code limit}. */
    List<ChangeRow> changesAfter(long after, @Nullable Set<UUID> units, int limit) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String unitFilter = units == null ? "" : " AND unit_id IN (:units)";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT seq, rating_id, kind, from_status, to_status, reason, dispute_kind, related_rating_id, occurred_at
                FROM rating_change WHERE seq > :after""" + unitFilter + " ORDER BY seq LIMIT :limit")
                .param("after", after)
                .param("limit", limit);
        if (units != null) {
            statement =
                    statement.param("units", units.stream().map(UUID::toString).toList());
        }
        return statement.query((rs, i) -> changeRow(rs)).list();
    }

    /** Every numbered change of these ratings up to {@code upTo}, oldest first, per rating. */
    Map<UUID, List<ChangeRow>> historyOf(Collection<UUID> ratingIds, long upTo) {
        Map<UUID, List<ChangeRow>> history = new HashMap<>();
        if (ratingIds.isEmpty()) {
            return history;
        }
        jdbc.sql("""
                SELECT seq, rating_id, kind, from_status, to_status, reason, dispute_kind, related_rating_id, occurred_at
                FROM rating_change WHERE rating_id IN (:ids) AND seq IS NOT NULL AND seq <= :upTo ORDER BY seq""")
                .param("ids", ids(ratingIds))
                .param("upTo", upTo)
                .query((rs, i) -> changeRow(rs))
                .list()
                .forEach(c -> history.computeIfAbsent(c.ratingId(), k -> new ArrayList<>())
                        .add(c));
        return history;
    }

    Map<UUID, RatingRow> ratings(Collection<UUID> ratingIds) {
        Map<UUID, RatingRow> rows = new LinkedHashMap<>();
        if (ratingIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                SELECT r.id, d.code, a.code, r.channel, r.submitted_at, r.overall_option, r.overall_points, r.comment
                FROM rating r JOIN dossier d ON d.id = r.dossier_id JOIN agency a ON a.id = r.evaluated_agency_id
                WHERE r.id IN (:ids)""")
                .param("ids", ids(ratingIds))
                .query((rs, i) -> new RatingRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8)))
                .list()
                .forEach(r -> rows.put(r.id(), r));
        return rows;
    }

    Map<UUID, List<RatingFeedPage.Answer>> answers(Collection<UUID> ratingIds) {
        Map<UUID, List<RatingFeedPage.Answer>> answers = new HashMap<>();
        if (ratingIds.isEmpty()) {
            return answers;
        }
        jdbc.sql(
                        "SELECT rating_id, criterion_key, option_key, points FROM rating_answer WHERE rating_id IN (:ids) ORDER BY criterion_key")
                .param("ids", ids(ratingIds))
                .query((rs, i) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new RatingFeedPage.Answer(rs.getString(2), rs.getString(3), rs.getInt(4))))
                .list()
                .forEach(e -> answers.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return answers;
    }

    Map<UUID, List<String>> reasons(Collection<UUID> ratingIds) {
        Map<UUID, List<String>> reasons = new HashMap<>();
        if (ratingIds.isEmpty()) {
            return reasons;
        }
        jdbc.sql("SELECT rating_id, reason_code FROM rating_reason WHERE rating_id IN (:ids) ORDER BY reason_code")
                .param("ids", ids(ratingIds))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .forEach(e -> reasons.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return reasons;
    }

    /** Records the ratings that have no change yet (stored in bulk, as the demo data is). */
    int recordUnlogged() {
        return jdbc.sql("""
                INSERT INTO rating_change (rating_id, unit_id, kind, from_status, to_status, occurred_at)
                SELECT r.id, r.evaluated_agency_id, 'RECORDED', NULL, 'COUNTED', r.submitted_at FROM rating r
                WHERE NOT EXISTS (SELECT 1 FROM rating_change c WHERE c.rating_id = r.id)
                ORDER BY r.submitted_at, r.id""").update();
    }

    private static List<String> ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static ChangeRow changeRow(ResultSet rs) throws SQLException {
        Instant at = rs.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        return new ChangeRow(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                at);
    }
}
