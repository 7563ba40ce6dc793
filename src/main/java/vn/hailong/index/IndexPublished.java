package vn.hailong.index;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot became the published figures of its period: its first publication, or the correction
 * of the one published before ({@code corrects} and {@code correctionReason} then set). Published
 * in the publication's transaction, so a listener that writes (the webhook outbox) commits with it.
 */
public record IndexPublished(
        UUID snapshotId,
        String scheme,
        String period,
        int methodologyVersion,
        String inputsHash,
        int units,
        Instant publishedAt,
        @Nullable UUID corrects,
        @Nullable String correctionReason) {

    public boolean isCorrection() {
        return corrects != null;
    }
}
