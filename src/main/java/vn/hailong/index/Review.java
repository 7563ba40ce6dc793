package vn.hailong.index;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A province manager's review of a draft: who checked it, when, the inputs hash they saw, an optional note. */
public record Review(
        UUID snapshotId,
        String reviewedBy,
        String inputsHash,
        Instant reviewedAt,
        @Nullable String note) {}
