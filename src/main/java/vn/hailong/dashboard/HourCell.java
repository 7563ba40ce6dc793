package vn.hailong.dashboard;

import org.jspecify.annotations.Nullable;

/** Ratings in one hour of one weekday (ISO: 1 = Monday) of the period. */
public record HourCell(int weekday, int hour, long ratings, long happy) {

    public @Nullable Double satisfactionRate() {
        return UnitSatisfaction.rate(happy, ratings);
    }
}
