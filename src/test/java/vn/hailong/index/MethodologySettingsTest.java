package vn.hailong.index;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hailong.index.internal.IndexJson;
import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden cases for the rules issue 19 made explicit: the minimum sample, and each formerly silent
 * rule in both positions, computed by hand. No database; the database-side settings (on time by
 * date, entry fallback, refused entries) are in {@link IndexSnapshotTest}.
 */
class MethodologySettingsTest {

    private static final Methodology.Definition DEFAULTS = IndexCalculatorTest.defaults();

    /** A unit with a dossier per rating (at least 10, all early), {@code satisfied} of {@code ratings} satisfied, no complaints. */
    private static UnitInputs unit(String code, long ratings, long satisfied) {
        long dossiers = Math.max(ratings, 10);
        return new UnitInputs(
                code,
                "Đơn vị " + code,
                "SO",
                dossiers,
                dossiers,
                0,
                0,
                ratings,
                satisfied,
                ratings - satisfied,
                0,
                ratings - satisfied,
                0,
                0,
                0,
                Map.of("contacts", new UnitInputs.CriterionCounts(3, 5, 2)),
                Map.of(5, new BigDecimal("2.00")));
    }

    // --- minimum sample ---

    @Test
    void a_unit_below_the_minimum_sample_is_listed_unranked_and_the_others_rank_as_if_it_were_absent() {
        // S3: 15 of 15 (100 %) — the demo's commune; S1, S2: 36 of 40 (90 %), tied; S4: 28 of 35 (80 %)
        List<UnitInputs> units =
                List.of(unit("S1", 40, 36), unit("S2", 40, 36), unit("S3", 15, 15), unit("S4", 35, 28));

        Map<String, UnitResult> without = IndexSnapshotTest.byCode(IndexCalculator.compute(DEFAULTS, units, Map.of()));
        assertThat(without.get("S3").rank()).isEqualTo(1);
        assertThat(without.get("S1").rank()).isEqualTo(2);
        assertThat(without.get("S2").rank()).isEqualTo(2);
        assertThat(without.get("S4").rank()).isEqualTo(4);

        Map<String, UnitResult> with = IndexSnapshotTest.byCode(
                IndexCalculator.compute(DEFAULTS.withMinimumRatings(30), units, Map.of("S3", 1, "S4", 4)));
        assertThat(with.get("S3").rank()).isNull();
        assertThat(with.get("S3").rankChange()).isNull();
        assertThat(with.get("S3").flags()).contains("INSUFFICIENT_SAMPLE", "UNRANKED");
        assertThat(without.get("S3").flags()).doesNotContain("INSUFFICIENT_SAMPLE", "UNRANKED");
        // its figures are still published: 36.5 × 100 % = 36.50
        assertThat(with.get("S3").parSurveyPoints()).isEqualByComparingTo("36.50");
        assertThat(with.get("S3").rankScore()).isEqualByComparingTo("36.50");
        // ties unchanged for the rest: 1, 1, 3
        assertThat(with.get("S1").rank()).isEqualTo(1);
        assertThat(with.get("S2").rank()).isEqualTo(1);
        assertThat(with.get("S4").rank()).isEqualTo(3);
        assertThat(with.get("S4").rankChange()).isEqualTo(1);
        assertThat(with.get("S1").flags()).doesNotContain("INSUFFICIENT_SAMPLE", "UNRANKED");
    }

    @Test
    void exactly_the_minimum_is_enough_and_one_less_is_not() {
        Methodology.Definition d = DEFAULTS.withMinimumRatings(30);
        Map<String, UnitResult> r = IndexSnapshotTest.byCode(
                IndexCalculator.compute(d, List.of(unit("A", 30, 20), unit("B", 29, 29)), Map.of()));
        assertThat(r.get("A").rank()).isEqualTo(1);
        assertThat(r.get("B").rank()).isNull();
        assertThat(r.get("B").flags()).contains("INSUFFICIENT_SAMPLE");
    }

