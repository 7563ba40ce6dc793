package vn.hailong.dashboard;

/** Ratings in one hour of one weekday (ISO: 1 = Monday) of the period. */
public record HourCell(int weekday, int hour, long ratings, long happy) {

    public Double satisfactionRate() {
        return UnitSatisfaction.rate(happy, ratings);
    }
}
