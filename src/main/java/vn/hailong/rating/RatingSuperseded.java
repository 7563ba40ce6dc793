package vn.hailong.rating;

import java.util.UUID;

/** Published when a counted rating stops counting because a later one (the citizen's phone) took its place. */
public record RatingSuperseded(UUID supersededRatingId, UUID dossierId, UUID supersedingRatingId) {}
