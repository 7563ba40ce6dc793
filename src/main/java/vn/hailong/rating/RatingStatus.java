package vn.hailong.rating;

/** Whether a rating counts. Only COUNTED ratings enter figures; the others are kept for integrity reports. */
public enum RatingStatus {
    COUNTED,
    SUPERSEDED,
    UNBOUND,
    EXCLUDED
}
