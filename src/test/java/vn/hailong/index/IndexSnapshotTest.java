package vn.hailong.index;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Computing, publishing and explaining a period on the real database, with figures computed by
 * hand. Each test uses a scheme of its own, so published periods of other tests never clash.
 */
@HaiLongTest
class IndexSnapshotTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    IndexSnapshotService snapshots;

    @Autowired
    IndexComputationService computations;

    @Autowired
    IndexPublicationService publications;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    UnitIndicatorService indicators;

    @Autowired
    JdbcTemplate jdbc;

    IndexFixture data;
    String scheme;
    String unitA;
    String unitB;
    String unitC;

    static final LocalDate MARCH = LocalDate.of(2026, 3, 10);

    @BeforeEach
    void province() {
        data = new IndexFixture(port, accounts);
        data.signIn(data.account(Role.PROVINCE_MANAGER, null));
        scheme = "t-" + TestData.uniqueSuffix().toLowerCase();
        // The units here have a handful of ratings: no minimum sample, so that they are ranked.
        methodologies.addVersion(
                scheme,
                "H56",
                null,
                "Thử nghiệm",
                methodologies.forYear("default", 2026).definition().withMinimumRatings(0));

        unitA = data.unit("Sở A");
        unitB = data.unit("Sở B");
        unitC = data.unit("Sở C");
        String a1 = data.dossier(unitA, MARCH, 3);
        String a2 = data.dossier(unitA, MARCH, 3);
        String a3 = data.dossier(unitA, MARCH, 3);
        String a4 = data.dossier(unitA, MARCH, 3);
        data.rating(a1, "VERY_SATISFIED", "VERY_SATISFIED", "NONE");
        data.rating(a2, "SATISFIED", "SATISFIED", "ONCE");
        data.rating(a3, "DISSATISFIED", "DISSATISFIED", "MORE");
        data.complaint(a4, MARCH.plusDays(5), true, true);
        String b1 = data.dossier(unitB, MARCH, -1);
        String b2 = data.dossier(unitB, MARCH, 3);
        data.rating(b1, "VERY_SATISFIED", null, null);
        data.rating(b2, "VERY_SATISFIED", null, null);
        data.dossier(unitC, MARCH, 3);
        indicators.enter(
                unitA, "2026-03", Map.of(5, new BigDecimal("2"), 6, new BigDecimal("1.5"), 9, BigDecimal.ONE), "quý I");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_default_methodology_is_domain_md_and_loads_from_the_migration() {
        Methodology m = methodologies.forYear("default", 2026);
        // v2 (V87) is v1 with every setting stated and the minimum sample of 30
        assertThat(m.version()).isEqualTo(2);
        assertThat(m.definition().ranking().minimumRatings()).isEqualTo(30);
        Methodology v1 = methodologies.versions("default").getLast();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.definition().ranking().minimumRatings()).isZero();
        assertThat(m.definition().withMinimumRatings(0)).isEqualTo(v1.definition());
        assertThat(m.definition().circular01()).isEqualTo(Circular01Rules.defaults());
        assertThat(m.definition().decision766()).isEqualTo(Decision766Rules.defaults());
        assertThat(m.definition().par().component()).isEqualTo(ParSurveyComponent.defaults());
        assertThat(m.definition().indicator(8).source()).isEqualTo(IndicatorSource.COMPLAINTS_ON_TIME);
        assertThatThrownBy(() -> methodologies.forYear("no-such-scheme", 2026))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("scheme"));
    }

    @Test
    void a_computed_month_holds_every_units_hand_computed_figures() {
        Snapshot draft = computations.compute(scheme, "2026-03");
        assertThat(draft.status()).isEqualTo(SnapshotStatus.DRAFT);
        assertThat(draft.inputsHash()).hasSize(64);
        Map<String, UnitResult> r = byCode(snapshots.draftResults(draft.id()));

        UnitResult a = r.get(unitA);
        assertThat(a.dossiers()).isEqualTo(4);
        assertThat(a.ratings()).isEqualTo(3);
        // 2 of 3 satisfied or very satisfied
        assertThat(a.satisfactionRate()).isEqualByComparingTo("66.67");
        // indicators: 1 = 2 = 8/4; 3 = 3/3; 4 absent; 5, 6, 9 entered; 7 = 3/3; 8 = one complaint, on time
        assertThat(a.indicators())
                .extracting(UnitResult.IndicatorResult::average)
                .containsExactly(
                        new BigDecimal("2.00"),
                        new BigDecimal("2.00"),
                        new BigDecimal("1.00"),
                        null,
                        new BigDecimal("2.00"),
                        new BigDecimal("1.50"),
                        new BigDecimal("1.00"),
                        new BigDecimal("2.00"),
                        new BigDecimal("1.00"));
        assertThat(a.circular01Total()).isEqualByComparingTo("12.50");
        assertThat(a.circular01Band()).isEqualTo(Circular01Band.GOOD);
        assertThat(a.missingIndicators()).containsExactly(4);
        // 766: a3 rated "Không hài lòng", a4 has a complaint about handling → 2 of 4 not satisfied
        assertThat(a.decision766().dossierSatisfaction().ratePercent()).isEqualByComparingTo("50.00");
        assertThat(a.decision766().dossierSatisfaction().points()).isEqualByComparingTo("3.00");
        assertThat(a.decision766().totalPoints()).isEqualByComparingTo("15.00");
        // PAR: 36.5 × 0.6667 = 24.33
        assertThat(a.parSurveyPoints()).isEqualByComparingTo("24.33");

        UnitResult b = r.get(unitB);
        assertThat(b.satisfactionRate()).isEqualByComparingTo("100.00");
        assertThat(b.parSurveyPoints()).isEqualByComparingTo("36.50");
        // the late dossier is not satisfied although rated very satisfied
        assertThat(b.decision766().dossierSatisfaction().ratePercent()).isEqualByComparingTo("50.00");
        assertThat(b.indicators().getFirst().average()).isEqualByComparingTo("1.00");
        assertThat(b.rank()).isEqualTo(1);
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.peerGroup()).isEqualTo(data.peerGroup);

        UnitResult c = r.get(unitC);
        assertThat(c.rank()).isNull();
        assertThat(c.flags()).contains("NO_RATINGS", "UNRANKED");
    }

    @Test
    void a_published_snapshot_never_changes_and_recomputes_to_the_same_numbers() {
        Snapshot draft = computations.compute(scheme, "2026-03");
        Snapshot published = publications.publish(draft.id());
        assertThat(published.status()).isEqualTo(SnapshotStatus.PUBLISHED);
        List<UnitResult> before = snapshots.publishedResults(scheme, "2026-03", data.peerGroup);
        assertThat(before).extracting(UnitResult::unitCode).containsExactly(unitB, unitA, unitC);

        assertThatThrownBy(() -> computations.compute(scheme, "2026-03")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> publications.publish(draft.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> publications.discardDraft(draft.id())).isInstanceOf(ConflictException.class);
        // and the database itself refuses to delete it
        assertThatThrownBy(() -> jdbc.update(
                        "DELETE FROM index_snapshot WHERE id = ?", draft.id().toString()))
                .isInstanceOf(DataIntegrityViolationException.class);

        // new data and a new methodology version change nothing that was published
        data.rating(data.dossier(unitC, MARCH, 3), "DISSATISFIED", null, null);
        Methodology.Definition d = methodologies.forYear(scheme, 2026).definition();
        methodologies.addVersion(
                scheme,
                "H56",
                2026,
                "Trọng số mới",
                d.withPar(new Methodology.ParSurvey(
                        new ParSurveyComponent(
                                new BigDecimal("20"), new BigDecimal("20"), Rounding.twoDecimalsHalfUp()),
                        d.par().bands(),
                        d.par().bandBasis())));
        assertThat(methodologies.forYear(scheme, 2026).version()).isEqualTo(2);
        assertThat(snapshots.publishedResults(scheme, "2026-03", data.peerGroup))
                .isEqualTo(before);
        assertThat(snapshots.published(scheme, "2026-03").orElseThrow().methodologyVersion())
                .isEqualTo(1);

        Recomputation again = computations.recompute(draft.id());
        assertThat(again.identical()).isTrue();
        assertThat(again.recomputedHash()).isEqualTo(published.inputsHash());
    }

    @Test
    void a_correction_replaces_the_published_figures_with_a_reason_and_keeps_the_old_ones() {
        assertThatThrownBy(() -> computations.computeCorrection(scheme, "2026-03"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).contains("not published"));
        Snapshot first =
                publications.publish(computations.compute(scheme, "2026-03").id());
        List<UnitResult> before = snapshots.publishedResults(scheme, "2026-03", data.peerGroup);

        // an error is found: unit C's rating had not been pushed by the one-stop software
        data.rating(data.dossier(unitC, MARCH, 3), "VERY_SATISFIED", null, null);
        Snapshot draft = computations.computeCorrection(scheme, "2026-03");
        assertThat(draft.status()).isEqualTo(SnapshotStatus.DRAFT);
        assertThat(draft.inputsHash()).isNotEqualTo(first.inputsHash());
        // until the correction is published, the published figures stand
        assertThat(snapshots.publishedResults(scheme, "2026-03", data.peerGroup))
                .isEqualTo(before);
        // it is not published as if the period were new, nor without a reason
        assertThatThrownBy(() -> publications.publish(draft.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> publications.publishCorrection(draft.id(), "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("reason"));
        assertThat(snapshots.get(draft.id()).status()).isEqualTo(SnapshotStatus.DRAFT);

        Snapshot corrected = publications.publishCorrection(draft.id(), "Thiếu đánh giá của Sở C do lỗi đồng bộ");
        assertThat(corrected.status()).isEqualTo(SnapshotStatus.PUBLISHED);
        assertThat(corrected.corrects()).isEqualTo(first.id());
        assertThat(corrected.correctionReason()).isEqualTo("Thiếu đánh giá của Sở C do lỗi đồng bộ");
        assertThat(snapshots.published(scheme, "2026-03").orElseThrow().id()).isEqualTo(draft.id());
        Map<String, UnitResult> now = byCode(snapshots.publishedResults(scheme, "2026-03", data.peerGroup));
        assertThat(now.get(unitC).ratings()).isEqualTo(1);
        assertThat(now.get(unitC).rank()).isEqualTo(1);
        assertThat(byCode(before).get(unitC).rank()).isNull();

        // the corrected snapshot is kept, listed, explainable and protected, with unchanged figures
        Snapshot old = snapshots.get(first.id());
        assertThat(old.status()).isEqualTo(SnapshotStatus.CORRECTED);
        assertThat(old.correctedBy()).isEqualTo(draft.id());
        assertThat(snapshots.publicationHistory(scheme, "2026-03"))
                .extracting(Snapshot::id)
                .containsExactly(draft.id(), first.id());
        assertThat(snapshots.explain(first.id(), unitC).result().ratings()).isZero();
        assertThat(computations.recompute(first.id()).identical()).isTrue();
        assertThat(snapshots.published())
                .extracting(Snapshot::id)
                .contains(draft.id())
                .doesNotContain(first.id());
        assertThatThrownBy(() -> jdbc.update(
                        "DELETE FROM index_snapshot WHERE id = ?", draft.id().toString()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> publications.discardDraft(draft.id())).isInstanceOf(ConflictException.class);

        // a correction of the correction chains on; a second correction of the same one is refused
        Snapshot again = computations.computeCorrection(scheme, "2026-03");
        assertThatThrownBy(
                        () -> jdbc.update("""
                INSERT INTO index_correction (snapshot_id, corrects_snapshot_id, scheme, period, reason, published_at, published_by)
                VALUES (?, ?, ?, '2026-03', 'x', NOW(), 'test')""", again.id().toString(), first.id().toString(), scheme))
                .isInstanceOf(DataIntegrityViolationException.class);
        publications.publishCorrection(again.id(), "Lần hai");
        assertThat(snapshots.publicationHistory(scheme, "2026-03"))
                .extracting(Snapshot::status)
                .containsExactly(SnapshotStatus.PUBLISHED, SnapshotStatus.CORRECTED, SnapshotStatus.CORRECTED);
    }

    @Test
    void a_methodology_may_measure_satisfaction_on_another_criterion() {
        Methodology.Definition d = methodologies.forYear(scheme, 2026).definition();
        // unit A's "attitude" answers: very satisfied, satisfied, dissatisfied → 2 of 3; its overall answers the same
        // unit B answered no criterion: no rate at all under this rule
        methodologies.addVersion(
                scheme,
                "H56",
                2026,
                "Theo thái độ",
                d.withSatisfaction(new Methodology.SatisfactionRule(
                        "contacts", 2, d.satisfaction().rateRounding())));
        Map<String, UnitResult> r = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        // "contacts": NONE (2 points), ONCE (1), MORE (0): from 2 points only one of three
        assertThat(r.get(unitA).satisfactionRate()).isEqualByComparingTo("33.33");
        assertThat(r.get(unitB).satisfactionRate()).isNull();
        assertThat(r.get(unitB).rank()).isNull();
    }

    @Test
    void a_new_methodology_version_is_read_from_json_and_bad_rules_are_named() {
        Methodology.Definition d = methodologies.forYear(scheme, 2026).definition();
        String json = MethodologyService.toJson(d);
        assertThat(MethodologyService.parseDefinition(json)).isEqualTo(d);
        Methodology v2 = methodologies.addVersion(
                scheme,
                " ",
                2027,
                "Năm 2027",
                json.replace("\"satisfiedMinPoints\" : 1", "\"satisfiedMinPoints\" : 2"));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.province()).isNull();
        assertThat(v2.definition().satisfaction().satisfiedMinPoints()).isEqualTo(2);
        assertThat(methodologies.forYear(scheme, 2027).id()).isEqualTo(v2.id());
        assertThat(methodologies.forYear(scheme, 2026).version()).isEqualTo(1);

        assertThatThrownBy(() -> methodologies.addVersion(scheme, null, null, "x", "{ not json"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("definition"));
        String eightTwice = json.replace("\"number\" : 9", "\"number\" : 8");
        assertThatThrownBy(() -> methodologies.addVersion(scheme, null, null, "x", eightTwice))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message()).contains("each once"));
        String noRounding = json.replaceFirst("\"rateRounding\" : \\{[^}]*}", "\"rateRounding\" : null");
        assertThatThrownBy(() -> methodologies.addVersion(scheme, null, null, "x", noRounding))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("satisfaction")
                                .contains("rateRounding"));
        assertThatThrownBy(() -> methodologies.addVersion(scheme, null, 1999, "x", json))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("year"));
        assertThatThrownBy(() -> methodologies.addVersion(scheme, null, null, " ", json))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("name"));
        assertThat(methodologies.versions(scheme)).hasSize(2);
    }

    @Test
    void recomputing_a_draft_replaces_it_and_the_hash_follows_the_inputs() {
        Snapshot first = computations.compute(scheme, "2026-03");
        Snapshot same = computations.compute(scheme, "2026-03");
        assertThat(same.inputsHash()).isEqualTo(first.inputsHash());
        assertThatThrownBy(() -> snapshots.get(first.id())).isInstanceOf(NotFoundException.class);
        indicators.enter(unitB, "2026", Map.of(5, BigDecimal.ONE), null);
        Snapshot changed = computations.compute(scheme, "2026-03");
        assertThat(changed.inputsHash()).isNotEqualTo(first.inputsHash());
        // the year's entry stands in for the month without its own
        assertThat(byCode(snapshots.draftResults(changed.id()))
                        .get(unitB)
                        .indicators()
                        .get(4)
                        .average())
                .isEqualByComparingTo("1.00");
    }

    @Test
    void the_rank_change_compares_with_the_previous_published_period_of_the_same_granularity() {
        publications.publish(computations.compute(scheme, "2026-03").id());
        LocalDate april = LocalDate.of(2026, 4, 8);
        data.rating(data.dossier(unitA, april, 2), "VERY_SATISFIED", null, null);
        data.rating(data.dossier(unitB, april, 2), "DISSATISFIED", null, null);
        Map<String, UnitResult> r = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-04").id()));
        assertThat(r.get(unitA).rank()).isEqualTo(1);
        assertThat(r.get(unitA).rankChange()).isEqualTo(1);
        assertThat(r.get(unitB).rank()).isEqualTo(2);
        assertThat(r.get(unitB).rankChange()).isEqualTo(-1);
        // a quarter has no previous published quarter: no change
        Map<String, UnitResult> q = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-Q2").id()));
        assertThat(q.get(unitA).rankChange()).isNull();
    }

    @Test
    void a_unit_manager_sees_only_published_explanations_of_their_own_units() {
        UUID id = computations.compute(scheme, "2026-03").id();
        String manager = data.account(Role.UNIT_MANAGER, unitA);
        data.signIn(manager);
        assertThatThrownBy(() -> snapshots.explain(id, unitA)).isInstanceOf(AccessDeniedException.class);
        data.signIn(data.account(Role.PROVINCE_MANAGER, null));
        publications.publish(id);
        data.signIn(manager);
        Explanation e = snapshots.explain(id, unitA);
        assertThat(e.inputs().dossiers()).isEqualTo(4);
        assertThat(e.inputs().notSatisfiedDossiers()).isEqualTo(2);
        assertThat(e.methodology().version()).isEqualTo(1);
        assertThatThrownBy(() -> snapshots.explain(id, unitB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> computations.compute(scheme, "2026-05")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unit_indicators_keep_their_history_and_refuse_values_outside_0_to_2() {
        UnitIndicatorService.Entries e = indicators.enter(
                unitA,
                "2026-03",
                Map.of(5, new BigDecimal("1"), 6, new BigDecimal("1.5"), 9, BigDecimal.ONE),
                "sửa chỉ số 5");
        assertThat(e.values()).containsEntry(5, new BigDecimal("1.00"));
        assertThat(e.history()).first().satisfies(c -> {
            assertThat(c.indicator()).isEqualTo(5);
            assertThat(c.previous()).isEqualByComparingTo("2");
            assertThat(c.value()).isEqualByComparingTo("1");
            assertThat(c.note()).isEqualTo("sửa chỉ số 5");
        });
        assertThat(e.history()).hasSize(4);
        assertThatThrownBy(() -> indicators.enter(unitA, "2026-03", Map.of(6, new BigDecimal("2.5")), null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.errors().getFirst().field()).isEqualTo("indicator6"));
        assertThatThrownBy(() -> indicators.enter(unitA, "2026-13", Map.of(6, BigDecimal.ONE), null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.errors().getFirst().field()).isEqualTo("period"));
    }

    @Test
    void under_the_default_minimum_sample_units_with_a_handful_of_ratings_are_listed_but_not_ranked() {
        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Cỡ mẫu 30",
                methodologies.forYear("default", 2026).definition());
        Map<String, UnitResult> r = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        assertThat(r.get(unitA).rank()).isNull();
        assertThat(r.get(unitA).flags()).contains("INSUFFICIENT_SAMPLE", "UNRANKED");
        assertThat(r.get(unitB).rank()).isNull();
        assertThat(r.get(unitB).parSurveyPoints()).isEqualByComparingTo("36.50");
        // B (36.50) before A (24.33) by the ranked figure, C (no ratings) last
        assertThat(snapshots
                        .draftResults(computations.compute(scheme, "2026-03").id())
                        .stream()
                        .filter(u -> u.peerGroup().equals(data.peerGroup)))
                .extracting(UnitResult::unitCode)
                .containsExactly(unitB, unitA, unitC);
        assertThat(r.get(unitA).satisfaction().sampleSize()).isEqualTo(3);
        assertThat(r.get(unitA).satisfaction().satisfied()).isEqualTo(2);
    }

    @Test
    void a_dossier_returned_at_19_00_on_its_day_due_at_17_00_is_late_by_the_instant_and_on_time_by_the_date() {
        String unit = data.unit("Sở D");
        LocalDate day = LocalDate.of(2026, 3, 20);
        data.dossierDueAndReturned(unit, day, "17:00", day, "19:00");
        data.dossierDueAndReturned(unit, day.minusDays(1), "17:00", day.minusDays(1), "23:30");
        // 06:00 the next morning in Vietnam is still the due day in UTC: late by the date all the same
        data.dossierDueAndReturned(unit, day.minusDays(3), "17:00", day.minusDays(2), "06:00");
        UnitResult byInstant = byCode(snapshots.draftResults(
                        computations.compute(scheme, "2026-03").id()))
                .get(unit);
        assertThat(byInstant.indicators().getFirst().note())
                .isEqualTo("0 sớm hạn × 2 + 0 đúng hạn × 1 + 3 trễ hạn × 0");
        assertThat(byInstant.decision766().dossierSatisfaction().ratePercent()).isEqualByComparingTo("0.00");

        Methodology.Definition d = methodologies.forYear(scheme, 2026).definition();
        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Theo ngày",
                d.withDossiers(new Methodology.DossierRules(
                        Methodology.OnTimeBy.DUE_DATE, d.dossiers().withoutDossiers())));
        Map<String, UnitResult> r = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        UnitResult byDate = r.get(unit);
        assertThat(byDate.indicators().getFirst().note()).isEqualTo("0 sớm hạn × 2 + 2 đúng hạn × 1 + 1 trễ hạn × 0");
        assertThat(byDate.decision766().dossierSatisfaction().ratePercent()).isEqualByComparingTo("66.67");
        // unit B's dossiers (returned 10:00, due three days later or a day before) read the same either way
        assertThat(r.get(unitB).indicators().getFirst().note())
                .isEqualTo("1 sớm hạn × 2 + 0 đúng hạn × 1 + 1 trễ hạn × 0");
    }

    @Test
    void a_months_missing_entries_fall_back_to_the_years_as_the_methodology_says() {
        // unit A: the month has 5, 6, 9; the year adds 5 (overridden) — unit B: only the year, with 5
        indicators.enter(unitA, "2026", Map.of(5, BigDecimal.ZERO), null);
        indicators.enter(unitB, "2026", Map.of(5, BigDecimal.ONE), null);
        indicators.enter(unitC, "2026-03", Map.of(6, BigDecimal.ONE), null);
        indicators.enter(unitC, "2026", Map.of(9, new BigDecimal("2")), null);
        Methodology.Definition d = methodologies.forYear(scheme, 2026).definition();

        Map<String, UnitResult> perIndicator = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        assertThat(entered(perIndicator.get(unitA)))
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("1.50"), new BigDecimal("1.00"));
        assertThat(entered(perIndicator.get(unitB))).containsExactly(new BigDecimal("1.00"), null, null);
        assertThat(entered(perIndicator.get(unitC)))
                .containsExactly(null, new BigDecimal("1.00"), new BigDecimal("2.00"));

        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Cả kỳ",
                d.withUnitEntries(new Methodology.EntryRules(Methodology.EntryFallback.WHOLE_PERIOD)));
        Map<String, UnitResult> whole = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        assertThat(entered(whole.get(unitB))).containsExactly(new BigDecimal("1.00"), null, null);
        assertThat(entered(whole.get(unitC))).containsExactly(null, new BigDecimal("1.00"), null);

        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Không",
                d.withUnitEntries(new Methodology.EntryRules(Methodology.EntryFallback.NONE)));
        Map<String, UnitResult> none = byCode(
                snapshots.draftResults(computations.compute(scheme, "2026-03").id()));
        assertThat(entered(none.get(unitB))).containsExactly(null, null, null);
        assertThat(entered(none.get(unitC))).containsExactly(null, new BigDecimal("1.00"), null);
        assertThat(entered(none.get(unitA)))
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("1.50"), new BigDecimal("1.00"));
    }

    @Test
    void indicator_8_is_refused_naming_the_field_unless_a_methodology_of_the_year_takes_it_from_entries() {
        assertThatThrownBy(() -> indicators.enter(unitA, "2031-03", Map.of(8, BigDecimal.ONE), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().getFirst().field()).isEqualTo("indicator8");
                    assertThat(e.errors().getFirst().message()).contains("[5, 6, 9]");
                });
        // "not entered" is always fine
        indicators.enter(unitA, "2031-03", HashMap.newHashMap(1), null);
        Methodology.Definition d = methodologies.forYear(scheme, 2031).definition();
        List<Methodology.Indicator> eightEntered = d.indicators().stream()
                .map(i -> i.number() == 8 ? new Methodology.Indicator(8, IndicatorSource.UNIT_ENTRY, null) : i)
                .toList();
        methodologies.addVersion(scheme, null, 2031, "Chỉ số 8 do đơn vị nhập", d.withIndicators(eightEntered));
        assertThat(indicators
                        .enter(unitA, "2031-03", Map.of(8, BigDecimal.ONE), null)
                        .values())
                .containsEntry(8, new BigDecimal("1.00"));
        UnitResult a = byCode(snapshots.draftResults(
                        computations.compute(scheme, "2031-03").id()))
                .get(unitA);
        assertThat(a.indicators().get(7).average()).isEqualByComparingTo("1.00");
        assertThat(a.indicators().get(7).source()).isEqualTo(IndicatorSource.UNIT_ENTRY);
    }

    private static List<BigDecimal> entered(UnitResult r) {
        return Stream.of(4, 5, 8).map(i -> r.indicators().get(i).average()).toList();
    }

    static Map<String, UnitResult> byCode(List<UnitResult> results) {
        return results.stream().collect(Collectors.toMap(UnitResult::unitCode, r -> r));
    }
}
