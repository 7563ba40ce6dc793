package vn.hailong.index;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hailong.index.schedule.*}: the monthly draft and the reminder (docs/index-rules.md, "The index runs itself").
 *
 * @param enabled whether this node's timer looks for due work (every node may: the work is claimed once)
 * @param schemes the methodology schemes whose monthly draft is computed (default {@code default})
 * @param holidays public holidays (ISO dates), not working days; default none
 * @param runAt the earliest local time on the first working day
 * @param remindAfterWorkingDays working days a draft may wait unpublished before the reminder
 * @param checkEvery how often the timer looks
 */
@ConfigurationProperties("hailong.index.schedule")
public record IndexScheduleProperties(
        Boolean enabled,
        List<String> schemes,
        List<LocalDate> holidays,
        LocalTime runAt,
        Integer remindAfterWorkingDays,
        Duration checkEvery) {

    public IndexScheduleProperties {
        enabled = enabled == null || enabled;
        schemes = schemes == null || schemes.isEmpty()
                ? List.of(MethodologyService.DEFAULT_SCHEME)
                : List.copyOf(schemes);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        runAt = runAt == null ? LocalTime.of(6, 0) : runAt;
        remindAfterWorkingDays = remindAfterWorkingDays == null ? 5 : remindAfterWorkingDays;
        checkEvery = checkEvery == null ? Duration.ofMinutes(15) : checkEvery;
    }
}
