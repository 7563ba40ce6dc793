package vn.hailong.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.SampleProportion;

/**
 * The figures of one slice (a unit, a procedure, an officer, a period): returned dossiers and how
 * many late, counted ratings by overall answer, answers and points per criterion, and ratings that
 * do not count (superseded, unbound, excluded by moderation), which integrity reports show.
 */
public record Figures(
        long returned,
        long late,
        long ratings,
        long verySatisfied,
        long satisfied,
        long dissatisfied,
        Map<String, CriterionSum> criteria,
        long superseded,
        long unbound,
        long excluded) {

    /** Answers to a criterion and the points they earned (2 best, 0 worst). */
    public record CriterionSum(long answers, long points) {

        /** Average points, half-up to two decimals, or null without answers. */
        public @Nullable Double average() {
            return answers == 0
                    ? null
                    : BigDecimal.valueOf(points)
                            .divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP)
                            .doubleValue();
        }
    }

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0);

    /** Satisfied or very satisfied. */
    public long happy() {
        return verySatisfied + satisfied;
    }

    /** Satisfied or very satisfied over counted ratings, in percent (see {@link UnitSatisfaction#rate}). */
    public @Nullable Double satisfactionRate() {
        return UnitSatisfaction.rate(happy(), ratings);
    }

    /** Satisfied or very satisfied among counted ratings, as a sample with its 95 % interval. */
    public SampleProportion satisfaction() {
        return SampleProportion.of(happy(), ratings);
    }

    /** Ratings over returned dossiers, in percent, half-up to one decimal; null without returned dossiers. */
    public @Nullable Double coverage() {
        return percent(ratings, returned);
    }

    /** Late over returned dossiers, in percent; null without returned dossiers. */
    public @Nullable Double lateShare() {
        return percent(late, returned);
    }

    public @Nullable Double average(String criterion) {
        CriterionSum sum = criteria.get(criterion);
        return sum == null ? null : sum.average();
    }

    static @Nullable Double percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L)
                        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    Figures plus(Figures o) {
        Map<String, CriterionSum> sum = new TreeMap<>(criteria);
        o.criteria.forEach(
                (k, v) -> sum.merge(k, v, (a, b) -> new CriterionSum(a.answers + b.answers, a.points + b.points)));
        return new Figures(
                returned + o.returned,
                late + o.late,
                ratings + o.ratings,
                verySatisfied + o.verySatisfied,
                satisfied + o.satisfied,
                dissatisfied + o.dissatisfied,
                Map.copyOf(sum),
                superseded + o.superseded,
                unbound + o.unbound,
                excluded + o.excluded);
    }
}