    @Test
    void the_league_table_lists_ranked_units_by_rank_then_the_too_small_ones_by_the_ranked_figure_then_the_rest() {
        Methodology.Definition d = DEFAULTS.withMinimumRatings(30);
        List<UnitResult> r = new ArrayList<>(IndexCalculator.compute(
                d,
                List.of(unit("A", 40, 20), unit("B", 5, 5), unit("C", 0, 0), unit("D", 50, 45), unit("E", 8, 2)),
                Map.of()));
        r.sort(IndexCalculator.leagueOrder(d.ranking()));
        assertThat(r).extracting(UnitResult::unitCode).containsExactly("D", "A", "B", "E", "C");
    }

    @Test
    void across_all_units_the_league_table_follows_the_rank_not_the_peer_group() {
        Methodology.Definition d =
                DEFAULTS.withRanking(new Methodology.RankingRule(Methodology.RankBy.PAR_SURVEY_POINTS, false, 0));
        List<UnitResult> r = new ArrayList<>(IndexCalculator.compute(
                d,
                List.of(
                        IndexCalculatorTest.unit("A", "GROUP-A", 10, 5, 0, 0),
                        IndexCalculatorTest.unit("B", "GROUP-B", 10, 9, 0, 0)),
                Map.of()));
        r.sort(IndexCalculator.leagueOrder(d.ranking()));
        assertThat(r).extracting(UnitResult::unitCode).containsExactly("B", "A");
        assertThat(r).extracting(UnitResult::rank).containsExactly(1, 2);
    }

    @Test
    void ranked_by_the_tt01_score_a_unit_with_dossiers_but_too_few_ratings_is_unranked_too() {
        Methodology.Definition d =
                DEFAULTS.withRanking(new Methodology.RankingRule(Methodology.RankBy.CIRCULAR01_TOTAL, true, 30));
        Map<String, UnitResult> r = IndexSnapshotTest.byCode(
                IndexCalculator.compute(d, List.of(unit("A", 0, 0), unit("B", 31, 30)), Map.of()));
        assertThat(r.get("A").rankScore()).isNotNull();
        assertThat(r.get("A").rank()).isNull();
        assertThat(r.get("A").flags())
                .containsExactly("NO_RATINGS", "MISSING_INDICATORS", "INSUFFICIENT_SAMPLE", "UNRANKED");
        assertThat(r.get("B").rank()).isEqualTo(1);
    }

