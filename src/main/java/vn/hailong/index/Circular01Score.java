package vn.hailong.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's Circular 01/2018 score for a period: the nine indicator averages, their total and its band.
 *
 * <p>The scoring contract:
 * <ol>
 * <li>Each present average must lie in 0..{@code indicatorMax} and is rounded by the average rounding
 * (idempotent when it came from {@link IndicatorAverage#of}).</li>
 * <li>An absent indicator (no data for the unit) counts as 0 in the total and is listed in
 * {@link #missingIndicators()}, so a reader sees why the total is low instead of a silently
 * re-scaled figure.</li>
 * <li>The total is the sum of the rounded averages, rounded by the total rounding.</li>
 * <li>The band classifies the rounded total (the figure that is published).</li>
 * </ol>
 *
 * @param averages          the nine rounded averages, indicator 1 first; empty where absent
 * @param total             the rounded sum, absent indicators counting 0
 * @param band              the band of {@code total}
 * @param missingIndicators the numbers (1..9) of the absent indicators, ascending
 */
public record Circular01Score(
        List<Optional<BigDecimal>> averages, BigDecimal total, Circular01Band band, List<Integer> missingIndicators) {

    public Circular01Score {
        averages = List.copyOf(averages);
        missingIndicators = List.copyOf(missingIndicators);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(band, "band");
    }

    /**
     * Scores nine indicator averages (indicator 1 first; empty where the unit has no data).
     *
     * @throws IllegalArgumentException if there are not nine averages or one is outside 0..{@code indicatorMax}
     */
    public static Circular01Score of(List<Optional<BigDecimal>> averages, Circular01Rules rules) {
        if (averages.size() != Circular01Rules.INDICATORS) {
            throw new IllegalArgumentException(
                    "expected " + Circular01Rules.INDICATORS + " indicator averages, got " + averages.size());
        }
        BigDecimal max = BigDecimal.valueOf(rules.indicatorMax());
        List<Optional<BigDecimal>> rounded = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < averages.size(); i++) {
            Optional<BigDecimal> average = averages.get(i);
            if (average.isEmpty()) {
                missing.add(i + 1);
                rounded.add(Optional.empty());
                continue;
            }
            BigDecimal value = average.get();
            if (value.signum() < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(
                        "indicator " + (i + 1) + " average outside 0.." + max + ": " + value);
            }
            BigDecimal r = rules.averageRounding().apply(value);
            rounded.add(Optional.of(r));
            sum = sum.add(r);
        }
        BigDecimal total = rules.totalRounding().apply(sum);
        return new Circular01Score(rounded, total, rules.bands().classify(total), missing);
    }

    /** Whether all nine indicators had data. */
    public boolean complete() {
        return missingIndicators.isEmpty();
    }
}
