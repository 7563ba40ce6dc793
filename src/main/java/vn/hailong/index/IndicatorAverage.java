package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Optional;

/** The average of one Circular 01 indicator over a unit's dossiers in a period. */
public final class IndicatorAverage {

    private IndicatorAverage() {}

    /**
     * {@code sumOfPoints ÷ dossiers}, rounded by the rules' average rounding; empty when the unit had no
     * dossier with this indicator in the period (an absent indicator, not a zero).
     *
     * @throws IllegalArgumentException if a count is negative or the sum exceeds the maximum points per dossier
     */
    public static Optional<BigDecimal> of(long sumOfPoints, long dossiers, Circular01Rules rules) {
        if (sumOfPoints < 0 || dossiers < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + sumOfPoints + " / " + dossiers);
        }
        if (dossiers == 0) {
            if (sumOfPoints != 0) {
                throw new IllegalArgumentException("points without dossiers: " + sumOfPoints);
            }
            return Optional.empty();
        }
        if (sumOfPoints > Math.multiplyExact(rules.indicatorMax(), dossiers)) {
            throw new IllegalArgumentException(
                    "more than " + rules.indicatorMax() + " points per dossier: " + sumOfPoints + " / " + dossiers);
        }
        return Optional.of(
                rules.averageRounding().divide(BigDecimal.valueOf(sumOfPoints), BigDecimal.valueOf(dossiers)));
    }
}
