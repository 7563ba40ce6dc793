package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.SampleProportion;

/**
 * One unit's figures for a period with every intermediate value: what a unit head needs to check
 * or dispute their number. Rates are percentages; null where there is nothing to compute from.
 *
 * @param satisfactionRate  satisfied or very satisfied ratings ÷ ratings × 100, rounded
 * @param satisfaction      the rate's sample: satisfied, sample size and 95 % Wilson interval; null in
 *                          results stored before it existed (readers derive it from the archived inputs)
 * @param criterionRates    the same per questionnaire criterion
 * @param circular01Total   null, with {@code circular01Band}, for a unit without dossiers when the
 *                          methodology lists such units unclassified
 * @param indicators        the nine Circular 01 indicators
 * @param rankScore         the figure the unit is ranked by (the methodology's {@code rankBy}), null if unranked
 * @param rank              competition rank within the peer group (1, 2, 2, 4), null if unranked
 * @param rankChange        previous rank − rank (positive = moved up), null without a previous rank
 * @param flags             NO_DOSSIERS, NO_RATINGS, MISSING_INDICATORS, INSUFFICIENT_SAMPLE (fewer ratings than
 *                          the methodology's minimum), UNRANKED
 */
public record UnitResult(
        String unitCode,
        String unitName,
        String peerGroup,
        long dossiers,
        long ratings,
        @Nullable BigDecimal satisfactionRate,
        @Nullable SatisfactionSample satisfaction,
        List<CriterionRate> criterionRates,
        List<IndicatorResult> indicators,
        BigDecimal circular01Sum,
        @Nullable BigDecimal circular01Total,
        @Nullable Circular01Band circular01Band,
        List<Integer> missingIndicators,
        Decision766Result decision766,
        @Nullable BigDecimal parSurveyPoints,
        @Nullable BigDecimal parSurveyPercent,
        @Nullable String parBand,
        @Nullable BigDecimal rankScore,
        @Nullable Integer rank,
        @Nullable Integer previousRank,
        @Nullable Integer rankChange,
        List<String> flags) {

    /** Flags a reader needs to act on. */
    public static final String NO_DOSSIERS = "NO_DOSSIERS",
            NO_RATINGS = "NO_RATINGS",
            MISSING_INDICATORS = "MISSING_INDICATORS",
            INSUFFICIENT_SAMPLE = "INSUFFICIENT_SAMPLE",
            UNRANKED = "UNRANKED";

    /**
     * The satisfaction rate's sample: {@code satisfied} of {@code sampleSize} answers, and the 95 %
     * Wilson interval in percent, widened outwards to the rate's decimals (lower bound rounded
     * down, upper up); bounds null for an empty sample.
     */
    public record SatisfactionSample(
            long satisfied,
            long sampleSize,
            @Nullable BigDecimal lowerPercent,
            @Nullable BigDecimal upperPercent) {

        public static SatisfactionSample of(long satisfied, long sampleSize, int scale) {
            SampleProportion p = SampleProportion.of(satisfied, sampleSize);
            if (p.isEmpty()) {
                return new SatisfactionSample(satisfied, sampleSize, null, null);
            }
            return new SatisfactionSample(
                    satisfied,
                    sampleSize,
                    percent(p.lower95(), scale, RoundingMode.FLOOR),
                    percent(p.upper95(), scale, RoundingMode.CEILING));
        }

        private static BigDecimal percent(double share, int scale, RoundingMode mode) {
            // Rounded to 9 decimals first, so that 0.9999999999 from floating point does not become 99.99 instead of
            // 100.
            return new BigDecimal(share)
                    .multiply(BigDecimal.valueOf(100))
                    .setScale(9, RoundingMode.HALF_EVEN)
                    .setScale(scale, mode);
        }
    }

    public UnitResult withSatisfaction(SatisfactionSample sample) {
        return new UnitResult(
                unitCode,
                unitName,
                peerGroup,
                dossiers,
                ratings,
                satisfactionRate,
                sample,
                criterionRates,
                indicators,
                circular01Sum,
                circular01Total,
                circular01Band,
                missingIndicators,
                decision766,
                parSurveyPoints,
                parSurveyPercent,
                parBand,
                rankScore,
                rank,
                previousRank,
                rankChange,
                flags);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public record CriterionRate(
            String criterion,
            long answers,
            long satisfied,
            @Nullable BigDecimal ratePercent) {}

    /**
     * One indicator: its source, numerator and denominator (points and dossiers, or the entered
     * value over 1), the exact average to six decimals, and the rounded average that is summed.
     */
    public record IndicatorResult(
            int number,
            IndicatorSource source,
            @Nullable String criterion,
            @Nullable BigDecimal numerator,
            long denominator,
            @Nullable BigDecimal exact,
            @Nullable BigDecimal average,
            String note) {}

    /** The Decision 766 satisfaction group: each ratio's parts, rate and points. */
    public record Decision766Result(
            Ratio dossierSatisfaction,
            Ratio complaintsOnTime,
            Ratio complaintSatisfaction,
            @Nullable BigDecimal totalPoints,
            BigDecimal maxPoints) {}

    public record Ratio(
            long part,
            long whole,
            @Nullable BigDecimal ratePercent,
            @Nullable BigDecimal points,
            BigDecimal maxPoints,
            BigDecimal targetPercent) {}
}
