package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A methodology's rules for the satisfaction group of Decision 766/QĐ-TTg: for each of the three
 * ratios its maximum points and target rate (percent), the points curve, and how rates (percent)
 * and points are rounded. Points are computed from the rounded rate, the figure that is published.
 */
public record Decision766Rules(
        Target dossierSatisfaction,
        Target complaintsOnTime,
        Target complaintSatisfaction,
        PointsCurve curve,
        Rounding rateRounding,
        Rounding pointsRounding) {

    /** One ratio's maximum points and the rate (percent, 0 &lt; target ≤ 100) that earns them in full. */
    public record Target(BigDecimal maxPoints, BigDecimal targetPercent) {

        public Target {
            Objects.requireNonNull(maxPoints, "maxPoints");
            Objects.requireNonNull(targetPercent, "targetPercent");
            if (maxPoints.signum() < 0) {
                throw new IllegalArgumentException("maxPoints must not be negative: " + maxPoints);
            }
            if (targetPercent.signum() <= 0 || targetPercent.compareTo(ONE_HUNDRED) > 0) {
                throw new IllegalArgumentException("targetPercent must be in (0, 100]: " + targetPercent);
            }
        }
    }

    static final BigDecimal ONE_HUNDRED = new BigDecimal("100");

    public Decision766Rules {
        Objects.requireNonNull(dossierSatisfaction, "dossierSatisfaction");
        Objects.requireNonNull(complaintsOnTime, "complaintsOnTime");
        Objects.requireNonNull(complaintSatisfaction, "complaintSatisfaction");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(rateRounding, "rateRounding");
        Objects.requireNonNull(pointsRounding, "pointsRounding");
    }

    /**
     * domain.md §3: 6 points per ratio (18 in all). The targets and the curve are unverified there;
     * these defaults (target 100%, linear) give points in plain proportion to the rate.
     * Rates and points to 2 decimals, half up.
     */
    public static Decision766Rules defaults() {
        Target six = new Target(new BigDecimal("6"), ONE_HUNDRED);
        return new Decision766Rules(
                six, six, six, PointsCurve.LINEAR, Rounding.twoDecimalsHalfUp(), Rounding.twoDecimalsHalfUp());
    }
}
