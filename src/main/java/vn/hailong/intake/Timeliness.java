package vn.hailong.intake;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * Whether a result was returned before, on or after its due date ("trước hạn / đúng hạn / trễ
 * hạn"). Derived from the dates, never entered by hand.
 */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE;

    /**
     * Late when returned after the due instant; early when returned on an earlier calendar day
     * (in the province's zone) than the due day; otherwise on time. Without a due date, or
     * before the result is returned, there is no timeliness yet.
     */
    public static @Nullable Timeliness of(@Nullable Instant dueAt, @Nullable Instant returnedAt, ZoneId zone) {
        if (dueAt == null || returnedAt == null) {
            return null;
        }
        if (returnedAt.isAfter(dueAt)) {
            return LATE;
        }
        if (returnedAt.atZone(zone).toLocalDate().isBefore(dueAt.atZone(zone).toLocalDate())) {
            return EARLY;
        }
        return ON_TIME;
    }
}
