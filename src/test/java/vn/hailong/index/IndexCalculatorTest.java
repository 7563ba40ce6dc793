package vn.hailong.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calculator on hand-computed units, without a database. */
class IndexCalculatorTest {

    static Methodology.Definition defaults() {
        return new Methodology.Definition(
                List.of(
                        new Methodology.Indicator(1, IndicatorSource.DOSSIER_TIMELINESS, null),
                        new Methodology.Indicator(2, IndicatorSource.DOSSIER_TIMELINESS, null),
                        new Methodology.Indicator(3, IndicatorSource.CITIZEN_ANSWER, "contacts"),
                        new Methodology.Indicator(4, IndicatorSource.CITIZEN_ANSWER, "agencies"),
                        new Methodology.Indicator(5, IndicatorSource.UNIT_ENTRY, null),
                        new Methodology.Indicator(6, IndicatorSource.UNIT_ENTRY, null),
                        new Methodology.Indicator(7, IndicatorSource.CITIZEN_ANSWER, "attitude"),
                        new Methodology.Indicator(8, IndicatorSource.COMPLAINTS_ON_TIME, null),
                        new Methodology.Indicator(9, IndicatorSource.UNIT_ENTRY, null)),
                new Methodology.ComplaintsIndicator(new BigDecimal("100"), new BigDecimal("90")),
                Circular01Rules.defaults(),
                new Methodology.SatisfactionRule("overall", 1, Rounding.twoDecimalsHalfUp()),
                Decision766Rules.defaults(),
                new Methodology.ParSurvey(
                        ParSurveyComponent.defaults(),
                        List.of(
                                new Methodology.ParBand("Nhóm I", new BigDecimal("90")),
                                new Methodology.ParBand("Nhóm II", new BigDecimal("80")),
                                new Methodology.ParBand("Nhóm IV", BigDecimal.ZERO)),
                        Methodology.ParBandBasis.POINTS_PERCENT),
                new Methodology.RankingRule(Methodology.RankBy.PAR_SURVEY_POINTS, true, 0),
                Methodology.DossierRules.defaults(),
                Methodology.EntryRules.defaults());
    }

    static UnitInputs unit(
            String code, String group, long ratings, long satisfied, long complaints, long complaintsOnTime) {
        return new UnitInputs(
                code,
                "Đơn vị " + code,
                group,
                10,
                6,
                3,
                1,
                ratings,
                satisfied,
                ratings - satisfied,
                0,
                1 + ratings - satisfied,
                complaints,
                complaintsOnTime,
                complaints - complaintsOnTime,
                Map.of("contacts", new UnitInputs.CriterionCounts(3, 5, 2)),
                Map.of(5, new BigDecimal("2.00")));
    }

    @Test
    void a_unit_like_the_worked_example_sums_its_rounded_averages_and_is_good() {
        // 1.6, 1.7, 1.8, 1.9, 1.0, 2.0, 1.7, 2.0, 1.0 as a unit: 16/10, 17/10, 18/10 (contacts), 19/10 (agencies),
        // 5 = 1.0, 6 = 2.0, 17/10 (attitude), 8 = no complaints, 9 = 1.0
        Methodology.Definition d = defaults();
        UnitInputs in = new UnitInputs(
                "A",
                "A",
                "G",
                10,
                6,
                4,
                0,
                10,
                10,
                0,
                0,
                0,
                0,
                0,
                0,
                Map.of(
                        "contacts",
                        new UnitInputs.CriterionCounts(10, 18, 10),
                        "agencies",
                        new UnitInputs.CriterionCounts(10, 19, 10),
                        "attitude",
                        new UnitInputs.CriterionCounts(10, 17, 10)),
                Map.of(5, new BigDecimal("1.00"), 6, new BigDecimal("2.00"), 9, new BigDecimal("1.00")));
        // indicator 2 comes from the same timeliness as 1 by default (no per-unit workflow data), so it is
        // 1.6 here, not the example's 1.7: 14.6 instead of 14.7, still Tốt
        UnitResult r = IndexCalculator.compute(d, List.of(in), Map.of()).getFirst();
        assertThat(r.indicators())
                .extracting(UnitResult.IndicatorResult::average)
                .containsExactly(
                        new BigDecimal("1.60"),
                        new BigDecimal("1.60"),
                        new BigDecimal("1.80"),
                        new BigDecimal("1.90"),
                        new BigDecimal("1.00"),
                        new BigDecimal("2.00"),
                        new BigDecimal("1.70"),
                        new BigDecimal("2.00"),
                        new BigDecimal("1.00"));
        assertThat(r.circular01Total()).isEqualByComparingTo("14.60");
        assertThat(r.circular01Band()).isEqualTo(Circular01Band.GOOD);
    }

