package vn.hailong.rating;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Published once a rating is stored. Rollups, follow-up cases and the audit trail listen to it. */
public record RatingSubmitted(
        UUID ratingId,
        UUID dossierId,
        UUID evaluatedAgencyId,
        @Nullable RatingChannel channel,
        String overallOption,
        int overallPoints,
        Instant submittedAt) {}
