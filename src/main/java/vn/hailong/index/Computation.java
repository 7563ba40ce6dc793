package vn.hailong.index;

/** A computation as the API answers it: the draft, and whether it was made by an earlier request with the same key. */
public record Computation(Snapshot snapshot, boolean replayed) {}
