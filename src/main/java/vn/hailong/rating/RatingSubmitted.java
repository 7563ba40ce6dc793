package vn.hailong.rating;

import java.time.Instant;
import java.util.UUID;

/** Published once a rating is stored. Rollups, follow-up cases and the audit trail listen to it. */
public record RatingSubmitted(
        UUID ratingId,
        UUID dossierId,
        UUID evaluatedAgencyId,
        RatingChannel channel,
        String overallOption,
        int overallPoints,
        Instant submittedAt) {}
