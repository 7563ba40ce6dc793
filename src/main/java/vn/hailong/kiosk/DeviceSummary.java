package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

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
        Instant enrolledAt,
        Instant lastSeenAt,
        int unsentRatings,
        boolean online,
        long ratingsToday,
        Instant offlineAlertSince) {

    public enum State {
        /** Registered, never enrolled (or enrolment link expired). */
        NOT_ENROLLED,
        /** A one-time enrolment link is open. */
        ENROLMENT_OPEN,
        ENROLLED,
        REVOKED
    }
}