    @Test
    void complaints_indicator_8_gives_2_at_100_percent_1_from_90_and_0_below() {
        Methodology.Definition d = defaults();
        assertThat(indicator8(d, 0, 0)).isEqualByComparingTo("2");
        assertThat(indicator8(d, 10, 10)).isEqualByComparingTo("2");
        assertThat(indicator8(d, 10, 9)).isEqualByComparingTo("1");
        assertThat(indicator8(d, 100, 89)).isEqualByComparingTo("0");
    }

    private static BigDecimal indicator8(Methodology.Definition d, long complaints, long onTime) {
        return IndexCalculator.compute(d, List.of(unit("A", "G", 0, 0, complaints, onTime)), Map.of())
                .getFirst()
                .indicators()
                .get(7)
                .average();
    }

    @Test
    void units_are_ranked_within_their_peer_group_with_shared_ranks_and_a_change_against_last_time() {
        List<UnitResult> r = IndexCalculator.compute(
                defaults(),
                List.of(
                        unit("S1", "SO", 10, 9, 0, 0),
                        unit("S2", "SO", 10, 9, 0, 0),
                        unit("S3", "SO", 10, 8, 0, 0),
                        unit("X1", "XA", 4, 1, 0, 0),
                        unit("X2", "XA", 0, 0, 0, 0)),
                Map.of("S3", 1, "S1", 2));
        Map<String, UnitResult> by = IndexSnapshotTest.byCode(r);
        assertThat(by.get("S1").rank()).isEqualTo(1);
        assertThat(by.get("S2").rank()).isEqualTo(1);
        assertThat(by.get("S3").rank()).isEqualTo(3);
        assertThat(by.get("S3").rankChange()).isEqualTo(-2);
        assertThat(by.get("S1").rankChange()).isEqualTo(1);
        assertThat(by.get("S2").rankChange()).isNull();
        assertThat(by.get("X1").rank()).isEqualTo(1);
        assertThat(by.get("X2").rank()).isNull();
        assertThat(by.get("X2").flags()).containsExactly("NO_RATINGS", "MISSING_INDICATORS", "UNRANKED");
        // 36.5 × 0.90 = 32.85 → 90 % of the maximum → Nhóm I; 36.5 × 0.25 = 9.125 → 9.13 → 25.01 % → Nhóm IV
        assertThat(by.get("S1").parSurveyPoints()).isEqualByComparingTo("32.85");
        assertThat(by.get("S1").parBand()).isEqualTo("Nhóm I");
        assertThat(by.get("X1").parSurveyPoints()).isEqualByComparingTo("9.13");
        assertThat(by.get("X1").parBand()).isEqualTo("Nhóm IV");
    }

    @Test
    void decision_766_counts_late_complained_and_dissatisfied_dossiers_once_each() {
        // domain.md §3: 2,500 dossiers, 30 "Không hài lòng", 10 more with a complaint or late → 98.4 %
        UnitInputs in =
                new UnitInputs("A", "A", "G", 2500, 2490, 0, 10, 100, 70, 30, 0, 40, 0, 0, 0, Map.of(), Map.of());
        UnitResult r =
                IndexCalculator.compute(defaults(), List.of(in), Map.of()).getFirst();
        assertThat(r.decision766().dossierSatisfaction().ratePercent()).isEqualByComparingTo("98.40");
        assertThat(r.decision766().dossierSatisfaction().points()).isEqualByComparingTo("5.90");
        assertThat(r.decision766().totalPoints()).isEqualByComparingTo("17.90");
    }

    @Test
    void the_same_inputs_always_give_the_same_hash_and_any_change_another() {
        var a = new IndexComputationService.CanonicalInputs(
                "s",
                "2026",
                UUID.fromString("018f0000-0000-7000-8000-00000000a001"),
                1,
                List.of(unit("A", "G", 3, 2, 0, 0)),
                new TreeMap<>(Map.of("A", 1)));
        var same = new IndexComputationService.CanonicalInputs(
                "s", "2026", a.methodologyId(), 1, List.of(unit("A", "G", 3, 2, 0, 0)), new TreeMap<>(Map.of("A", 1)));
        var other = new IndexComputationService.CanonicalInputs(
                "s", "2026", a.methodologyId(), 1, List.of(unit("A", "G", 3, 1, 0, 0)), new TreeMap<>(Map.of("A", 1)));
        assertThat(IndexComputationService.hash(a))
                .isEqualTo(IndexComputationService.hash(same))
                .hasSize(64);
        assertThat(IndexComputationService.hash(other)).isNotEqualTo(IndexComputationService.hash(a));
    }
}