    @Test
    void a_minimum_outside_0_to_100000_is_refused_naming_the_key() {
        String json = MethodologyService.toJson(DEFAULTS).replace("\"minimumRatings\" : 0", "\"minimumRatings\" : -1");
        assertThatThrownBy(() -> MethodologyService.parseDefinition(json))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("ranking")
                                .contains("minimumRatings"));
    }

    // --- the satisfaction rate's sample and interval ---

    @Test
    void the_satisfaction_rate_carries_its_sample_and_wilson_interval_widened_outwards() {
        // 15 of 15: Wilson lower bound = n ÷ (n + z²) = 15 ÷ 18.8415 = 79.6115 % → 79.61; upper 100
        UnitResult all = IndexCalculator.compute(DEFAULTS, List.of(unit("A", 15, 15)), Map.of())
                .getFirst();
        assertThat(all.satisfaction().sampleSize()).isEqualTo(15);
        assertThat(all.satisfaction().satisfied()).isEqualTo(15);
        assertThat(all.satisfaction().lowerPercent()).isEqualByComparingTo("79.61");
        assertThat(all.satisfaction().upperPercent()).isEqualByComparingTo("100.00");
        // 1 of 2: 9.4531 % – 90.5469 % → 9.45 (down) – 90.55 (up)
        UnitResult half = IndexCalculator.compute(DEFAULTS, List.of(unit("A", 2, 1)), Map.of())
                .getFirst();
        assertThat(half.satisfaction().lowerPercent()).isEqualByComparingTo("9.45");
        assertThat(half.satisfaction().upperPercent()).isEqualByComparingTo("90.55");
        // no ratings: n = 0, no interval
        UnitResult none = IndexCalculator.compute(DEFAULTS, List.of(unit("A", 0, 0)), Map.of())
                .getFirst();
        assertThat(none.satisfaction().sampleSize()).isZero();
        assertThat(none.satisfaction().lowerPercent()).isNull();
    }

    @Test
    void on_another_criterion_the_sample_is_that_criterions_answers() {
        Methodology.Definition d = DEFAULTS.withSatisfaction(
                new Methodology.SatisfactionRule("contacts", 1, Rounding.twoDecimalsHalfUp()));
        // unit(): contacts answered 3 times, 2 satisfied
        UnitResult r =
                IndexCalculator.compute(d, List.of(unit("A", 10, 9)), Map.of()).getFirst();
        assertThat(r.satisfactionRate()).isEqualByComparingTo("66.67");
        assertThat(r.satisfaction().sampleSize()).isEqualTo(3);
        assertThat(r.satisfaction().satisfied()).isEqualTo(2);
    }

    // --- PAR groups read on the points or on the rate ---

    @Test
    void at_89_99_percent_the_par_group_is_nhom_i_on_the_points_and_nhom_ii_on_the_rate() {
        // 8,999 of 10,000 = 89.99 %; 36.5 × 0.8999 = 32.84635 → 32.85 points = 90.00 % of 36.5 → Nhóm I
        UnitInputs in = unit("A", 10_000, 8_999);
        UnitResult onPoints =
                IndexCalculator.compute(DEFAULTS, List.of(in), Map.of()).getFirst();
        assertThat(onPoints.satisfactionRate()).isEqualByComparingTo("89.99");
        assertThat(onPoints.parSurveyPoints()).isEqualByComparingTo("32.85");
        assertThat(onPoints.parSurveyPercent()).isEqualByComparingTo("90.00");
        assertThat(onPoints.parBand()).isEqualTo("Nhóm I");

        Methodology.Definition onRate = DEFAULTS.withPar(new Methodology.ParSurvey(
                DEFAULTS.par().component(), DEFAULTS.par().bands(), Methodology.ParBandBasis.SATISFACTION_RATE));
        UnitResult r = IndexCalculator.compute(onRate, List.of(in), Map.of()).getFirst();
        assertThat(r.parSurveyPoints()).isEqualByComparingTo("32.85");
        assertThat(r.parBand()).isEqualTo("Nhóm II");
    }

    // --- units without dossiers ---

    @Test
    void a_unit_without_dossiers_is_weak_with_12_points_by_default_and_unclassified_when_the_methodology_says_so() {
        UnitInputs empty = new UnitInputs("A", "A", "G", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
        UnitResult classified =
                IndexCalculator.compute(DEFAULTS, List.of(empty), Map.of()).getFirst();
        assertThat(classified.circular01Band()).isEqualTo(Circular01Band.WEAK);
        assertThat(classified.circular01Total()).isEqualByComparingTo("2.00");
        assertThat(classified.decision766().totalPoints()).isEqualByComparingTo("12.00");

        Methodology.Definition d = DEFAULTS.withDossiers(new Methodology.DossierRules(
                Methodology.OnTimeBy.DUE_INSTANT, Methodology.WithoutDossiers.UNCLASSIFIED));
        UnitResult unclassified =
                IndexCalculator.compute(d, List.of(empty), Map.of()).getFirst();
        assertThat(unclassified.circular01Band()).isNull();
        assertThat(unclassified.circular01Total()).isNull();
        assertThat(unclassified.decision766().totalPoints()).isNull();
        assertThat(unclassified.flags()).contains("NO_DOSSIERS", "UNRANKED");
        // a unit with dossiers is classified either way
        UnitResult busy =
                IndexCalculator.compute(d, List.of(unit("B", 4, 4)), Map.of()).getFirst();
        assertThat(busy.circular01Band()).isNotNull();
    }

    // --- the month's entries and the year's ---

    @Test
    void a_months_missing_entries_fall_back_per_indicator_wholly_or_not_at_all() {
        Map<Integer, BigDecimal> month = Map.of(6, new BigDecimal("2.00"));
        Map<Integer, BigDecimal> year = Map.of(5, new BigDecimal("1.00"), 6, new BigDecimal("0.50"));
        assertThat(Methodology.EntryFallback.PER_INDICATOR.resolve(month, year))
                .isEqualTo(Map.of(5, new BigDecimal("1.00"), 6, new BigDecimal("2.00")));
        assertThat(Methodology.EntryFallback.WHOLE_PERIOD.resolve(month, year))
                .isEqualTo(Map.of(6, new BigDecimal("2.00")));
        assertThat(Methodology.EntryFallback.WHOLE_PERIOD.resolve(Map.of(), year))
                .isEqualTo(year);
        assertThat(Methodology.EntryFallback.NONE.resolve(month, year)).isEqualTo(month);
        assertThat(Methodology.EntryFallback.NONE.resolve(Map.of(), year)).isEmpty();
    }

    // --- stored versions ---

    @Test
    void version_1_as_stored_by_migration_v10_loads_with_todays_behaviour_for_every_key_it_lacks() throws IOException {
        Methodology.Definition v1 =
                MethodologyService.parseDefinition(storedJson("db/migration/V10__index_methodology.sql"));
        assertThat(v1.ranking().minimumRatings()).isZero();
        assertThat(v1.dossiers()).isEqualTo(Methodology.DossierRules.defaults());
        assertThat(v1.dossiers().onTimeBy()).isEqualTo(Methodology.OnTimeBy.DUE_INSTANT);
        assertThat(v1.dossiers().withoutDossiers()).isEqualTo(Methodology.WithoutDossiers.CLASSIFIED);
        assertThat(v1.unitEntries().fallback()).isEqualTo(Methodology.EntryFallback.PER_INDICATOR);
        assertThat(v1.par().bandBasis()).isEqualTo(Methodology.ParBandBasis.POINTS_PERCENT);
        // and its JSON, written again, states every setting
        String again = MethodologyService.toJson(v1);
        assertThat(again)
                .contains(
                        "\"minimumRatings\" : 0",
                        "\"onTimeBy\" : \"DUE_INSTANT\"",
                        "\"fallback\" : \"PER_INDICATOR\"",
                        "\"bandBasis\" : \"POINTS_PERCENT\"",
                        "\"withoutDossiers\" : \"CLASSIFIED\"");
        assertThat(MethodologyService.parseDefinition(again)).isEqualTo(v1);
    }

    @Test
    void a_stored_result_without_the_newer_figures_still_agrees_with_its_recomputation() {
        UnitResult r = IndexCalculator.compute(DEFAULTS, List.of(unit("A", 10, 9)), Map.of())
                .getFirst();
        String now = IndexJson.write(r);
        String before = now.replaceFirst("\"satisfaction\":\\{[^}]*},", "");
        assertThat(before).doesNotContain("\"satisfaction\"");
        assertThat(IndexJson.agrees(before, now)).isTrue();
        assertThat(IndexJson.agrees(now, now)).isTrue();
        // any figure that differs still disagrees
        assertThat(IndexJson.agrees(before.replace("\"ratings\":10", "\"ratings\":11"), now))
                .isFalse();
        assertThat(IndexJson.agrees(now, before)).isFalse();
    }

    private static String storedJson(String migration) throws IOException {
        try (InputStream in = MethodologySettingsTest.class.getClassLoader().getResourceAsStream(migration)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.substring(sql.indexOf("'{") + 1, sql.lastIndexOf("}'") + 1);
        }
    }
}
