package vn.hailong.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.hailong.index.Ranking.RankedUnit;
import vn.hailong.index.Ranking.UnitScore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTest {

    static UnitScore unit(String code, String score) {
        return new UnitScore(code, new BigDecimal(score));
    }

    static Map<String, Integer> ranksByCode(List<RankedUnit> ranked) {
        var ranks = new HashMap<String, Integer>();
        ranked.forEach(u -> ranks.put(u.unitCode(), u.rank()));
        return ranks;
    }

    @Test
    void equal_scores_share_a_rank_and_the_next_rank_skips_the_shared_places() {
        var ranked = Ranking.rank(List.of(unit("D", "70"), unit("A", "90"), unit("C", "80"), unit("B", "80")));

        assertThat(ranked).extracting(RankedUnit::unitCode).containsExactly("A", "B", "C", "D");
        assertThat(ranked).extracting(RankedUnit::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void scores_that_differ_only_in_trailing_zeros_are_equal() {
        var ranked = Ranking.rank(List.of(unit("A", "14.7"), unit("B", "14.70")));

        assertThat(ranked).extracting(RankedUnit::rank).containsExactly(1, 1);
    }

    @Test
    void ties_are_listed_by_unit_code_whatever_the_input_order() {
        var ranked = Ranking.rank(
                List.of(unit("000.00.09.H56", "80"), unit("000.00.01.H56", "80"), unit("000.00.05.H56", "80")));

        assertThat(ranked)
                .extracting(RankedUnit::unitCode)
                .containsExactly("000.00.01.H56", "000.00.05.H56", "000.00.09.H56");
        assertThat(ranked).extracting(RankedUnit::rank).containsOnly(1);
    }

    @Test
    void a_unit_that_moved_from_9th_to_3rd_went_up_6_places_and_a_new_unit_has_no_change() {
        var ranked = Ranking.rank(
                List.of(unit("A", "95"), unit("B", "94"), unit("C", "93"), unit("NEW", "50")),
                Map.of("A", 1, "B", 1, "C", 9, "GONE", 2));

        assertThat(ranked)
                .extracting(RankedUnit::rankChange)
                .containsExactly(Optional.of(0), Optional.of(-1), Optional.of(6), Optional.empty());
    }

    @Test
    void without_a_previous_period_no_unit_has_a_change() {
        assertThat(Ranking.rank(List.of(unit("A", "1"))))
                .singleElement()
                .satisfies(u -> assertThat(u.rankChange()).isEmpty());
    }

    @Test
    void an_empty_peer_group_has_an_empty_ranking_and_a_unit_twice_is_refused() {
        assertThat(Ranking.rank(List.of())).isEmpty();
        assertThatThrownBy(() -> Ranking.rank(List.of(unit("A", "1"), unit("A", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_ranking_keeps_its_invariants_for_hundreds_of_random_peer_groups() {
        for (long seed = 1; seed <= 300; seed++) {
            var random = new Random(seed);
            List<UnitScore> units = randomPeerGroup(random);
            List<RankedUnit> ranked = Ranking.rank(units);
            String context = "seed " + seed;
            int n = units.size();

            assertThat(ranked).as(context).hasSize(n);
            Map<String, Integer> ranks = ranksByCode(ranked);
            for (RankedUnit a : ranked) {
                assertThat(a.rank()).as(context).isBetween(1, n);
                // competition ranking: exactly rank − 1 units score higher
                long better = ranked.stream().filter(b -> b.rank() < a.rank()).count();
                assertThat(better).as(context).isEqualTo(a.rank() - 1);
                long scoringHigher = units.stream()
                        .filter(u -> u.score().compareTo(a.score()) > 0)
                        .count();
                assertThat(scoringHigher).as(context).isEqualTo(a.rank() - 1);
            }
            for (UnitScore a : units) {
                for (UnitScore b : units) {
                    int byScore = a.score().compareTo(b.score());
                    int byRank = Integer.compare(ranks.get(b.unitCode()), ranks.get(a.unitCode()));
                    assertThat(byRank).as(context + ": " + a + " vs " + b).isEqualTo(Integer.signum(byScore));
                }
            }
            // listed best first, ties by unit code
            for (int i = 1; i < n; i++) {
                RankedUnit before = ranked.get(i - 1);
                RankedUnit after = ranked.get(i);
                assertThat(before.rank()).as(context).isLessThanOrEqualTo(after.rank());
                if (before.rank() == after.rank()) {
                    assertThat(before.unitCode()).as(context).isLessThan(after.unitCode());
                }
            }
            // the same units in another order rank the same
            var shuffled = new ArrayList<>(units);
            Collections.shuffle(shuffled, random);
            assertThat(Ranking.rank(shuffled)).as(context).isEqualTo(ranked);
        }
    }

    @Test
    void rank_changes_are_the_previous_rank_minus_the_current_one_for_random_periods() {
        for (long seed = 1; seed <= 200; seed++) {
            var random = new Random(seed);
            List<RankedUnit> previous = Ranking.rank(randomPeerGroup(random));
            List<RankedUnit> current = Ranking.rank(randomPeerGroup(random), ranksByCode(previous));
            Map<String, Integer> before = ranksByCode(previous);

            for (RankedUnit unit : current) {
                Integer was = before.get(unit.unitCode());
                assertThat(unit.rankChange())
                        .as("seed " + seed)
                        .isEqualTo(was == null ? Optional.empty() : Optional.of(was - unit.rank()));
            }
        }
    }

    /** Up to 30 units with codes drawn from 40 and scores on a coarse grid, so ties are common. */
    static List<UnitScore> randomPeerGroup(Random random) {
        int n = random.nextInt(31);
        var codes = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            codes.add("000.00.%02d.H56".formatted(i));
        }
        Collections.shuffle(codes, random);
        var units = new ArrayList<UnitScore>();
        for (int i = 0; i < n; i++) {
            // 0.00 .. 18.00 in steps of 0.25, written with varying scale
            BigDecimal score = BigDecimal.valueOf(random.nextInt(73)).multiply(new BigDecimal("0.25"));
            if (random.nextBoolean()) {
                score = score.setScale(3);
            }
            units.add(new UnitScore(codes.get(i), score));
        }
        return units;
    }
}
