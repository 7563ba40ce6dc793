package vn.hailong.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hailong.moderation.DisputeKind;
import vn.hailong.moderation.ModerationDecided;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;

/**
 * Writes each change of a rating to {@code rating_change} in the transaction that makes it (the
 * listeners are synchronous): the row exists if and only if the change committed, and the writer
 * pays one insert of a row of its own. The sequencer gives it its place in the feed afterwards.
 */
@Component
class RatingChangeLog {

    static final String SUPERSEDED_BY_CITIZEN = "SUPERSEDED_BY_CITIZEN";

    private final JdbcClient jdbc;
    private final RatingService ratings;
    private final RatingFeedSequencer sequencer;
    private final Clock clock;

    RatingChangeLog(JdbcClient jdbc, RatingService ratings, RatingFeedSequencer sequencer, Clock clock) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    @EventListener
    void on(RatingSubmitted submitted) {
        // An event carries only what its publisher knew; a bulk load publishes ids alone: read the rest.
        UnitId unit = submitted.evaluatedAgencyId();
        Instant at = submitted.submittedAt();
        if (unit == null || at == null) {
            RatingFacts rating = ratings.facts(submitted.ratingId()).orElseThrow();
            unit = rating.unitId();
            at = rating.submittedAt();
        }
        insertOnce(submitted.ratingId(), unit, "RECORDED", null, RatingStatus.COUNTED.name(), null, null, null, at);
    }

    @EventListener
    void on(RatingSuperseded superseded) {
        RatingFacts rating = ratings.facts(superseded.supersededRatingId()).orElseThrow();
        insertOnce(
                rating.id(),
                rating.unitId(),
                "STATUS_CHANGED",
                RatingStatus.COUNTED.name(),
                RatingStatus.SUPERSEDED.name(),
                SUPERSEDED_BY_CITIZEN,
                null,
                superseded.supersedingRatingId(),
                clock.instant());
    }

    @EventListener
    void on(ModerationDecided decided) {
        if (!decided.upheld()) {
            return;
        }
        RatingFacts rating = ratings.facts(decided.ratingId()).orElseThrow();
        RatingStatus from = decided.kind() == DisputeKind.EXCLUDE ? RatingStatus.COUNTED : RatingStatus.EXCLUDED;
        insert(
                rating.id(),
                rating.unitId(),
                "STATUS_CHANGED",
                from.name(),
                decided.ratingStatus().name(),
                decided.reason().name(),
                decided.kind().name(),
                null,
                decided.decidedAt());
    }

    /**
     * A change that happens once in a rating's life (its recording, its being superseded): an event
     * delivered a second time (a replay, a second node) adds no second row, in the same one statement.
     */
    private void insertOnce(
            RatingId ratingId,
            UnitId unitId,
            String kind,
            @Nullable String from,
            String to,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable RatingId related,
            Instant at) {
        write("""
                INSERT INTO rating_change (rating_id, unit_id, kind, from_status, to_status, reason, dispute_kind, related_rating_id, occurred_at)
                SELECT :rating, :unit, :kind, :from, :to, :reason, :disputeKind, :related, :at FROM DUAL
                WHERE NOT EXISTS (SELECT 1 FROM rating_change WHERE rating_id = :rating AND kind = :kind AND to_status = :to)""", ratingId, unitId, kind, from, to, reason, disputeKind, related, at);
    }

    private void insert(
            RatingId ratingId,
            UnitId unitId,
            String kind,
            @Nullable String from,
            String to,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable RatingId related,
            Instant at) {
        write("""
                INSERT INTO rating_change (rating_id, unit_id, kind, from_status, to_status, reason, dispute_kind, related_rating_id, occurred_at)
                VALUES (:rating, :unit, :kind, :from, :to, :reason, :disputeKind, :related, :at)""", ratingId, unitId, kind, from, to, reason, disputeKind, related, at);
    }

    private void write(
            String sql,
            RatingId ratingId,
            UnitId unitId,
            String kind,
            @Nullable String from,
            String to,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable RatingId related,
            Instant at) {
        jdbc.sql(sql)
                .param("rating", ratingId.toString())
                .param("unit", unitId.toString())
                .param("kind", kind)
                .param("from", from)
                .param("to", to)
                .param("reason", reason)
                .param("disputeKind", disputeKind)
                .param("related", related == null ? null : related.toString())
                .param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        sequencer.worker().wakeAfterCommit();
    }
}
