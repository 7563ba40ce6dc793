package vn.hailong.index;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot's header. {@code publishedAt}/{@code publishedBy} are null for a draft;
 * {@code corrects} and {@code correctionReason} are set when it was published as a correction,
 * {@code correctedBy} when a later correction replaced it.
 */
public record Snapshot(
        UUID id,
        String scheme,
        String period,
        UUID methodologyId,
        int methodologyVersion,
        String inputsHash,
        int units,
        Instant computedAt,
        String computedBy,
        long computeMillis,
        SnapshotStatus status,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy,
        @Nullable UUID corrects,
        @Nullable String correctionReason,
        @Nullable UUID correctedBy) {

    /** True for the published figures of the period and for the ones they replaced. */
    public boolean isPublished() {
        return status != SnapshotStatus.DRAFT;
    }
}
