package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's Decision 766 satisfaction group for a period: three ratios in percent and their points.
 *
 * <p>The scoring contract:
 * <ul>
 * <li>TTHC satisfaction = (dossiers − not satisfied) ÷ dossiers × 100; with no dossiers it is
 * <em>absent</em> (no rate, no points): there is nothing to be satisfied with.</li>
 * <li>PAKN on time = on time ÷ complaints × 100, PAKN satisfaction = (complaints − not satisfied or
 * late) ÷ complaints × 100; with no complaints both are 100% (nothing was late or unanswered, as
 * Circular 01 indicator 8 gives full points for "none").</li>
 * <li>Rates are rounded by the rate rounding; points = {@code max × f(rounded rate, target)} rounded
 * by the points rounding; the total is the sum of the points, an absent ratio counting 0.</li>
 * </ul>
 */
public record Decision766Satisfaction(
        Decision766Counts counts,
        Ratio dossierSatisfaction,
        Ratio complaintsOnTime,
        Ratio complaintSatisfaction,
        BigDecimal totalPoints) {

    /** One ratio: its rate in percent and the points it earns, both empty when the ratio is absent. */
    public record Ratio(Optional<BigDecimal> ratePercent, Optional<BigDecimal> points) {

        public Ratio {
            Objects.requireNonNull(ratePercent, "ratePercent");
            Objects.requireNonNull(points, "points");
        }

        static Ratio absent() {
            return new Ratio(Optional.empty(), Optional.empty());
        }
    }

    public Decision766Satisfaction {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(dossierSatisfaction, "dossierSatisfaction");
        Objects.requireNonNull(complaintsOnTime, "complaintsOnTime");
        Objects.requireNonNull(complaintSatisfaction, "complaintSatisfaction");
        Objects.requireNonNull(totalPoints, "totalPoints");
    }

    public static Decision766Satisfaction of(Decision766Counts counts, Decision766Rules rules) {
        Ratio dossiers = counts.dossiers() == 0
                ? Ratio.absent()
                : ratio(
                        counts.dossiers() - counts.notSatisfiedDossiers(),
                        counts.dossiers(),
                        rules.dossierSatisfaction(),
                        rules);
        Ratio onTime = counts.complaints() == 0
                ? full(rules.complaintsOnTime(), rules)
                : ratio(counts.complaintsOnTime(), counts.complaints(), rules.complaintsOnTime(), rules);
        Ratio satisfied = counts.complaints() == 0
                ? full(rules.complaintSatisfaction(), rules)
                : ratio(
                        counts.complaints() - counts.complaintsNotSatisfiedOrLate(),
                        counts.complaints(),
                        rules.complaintSatisfaction(),
                        rules);
        BigDecimal total = rules.pointsRounding()
                .apply(points(dossiers).add(points(onTime)).add(points(satisfied)));
        return new Decision766Satisfaction(counts, dossiers, onTime, satisfied, total);
    }

    private static Ratio ratio(long part, long whole, Decision766Rules.Target target, Decision766Rules rules) {
        BigDecimal rate = rules.rateRounding()
                .divide(BigDecimal.valueOf(part).multiply(Decision766Rules.ONE_HUNDRED), BigDecimal.valueOf(whole));
        return scored(rate, target, rules);
    }

    private static Ratio full(Decision766Rules.Target target, Decision766Rules rules) {
        return scored(rules.rateRounding().apply(Decision766Rules.ONE_HUNDRED), target, rules);
    }

    private static Ratio scored(BigDecimal rate, Decision766Rules.Target target, Decision766Rules rules) {
        BigDecimal points =
                rules.curve().points(target.maxPoints(), rate, target.targetPercent(), rules.pointsRounding());
        return new Ratio(Optional.of(rate), Optional.of(points));
    }

    private static BigDecimal points(Ratio ratio) {
        return ratio.points().orElse(BigDecimal.ZERO);
    }

    /** Whether every ratio could be computed (false for a unit without dossiers). */
    public boolean complete() {
        return dossierSatisfaction.ratePercent().isPresent();
    }
}
