package vn.hailong.rating;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A rating as a channel sends it. {@code idempotencyKey} is chosen by the client once per rating
 * and re-sent with every retry, so a retry can never create a second rating.
 */
public record RatingSubmission(
        @Nullable String dossierCode,
        @Nullable String channel,
        @Nullable String idempotencyKey,
        @Nullable Map<String, String> answers,
        @Nullable List<String> reasons,
        @Nullable String comment,
        @Nullable String deviceId) {}
