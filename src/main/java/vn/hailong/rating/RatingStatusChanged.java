package vn.hailong.rating;

/** Published when a stored rating's status changed other than by supersession (excluded or restored by moderation). */
public record RatingStatusChanged(RatingId ratingId, RatingStatus from, RatingStatus to) {}
