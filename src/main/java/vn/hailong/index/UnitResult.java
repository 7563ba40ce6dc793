package vn.hailong.index;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's figures for a period with every intermediate value: what a unit head needs to check
 * or dispute their number. Rates are percentages; null where there is nothing to compute from.
 *
 * @param satisfactionRate  satisfied or very satisfied ratings ÷ ratings × 100, rounded
 * @param criterionRates    the same per questionnaire criterion
 * @param indicators        the nine Circular 01 indicators
 * @param rankScore         the figure the unit is ranked by (the methodology's {@code rankBy}), null if unranked
 * @param rank              competition rank within the peer group (1, 2, 2, 4), null if unranked
 * @param rankChange        previous rank − rank (positive = moved up), null without a previous rank
 * @param flags             NO_DOSSIERS, NO_RATINGS, MISSING_INDICATORS, UNRANKED
 */
public record UnitResult(String unitCode, String unitName, String peerGroup, long dossiers, long ratings,
        BigDecimal satisfactionRate, List<CriterionRate> criterionRates, List<IndicatorResult> indicators,
        BigDecimal circular01Sum, BigDecimal circular01Total, Circular01Band circular01Band, List<Integer> missingIndicators,
        Decision766Result decision766, BigDecimal parSurveyPoints, BigDecimal parSurveyPercent, String parBand,
        BigDecimal rankScore, Integer rank, Integer previousRank, Integer rankChange, List<String> flags) {

    public record CriterionRate(String criterion, long answers, long satisfied, BigDecimal ratePercent) {
    }

    /**
     * One indicator: its source, numerator and denominator (points and dossiers, or the entered
     * value over 1), the exact average to six decimals, and the rounded average that is summed.
     */
    public record IndicatorResult(int number, IndicatorSource source, String criterion, BigDecimal numerator,
            long denominator, BigDecimal exact, BigDecimal average, String note) {
    }

    /** The Decision 766 satisfaction group: each ratio's parts, rate and points. */
    public record Decision766Result(Ratio dossierSatisfaction, Ratio complaintsOnTime, Ratio complaintSatisfaction,
            BigDecimal totalPoints, BigDecimal maxPoints) {
    }

    public record Ratio(long part, long whole, BigDecimal ratePercent, BigDecimal points, BigDecimal maxPoints,
            BigDecimal targetPercent) {
    }
}
