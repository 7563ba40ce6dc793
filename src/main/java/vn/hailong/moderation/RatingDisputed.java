package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Published when a manager disputes a rating (for the audit log). */
public record RatingDisputed(
        UUID disputeId,
        UUID ratingId,
        UUID unitId,
        DisputeKind kind,
        DisputeReason reason,
        @Nullable String note,
        String raisedBy,
        Instant raisedAt) {}
