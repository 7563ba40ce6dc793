package vn.hailong.intake;

import org.jspecify.annotations.Nullable;

/** A complaint as the one-stop software sends it (raw text, validated by the service). */
public record ComplaintSubmission(
        @Nullable String receivedAt,
        @Nullable String deadline,
        @Nullable String handledAt,
        @Nullable Boolean aboutHandling,
        @Nullable Boolean complainantSatisfied) {}
