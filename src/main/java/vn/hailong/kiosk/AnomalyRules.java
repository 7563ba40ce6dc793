package vn.hailong.kiosk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.hailong.rating.AnomalyFlag;

/**
 * When a kiosk rating gets an anomaly flag ({@code hailong.kiosk.anomalies.*}). Plain rules over
 * facts the service gathers, so they are tested without Spring or a database.
 *
 * @param fastAfterHandover a rating sent sooner than this after the handover is flagged
 * @param burstWithin with {@code burstCount}: that many ratings from one kiosk within this time is a burst
 * @param burstCount see {@code burstWithin}
 * @param opensAt opening hours of the centres, in the province's zone
 * @param closesAt see {@code opensAt}
 * @param openDays days the centres open
 * @param topStreak this many "very satisfied" in a row from one kiosk (this one included) is flagged
 */
@ConfigurationProperties("hailong.kiosk.anomalies")
public record AnomalyRules(
        @DefaultValue("PT5S") Duration fastAfterHandover,
        @DefaultValue("PT2M") Duration burstWithin,
        @DefaultValue("5") int burstCount,
        @DefaultValue("07:00") LocalTime opensAt,
        @DefaultValue("17:30") LocalTime closesAt,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"})
        Set<DayOfWeek> openDays,

        @DefaultValue("10") int topStreak) {

    public static final String TOP = "VERY_SATISFIED";

    /**
     * The flags of a rating sent {@code now}.
     *
     * @param handedOverAt when its handover happened, or null when the code was typed or scanned
     * @param earlierFromKioskInBurstWindow ratings the kiosk sent within {@code burstWithin} before this one
     * @param latestOverallFromKiosk the kiosk's previous overall answers, newest first
     */
    public Set<AnomalyFlag> flags(
            Instant now,
            ZoneId zone,
            @Nullable Instant handedOverAt,
            long earlierFromKioskInBurstWindow,
            List<String> latestOverallFromKiosk,
            String overall) {
        Set<AnomalyFlag> flags = EnumSet.noneOf(AnomalyFlag.class);
        if (handedOverAt == null) {
            flags.add(AnomalyFlag.NO_HANDOVER);
        } else if (Duration.between(handedOverAt, now).compareTo(fastAfterHandover) < 0) {
            flags.add(AnomalyFlag.FAST_AFTER_HANDOVER);
        }
        if (earlierFromKioskInBurstWindow + 1 >= burstCount) {
            flags.add(AnomalyFlag.BURST);
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!openDays.contains(local.getDayOfWeek()) || time.isBefore(opensAt) || !time.isBefore(closesAt)) {
            flags.add(AnomalyFlag.OUTSIDE_OPENING_HOURS);
        }
        if (TOP.equals(overall)
                && latestOverallFromKiosk.size() >= topStreak - 1
                && latestOverallFromKiosk.stream().limit(topStreak - 1L).allMatch(TOP::equals)) {
            flags.add(AnomalyFlag.TOP_STREAK);
        }
        return flags;
    }
}
