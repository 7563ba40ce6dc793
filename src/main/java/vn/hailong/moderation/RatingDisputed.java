package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

/** Published when a manager disputes a rating (for the audit log). */
public record RatingDisputed(
        UUID disputeId,
        UUID ratingId,
        UUID unitId,
        DisputeKind kind,
        DisputeReason reason,
        String note,
        String raisedBy,
        Instant raisedAt) {}
