package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rounding rule of a methodology: the number of decimals and how to round to them.
 * Every published figure is rounded by one of these, so the rule is configuration, not code.
 */
public record Rounding(int scale, RoundingMode mode) {

    public Rounding {
        Objects.requireNonNull(mode, "mode");
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative: " + scale);
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("a rounding rule must say how to round");
        }
    }

    /** Two decimals, half up: the default for averages, totals, percentages and points. */
    public static Rounding twoDecimalsHalfUp() {
        return new Rounding(2, RoundingMode.HALF_UP);
    }

    public BigDecimal apply(BigDecimal value) {
        return value.setScale(scale, mode);
    }

    /** {@code numerator ÷ denominator}, rounded by this rule (the division itself is exact up to this rule). */
    public BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, scale, mode);
    }
}
