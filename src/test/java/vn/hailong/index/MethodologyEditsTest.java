package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The methodology form's values: unchanged values give the same rules, each bad value is named by its JSON path. */
class MethodologyEditsTest {

    private static final Methodology.Definition D = IndexCalculatorTest.defaults();

    @Test
    void the_values_of_a_version_applied_to_it_give_it_back() {
        assertThat(MethodologyEdits.of(D).applyTo(D)).isEqualTo(D);
    }

    @Test
    void changed_values_change_only_their_rules() {
        MethodologyEdits e = MethodologyEdits.of(D);
        MethodologyEdits changed = new MethodologyEdits(
                e.excellentAbove(),
                e.goodFrom(),
                e.fairFrom(),
                e.averageFrom(),
                e.complaintsFullPercent(),
                e.complaintsPartialPercent(),
                e.satisfiedMinPoints(),
                e.dossierMaxPoints(),
                new BigDecimal("95"),
                e.onTimeMaxPoints(),
                e.onTimeTargetPercent(),
                e.complaintMaxPoints(),
                e.complaintTargetPercent(),
                PointsCurve.STEP,
                e.parWeight(),
                e.parMaxPoints(),
                e.parBands(),
                Methodology.ParBandBasis.SATISFACTION_RATE,
                e.rankBy(),
                e.withinPeerGroups(),
                30,
                Methodology.OnTimeBy.DUE_DATE,
                e.withoutDossiers(),
                Methodology.EntryFallback.NONE,
                e.indicators(),
                e.roundings());
        Methodology.Definition d = changed.applyTo(D);
        assertThat(d.decision766().dossierSatisfaction().targetPercent()).isEqualByComparingTo("95");
        assertThat(d.decision766().curve()).isEqualTo(PointsCurve.STEP);
        assertThat(d.par().bandBasis()).isEqualTo(Methodology.ParBandBasis.SATISFACTION_RATE);
        assertThat(d.ranking().minimumRatings()).isEqualTo(30);
        assertThat(d.dossiers().onTimeBy()).isEqualTo(Methodology.OnTimeBy.DUE_DATE);
        assertThat(d.unitEntries().fallback()).isEqualTo(Methodology.EntryFallback.NONE);
        assertThat(d.indicators()).isEqualTo(D.indicators());
        assertThat(d.circular01()).isEqualTo(D.circular01());
    }

    @Test
    void every_bad_value_is_named_by_its_path_and_nothing_is_built() {
        MethodologyEdits e = MethodologyEdits.of(D);
        MethodologyEdits bad = new MethodologyEdits(
                e.excellentAbove(),
                new BigDecimal("16"),
                new BigDecimal("9"),
                null,
                new BigDecimal("90"),
                new BigDecimal("95"),
                3,
                e.dossierMaxPoints(),
                BigDecimal.ZERO,
                e.onTimeMaxPoints(),
                e.onTimeTargetPercent(),
                e.complaintMaxPoints(),
                e.complaintTargetPercent(),
                null,
                e.parWeight(),
                e.parMaxPoints(),
                List.of(
                        new MethodologyEdits.Group("Nhóm I", new BigDecimal("90")),
                        new MethodologyEdits.Group(" ", new BigDecimal("120"))),
                e.bandBasis(),
                e.rankBy(),
                e.withinPeerGroups(),
                -1,
                e.onTimeBy(),
                e.withoutDossiers(),
                e.entryFallback(),
                badSources(e.indicators()),
                badRoundings(e.roundings()));
        assertThatThrownBy(() -> bad.applyTo(D))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.errors())
                                .extracting(InvalidInputException.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "circular01.bands.goodFrom",
                                        "circular01.bands.averageFrom",
                                        "complaintsIndicator.partialPercent",
                                        "satisfaction.satisfiedMinPoints",
                                        "decision766.dossierSatisfaction.targetPercent",
                                        "decision766.curve",
                                        "par.bands[1].name",
                                        "par.bands[1].fromPercent",
                                        "ranking.minimumRatings",
                                        "indicators[0].source",
                                        "indicators[2].criterion",
                                        "indicators[6].source",
                                        "decision766.pointsRounding.scale",
                                        "par.component.rounding.mode"));
    }

    @Test
    void sources_and_roundings_chosen_in_the_form_change_the_rules() {
        MethodologyEdits e = MethodologyEdits.of(D);
        List<MethodologyEdits.Source> sources = new ArrayList<>(e.indicators());
        // Indicator 8 entered by the unit instead of computed from complaints; indicator 3 from another question.
        sources.set(7, new MethodologyEdits.Source(IndicatorSource.UNIT_ENTRY, null));
        sources.set(2, new MethodologyEdits.Source(IndicatorSource.CITIZEN_ANSWER, "attitude"));
        Map<String, MethodologyEdits.Decimals> roundings = new LinkedHashMap<>(e.roundings());
        roundings.put("decision766.pointsRounding", new MethodologyEdits.Decimals(1, RoundingMode.HALF_EVEN));
        Methodology.Definition d = with(e, sources, roundings).applyTo(D);
        assertThat(d.indicator(8).source()).isEqualTo(IndicatorSource.UNIT_ENTRY);
        assertThat(d.indicator(3).criterion()).isEqualTo("attitude");
        assertThat(d.enteredIndicators()).containsExactly(5, 6, 8, 9);
        assertThat(d.decision766().pointsRounding()).isEqualTo(new Rounding(1, RoundingMode.HALF_EVEN));
        assertThat(d.decision766().rateRounding()).isEqualTo(D.decision766().rateRounding());
        assertThat(d.circular01()).isEqualTo(D.circular01());
    }

    static List<MethodologyEdits.Source> badSources(List<MethodologyEdits.Source> good) {
        List<MethodologyEdits.Source> s = new ArrayList<>(good);
        s.set(0, new MethodologyEdits.Source(null, null));
        s.set(2, new MethodologyEdits.Source(IndicatorSource.CITIZEN_ANSWER, " "));
        s.set(6, new MethodologyEdits.Source(IndicatorSource.UNIT_ENTRY, null)); // 7 is never entered
        return s;
    }

    static Map<String, MethodologyEdits.Decimals> badRoundings(Map<String, MethodologyEdits.Decimals> good) {
        Map<String, MethodologyEdits.Decimals> r = new LinkedHashMap<>(good);
        r.put("decision766.pointsRounding", new MethodologyEdits.Decimals(9, RoundingMode.HALF_UP));
        r.put("par.component.rounding", new MethodologyEdits.Decimals(2, null));
        return r;
    }

    static MethodologyEdits with(
            MethodologyEdits e,
            List<MethodologyEdits.Source> sources,
            Map<String, MethodologyEdits.Decimals> roundings) {
        return new MethodologyEdits(
                e.excellentAbove(),
                e.goodFrom(),
                e.fairFrom(),
                e.averageFrom(),
                e.complaintsFullPercent(),
                e.complaintsPartialPercent(),
                e.satisfiedMinPoints(),
                e.dossierMaxPoints(),
                e.dossierTargetPercent(),
                e.onTimeMaxPoints(),
                e.onTimeTargetPercent(),
                e.complaintMaxPoints(),
                e.complaintTargetPercent(),
                e.curve(),
                e.parWeight(),
                e.parMaxPoints(),
                e.parBands(),
                e.bandBasis(),
                e.rankBy(),
                e.withinPeerGroups(),
                e.minimumRatings(),
                e.onTimeBy(),
                e.withoutDossiers(),
                e.entryFallback(),
                sources,
                roundings);
    }
}
