package vn.hailong.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Optional;

import vn.hailong.followup.WorkingDays;

/**
 * When the schedule acts, in plain Java: a month's draft is due on the first working day of the
 * next month (from {@code runAt}, the province's local time), and stays due until it is done (a
 * node down that day catches up later in the month); a draft is overdue for a reminder once it has
 * waited more than {@code remindAfter} whole working days since the day it was computed.
 *
 * @param workingDays Monday to Friday without the configured holidays
 * @param runAt the earliest local time on the first working day
 * @param remindAfter working days a draft may wait unpublished
 */
public record IndexScheduleCalendar(WorkingDays workingDays, LocalTime runAt, int remindAfter) {

    public IndexScheduleCalendar {
        if (remindAfter < 1) {
            throw new IllegalArgumentException("remind-after-working-days must be at least 1: " + remindAfter);
        }
    }

    /** The first working day of a month. */
    public LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (!workingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The month whose draft is due at this local time: the previous month, once its successor's first working day has come. */
    public Optional<YearMonth> draftDue(LocalDateTime now) {
        YearMonth current = YearMonth.from(now);
        LocalDate first = firstWorkingDay(current);
        boolean due = now.toLocalDate().isAfter(first)
                || now.toLocalDate().equals(first) && !now.toLocalTime().isBefore(runAt);
        return due ? Optional.of(current.minusMonths(1)) : Optional.empty();
    }

    /**
     * Whether a draft computed on {@code computedOn} is to be reminded of on {@code today}: a
     * working day after the draft's last allowed working day. Computed on Tuesday 1 December with
     * 5 working days: it may wait until Tuesday 8 December; the reminder goes on Wednesday 9.
     */
    public boolean reminderDue(LocalDate computedOn, LocalDate today) {
        return workingDays.isWorkingDay(today) && today.isAfter(workingDays.after(computedOn, remindAfter));
    }
}
