package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

/** A dispute as the screens show it. */
public record DisputeDetails(
        UUID id,
        UUID ratingId,
        UUID unitId,
        DisputeKind kind,
        DisputeReason reason,
        String note,
        String raisedBy,
        Instant raisedAt,
        DisputeStatus status,
        String decidedBy,
        Instant decidedAt,
        String decisionNote) {}
