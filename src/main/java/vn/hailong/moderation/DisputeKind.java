package vn.hailong.moderation;

/** What a dispute asks: exclude a counted rating, or count an excluded one again (reversal). */
public enum DisputeKind {
    EXCLUDE,
    RESTORE
}
