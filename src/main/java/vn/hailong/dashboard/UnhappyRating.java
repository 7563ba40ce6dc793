package vn.hailong.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A "not satisfied" rating as the dashboard lists it (its reasons as codes, its comment as given). */
public record UnhappyRating(
        UUID ratingId,
        String dossierCode,
        String unitName,
        Instant submittedAt,
        String channel,
        String status,
        List<String> reasons,
        @Nullable String comment) {}
