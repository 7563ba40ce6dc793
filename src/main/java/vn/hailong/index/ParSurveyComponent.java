package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A methodology's survey component of the PAR Index (CCHC): {@code points = weight × rate}, capped at
 * {@code maxPoints}, rounded by {@code rounding}. The rate is a fraction 0..1 (e.g. the share of
 * respondents satisfied or very satisfied), not a percentage, so a weight of 36.5 and a rate of 1
 * give 36.5 points.
 */
public record ParSurveyComponent(BigDecimal weight, BigDecimal maxPoints, Rounding rounding) {

    public ParSurveyComponent {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(maxPoints, "maxPoints");
        Objects.requireNonNull(rounding, "rounding");
        if (weight.signum() < 0 || maxPoints.signum() < 0) {
            throw new IllegalArgumentException(
                    "weight and maxPoints must not be negative: " + weight + ", " + maxPoints);
        }
    }

    /** domain.md §4 (ministries): 36.5 of 100 points from surveys; 2 decimals, half up. */
    public static ParSurveyComponent defaults() {
        var points = new BigDecimal("36.5");
        return new ParSurveyComponent(points, points, Rounding.twoDecimalsHalfUp());
    }

    /**
     * The points for a rate.
     *
     * @param rate a fraction in 0..1
     * @throws IllegalArgumentException if the rate is outside 0..1
     */
    public BigDecimal points(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate must be a fraction in 0..1: " + rate);
        }
        return rounding.apply(weight.multiply(rate).min(maxPoints));
    }

    /**
     * A score as a percentage of its maximum, rounded by {@code rounding} (e.g. 90.26 of 108 → 83.57).
     *
     * @throws IllegalArgumentException if the maximum is not positive
     */
    public BigDecimal percentage(BigDecimal points, BigDecimal ofMaximum) {
        if (ofMaximum.signum() <= 0) {
            throw new IllegalArgumentException("the maximum must be positive: " + ofMaximum);
        }
        return rounding.divide(points.multiply(Decision766Rules.ONE_HUNDRED), ofMaximum);
    }
}
