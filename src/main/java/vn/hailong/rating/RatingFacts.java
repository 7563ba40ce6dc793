package vn.hailong.rating;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierId;
import vn.hailong.platform.UnitId;

/**
 * A stored rating as other capabilities read it (rollups, dashboard, moderation, exports).
 * {@code points} maps each answered criterion to the points its option earned.
 */
public record RatingFacts(
        RatingId id,
        DossierId dossierId,
        UnitId unitId,
        UUID procedureId,
        RatingChannel channel,
        RatingStatus status,
        String overallOption,
        int overallPoints,
        Instant submittedAt,
        @Nullable String deviceId,
        Map<String, Integer> points,
        Map<String, String> options,
        Set<String> reasons,
        @Nullable String comment) {}
