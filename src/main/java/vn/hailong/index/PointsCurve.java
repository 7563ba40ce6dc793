package vn.hailong.index;

import java.math.BigDecimal;

/**
 * How a rate earns points against its target: {@code points = max × f(rate, target)}. Decision 766
 * leaves the partial-credit curve to the methodology, so it is chosen per methodology.
 */
public enum PointsCurve {
    /** Full points when {@code rate ≥ target}, none otherwise. */
    STEP,
    /** {@code min(1, rate ÷ target)}: points in proportion to the rate, full at the target. */
    LINEAR;

    /**
     * {@code max × f(rate, target)}, rounded by {@code rounding}; rate and target in the same unit
     * (percent), target positive.
     */
    public BigDecimal points(BigDecimal max, BigDecimal rate, BigDecimal target, Rounding rounding) {
        if (target.signum() <= 0) {
            throw new IllegalArgumentException("target must be positive: " + target);
        }
        if (rate.compareTo(target) >= 0) {
            return rounding.apply(max);
        }
        return switch (this) {
            case STEP -> rounding.apply(BigDecimal.ZERO);
            // max × rate ÷ target, divided last so only one rounding happens
            case LINEAR -> rounding.divide(max.multiply(rate), target);
        };
    }
}
