package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A kiosk device as the administrators' list shows it.
 *
 * @param offlineAlertSince when an offline alert is open for it: since when it has been silent; else null
 */
public record DeviceSummary(
        UUID id,
        String code,
        String counterCode,
        String counterName,
        String locale,
        int idleTimeoutSeconds,
        State state,
        @Nullable Instant enrolledAt,
        @Nullable Instant lastSeenAt,
        int unsentRatings,
        boolean online,
        long ratingsToday,
        @Nullable Instant offlineAlertSince) {

    public enum State {
        /** Registered, never enrolled (or enrolment link expired). */
        NOT_ENROLLED,
        /** A one-time enrolment link is open. */
        ENROLMENT_OPEN,
        ENROLLED,
        REVOKED
    }
}
