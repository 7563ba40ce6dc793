package vn.hailong.intake;

import java.time.Instant;

/** A complaint as the API shows it; {@code handledOnTime} is derived from the dates. */
public record ComplaintDetails(
        String id,
        Instant receivedAt,
        Instant deadline,
        Instant handledAt,
        boolean aboutHandling,
        Boolean complainantSatisfied,
        boolean handledOnTime) {}
