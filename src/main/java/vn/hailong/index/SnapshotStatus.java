package vn.hailong.index;

/** DRAFT: under review; PUBLISHED: the period's figures; CORRECTED: published, then replaced by a correction. */
public enum SnapshotStatus {
    DRAFT,
    PUBLISHED,
    CORRECTED
}
