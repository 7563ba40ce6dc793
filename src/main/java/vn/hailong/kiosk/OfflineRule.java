package vn.hailong.kiosk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * When a silent kiosk raises an alert: only during opening hours, and only silence within today's
 * opening hours counts (a tablet switched off overnight is not an alert unless it stays off
 * {@code after} into the morning).
 *
 * @param after how long a kiosk may be silent during opening hours before the alert
 */
record OfflineRule(Duration after, LocalTime opensAt, LocalTime closesAt, Set<DayOfWeek> openDays, ZoneId zone) {

    /**
     * Since when the kiosk counts as offline at {@code now}, when that is an alert; empty when not.
     *
     * @param lastHeard the last heartbeat, or when it was enrolled if it never sent one
     */
    Optional<Instant> alertSince(Instant now, @Nullable Instant lastHeard) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!openDays.contains(local.getDayOfWeek()) || time.isBefore(opensAt) || !time.isBefore(closesAt)) {
            return Optional.empty();
        }
        Instant opened = local.toLocalDate().atTime(opensAt).atZone(zone).toInstant();
        Instant since = lastHeard == null || lastHeard.isBefore(opened) ? opened : lastHeard;
        return Duration.between(since, now).compareTo(after) >= 0 ? Optional.of(since) : Optional.empty();
    }
}
