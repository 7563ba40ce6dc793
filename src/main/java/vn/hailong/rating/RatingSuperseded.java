package vn.hailong.rating;

import vn.hailong.intake.DossierId;

/** Published when a counted rating stops counting because a later one (the citizen's phone) took its place. */
public record RatingSuperseded(RatingId supersededRatingId, DossierId dossierId, RatingId supersedingRatingId) {}
