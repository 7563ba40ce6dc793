package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingId;

/** Published when a manager disputes a rating (for the audit log). */
public record RatingDisputed(
        UUID disputeId,
        RatingId ratingId,
        UnitId unitId,
        DisputeKind kind,
        DisputeReason reason,
        @Nullable String note,
        String raisedBy,
        Instant raisedAt) {}
