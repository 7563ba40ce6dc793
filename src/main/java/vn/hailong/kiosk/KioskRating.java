package vn.hailong.kiosk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A completed rating as the kiosk page sends it (and resends it, with the same key, after a network drop). */
public record KioskRating(String idempotencyKey, String dossierCode, @Nullable UUID handoverId, Map<String, String> answers,
        @Nullable List<String> reasons, @Nullable String comment) {
}
