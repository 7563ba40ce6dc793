package vn.hailong.rating;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What became of a submission. {@code replayed} is true when the same idempotency key had already
 * stored this rating, in which case nothing new was written.
 */
public record RatingOutcome(
        RatingId ratingId,
        @Nullable String dossierCode,
        RatingStatus status,
        RatingChannel channel,
        Instant submittedAt,
        boolean replayed) {}
