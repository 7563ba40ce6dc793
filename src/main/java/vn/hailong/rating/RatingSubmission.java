package vn.hailong.rating;

import java.util.List;
import java.util.Map;

/**
 * A rating as a channel sends it. {@code idempotencyKey} is chosen by the client once per rating
 * and re-sent with every retry, so a retry can never create a second rating.
 */
public record RatingSubmission(
        String dossierCode,
        String channel,
        String idempotencyKey,
        Map<String, String> answers,
        List<String> reasons,
        String comment,
        String deviceId) {}
