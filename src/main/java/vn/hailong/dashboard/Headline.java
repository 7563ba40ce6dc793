package vn.hailong.dashboard;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The selected period's figures beside those it is compared with ({@link DashboardPeriod#comparedOn}):
 * {@code asOf} is the last day counted while the period runs (null once it is over), and then
 * {@code previousPeriod} and {@code lastYearPeriod} are as many days of theirs. For a year both
 * comparisons are the year before ({@link #lastYearIsPrevious()}): show it once.
 */
public record Headline(
        DashboardPeriod period,
        Figures current,
        DashboardPeriod previousPeriod,
        Figures previous,
        DashboardPeriod lastYearPeriod,
        Figures lastYear,
        @Nullable LocalDate asOf) {

    public boolean running() {
        return asOf != null;
    }

    public boolean lastYearIsPrevious() {
        return lastYearPeriod.equals(previousPeriod);
    }
}
