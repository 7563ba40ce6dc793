package vn.hailong.moderation;

/** OPEN until a second person decides: UPHELD (the rating's status changes) or REJECTED (nothing changes). */
public enum DisputeStatus {
    OPEN,
    UPHELD,
    REJECTED
}
