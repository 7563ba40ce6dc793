package vn.hailong.dashboard;

/**
 * One unit's figures for a period. {@code satisfactionRate} is satisfied-or-very-satisfied
 * ratings over counted ratings, as a percentage rounded half-up to one decimal, or null without ratings.
 */
public record UnitSatisfaction(String unitCode, String unitName, String kind, long dossiersReturned, long ratings,
        long satisfied, Double satisfactionRate) {

    public static Double rate(long satisfied, long ratings) {
        if (ratings == 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf(satisfied * 100L)
                .divide(java.math.BigDecimal.valueOf(ratings), 1, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
