package vn.hailong.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ranks the units of one peer group by score, highest first.
 *
 * <p>The ranking contract:
 * <ul>
 * <li>Competition ranking: equal scores (by {@link BigDecimal#compareTo}, so 14.7 equals 14.70) share
 * a rank and the next score skips the shared places: 1, 2, 2, 4. Callers pass the published, rounded
 * scores, so units tie exactly when their published figures do.</li>
 * <li>Ties are listed by unit code, so the order does not depend on the order of the input.</li>
 * <li>Rank change = previous rank − current rank: positive means moved up ("tăng 06 bậc" = +6);
 * a unit without a previous rank (new in the group) has no change.</li>
 * </ul>
 */
public final class Ranking {

    /** A unit's score in the period being ranked. */
    public record UnitScore(String unitCode, BigDecimal score) {

        public UnitScore {
            Objects.requireNonNull(unitCode, "unitCode");
            Objects.requireNonNull(score, "score");
        }
    }

    /** A unit's place: its rank (1 is best) and its change against the previous period, if it had a rank then. */
    public record RankedUnit(String unitCode, BigDecimal score, int rank, Optional<Integer> rankChange) {

        public RankedUnit {
            Objects.requireNonNull(unitCode, "unitCode");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(rankChange, "rankChange");
        }
    }

    private static final Comparator<UnitScore> BEST_FIRST =
            Comparator.comparing(UnitScore::score, Comparator.reverseOrder()).thenComparing(UnitScore::unitCode);

    private Ranking() {}

    /** Ranks without a previous period: no unit has a rank change. */
    public static List<RankedUnit> rank(Collection<UnitScore> units) {
        return rank(units, Map.of());
    }

    /**
     * Ranks the units, best first.
     *
     * @param previousRanks the ranks of the previous period by unit code; units missing here are new
     * @throws IllegalArgumentException if a unit code appears twice
     */
    public static List<RankedUnit> rank(Collection<UnitScore> units, Map<String, Integer> previousRanks) {
        var seen = new HashSet<String>();
        for (UnitScore unit : units) {
            if (!seen.add(unit.unitCode())) {
                throw new IllegalArgumentException("unit ranked twice: " + unit.unitCode());
            }
        }
        List<UnitScore> sorted = units.stream().sorted(BEST_FIRST).toList();
        List<RankedUnit> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore unit = sorted.get(i);
            if (i == 0 || unit.score().compareTo(sorted.get(i - 1).score()) != 0) {
                rank = i + 1;
            }
            Integer previous = previousRanks.get(unit.unitCode());
            Optional<Integer> change = previous == null ? Optional.empty() : Optional.of(previous - rank);
            ranked.add(new RankedUnit(unit.unitCode(), unit.score(), rank, change));
        }
        return List.copyOf(ranked);
    }
}
