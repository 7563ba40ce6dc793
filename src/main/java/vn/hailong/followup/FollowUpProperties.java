package vn.hailong.followup;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param deadlineWorkingDays working days the responsible unit has to follow a case up
 * @param holidays public holidays (not working days), e.g. Tết; weekends never count
 */
@ConfigurationProperties("hailong.followup")
record FollowUpProperties(Integer deadlineWorkingDays, List<LocalDate> holidays) {

    FollowUpProperties {
        deadlineWorkingDays = deadlineWorkingDays == null ? 5 : deadlineWorkingDays;
        if (deadlineWorkingDays < 1) {
            throw new IllegalArgumentException("hailong.followup.deadline-working-days must be at least 1");
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
