package vn.hailong.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A complaint as the API shows it; {@code handledOnTime} is derived from the dates. */
public record ComplaintDetails(
        String id,
        Instant receivedAt,
        Instant deadline,
        @Nullable Instant handledAt,
        boolean aboutHandling,
        @Nullable Boolean complainantSatisfied,
        boolean handledOnTime) {}
