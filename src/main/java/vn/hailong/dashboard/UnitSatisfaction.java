package vn.hailong.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * One unit's figures for a period. {@code satisfactionRate} is satisfied-or-very-satisfied
 * ratings over counted ratings, as a percentage rounded half-up to one decimal, or null without
 * ratings; a rate that would round up to 100.0 while a rating was not satisfied shows 99.9.
 */
public record UnitSatisfaction(
        String unitCode,
        String unitName,
        String kind,
        long dossiersReturned,
        long ratings,
        long satisfied,
        @Nullable Double satisfactionRate) {

    public static @Nullable Double rate(long satisfied, long ratings) {
        if (ratings == 0) {
            return null;
        }
        double rounded = BigDecimal.valueOf(satisfied * 100L)
                .divide(BigDecimal.valueOf(ratings), 1, RoundingMode.HALF_UP)
                .doubleValue();
        // Never show a perfect score while someone was not satisfied.
        return rounded == 100.0 && satisfied < ratings ? 99.9 : rounded;
    }
}
