package vn.hailong.rating;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierId;
import vn.hailong.platform.UnitId;

/** Published once a rating is stored. Rollups, follow-up cases and the audit trail listen to it. */
public record RatingSubmitted(
        RatingId ratingId,
        DossierId dossierId,
        UnitId evaluatedAgencyId,
        @Nullable RatingChannel channel,
        String overallOption,
        int overallPoints,
        Instant submittedAt) {}
