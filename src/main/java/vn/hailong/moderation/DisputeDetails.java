package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dispute as the screens show it. */
public record DisputeDetails(
        UUID id,
        UUID ratingId,
        UUID unitId,
        DisputeKind kind,
        DisputeReason reason,
        @Nullable String note,
        String raisedBy,
        Instant raisedAt,
        DisputeStatus status,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionNote) {}
