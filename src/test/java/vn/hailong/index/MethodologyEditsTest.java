package vn.hailong.index;

import java.math.BigDecimal;
import java.util.List;

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
                Methodology.EntryFallback.NONE);
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
                e.entryFallback());
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
                                        "ranking.minimumRatings"));
    }
}
