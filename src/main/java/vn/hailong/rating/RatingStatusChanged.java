package vn.hailong.rating;

import java.util.UUID;

/** Published when a stored rating's status changed other than by supersession (excluded or restored by moderation). */
public record RatingStatusChanged(UUID ratingId, RatingStatus from, RatingStatus to) {}
