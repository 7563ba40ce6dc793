package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingStatus;

/**
 * Published when a second person decides a dispute, in the decision's transaction. The audit log
 * (module {@code audit}) is meant to record it: this event and {@link RatingDisputed} are the one
 * place moderation tells the audit trail what happened.
 *
 * @param ratingStatus the rating's status after the decision
 */
public record ModerationDecided(
        UUID disputeId,
        RatingId ratingId,
        UnitId unitId,
        DisputeKind kind,
        DisputeReason reason,
        boolean upheld,
        String raisedBy,
        String decidedBy,
        @Nullable String note,
        Instant decidedAt,
        RatingStatus ratingStatus) {}
