package vn.hailong.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Selection;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.index.Methodology;
import vn.hailong.index.internal.PeriodInputsReadModel;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingStatusChanged;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Disputes and decisions on the embedded MariaDB: a second person decides, the rating itself never changes but for its status. */
@HaiLongTest
@RecordApplicationEvents
class ModerationServiceTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ModerationService moderation;

    @Autowired
    RatingService ratings;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    AccountService accounts;

    @Autowired
    DashboardService dashboard;

    @Autowired
    PeriodInputsReadModel indexInputs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    ApplicationEvents events;

    String unit;
    UUID unitId;
    String unitManager;
    String provinceManager;
    String secondProvinceManager;
    int sequence;

    @BeforeEach
    void aUnitWithItsManagers() {
        unit = TestData.agencyCode();
        unitId = directory
                .upsertUnit(
                        unit, new UnitChange("Sở thử nghiệm kiểm duyệt", "DEPARTMENT", null, null, null, null, null))
                .unit()
                .id();
        unitManager = account(Role.UNIT_MANAGER, unit);
        provinceManager = account(Role.PROVINCE_MANAGER, null);
        secondProvinceManager = account(Role.PROVINCE_MANAGER, null);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    String account(Role role, String agencyCode) {
        String username = "mod-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "Mod-passw0rd!", "Người kiểm duyệt", role, agencyCode);
        return username;
    }

    void as(String username, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }

    /** A dossier returned two hours ago. */
    DossierDetails returnedDossier() {
        return intake.upsert(
                        TestData.dossierCode(unit, ++sequence),
                        TestData.returnedDossier(unit, Instant.now().minus(2, ChronoUnit.HOURS), List.of()))
                .dossier();
    }

    RatingOutcome rate(DossierDetails d, String overall, String comment) {
        SecurityContextHolder.clearContext();
        return ratings.submit(new RatingSubmission(
                d.code(),
                "QR",
                "mod-" + UUID.randomUUID(),
                Map.of("overall", overall),
                overall.equals("DISSATISFIED") ? List.of("OTHER") : List.of(),
                comment,
                null));
    }

    /** Every column of the rating row and of its answers and reasons, as bytes in hex. */
    Map<String, Object> ratingBytes(UUID ratingId) {
        String columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'rating'
                ORDER BY ordinal_position""", String.class).stream()
                .map(c -> "HEX(CAST(`" + c + "` AS BINARY)) AS `" + c + "`")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        Map<String, Object> row =
                new TreeMap<>(jdbc.queryForMap("SELECT " + columns + " FROM rating WHERE id = ?", ratingId.toString()));
        row.put(
                "answers",
                jdbc.queryForList(
                        "SELECT HEX(CONCAT_WS('|', criterion_key, option_key, points)) FROM rating_answer WHERE rating_id = ? "
                                + "ORDER BY criterion_key",
                        String.class,
                        ratingId.toString()));
        row.put(
                "reasons",
                jdbc.queryForList(
                        "SELECT HEX(reason_code) FROM rating_reason WHERE rating_id = ? ORDER BY reason_code",
                        String.class,
                        ratingId.toString()));
        return row;
    }

    /** The dashboard's figures, once the rollups have taken in every change so far (they follow through the outbox). */
    Figures today() {
        rollups.drainAll();
        as(provinceManager, Role.PROVINCE_MANAGER);
        DashboardPeriod period = DashboardPeriod.custom(LocalDate.now(VIETNAM).minusDays(1), LocalDate.now(VIETNAM));
        return dashboard.headline(new Selection(period, unitId)).current();
    }

    PeriodInputsReadModel.Counts indexCounts() {
        Instant now = Instant.now();
        return indexInputs
                .counts(
                        now.minus(1, ChronoUnit.DAYS),
                        now.plus(1, ChronoUnit.HOURS),
                        new PeriodInputsReadModel.Reading(
                                1, Methodology.OnTimeBy.DUE_INSTANT, 7 * 3600, Methodology.EntryFallback.PER_INDICATOR),
                        "2099",
                        null)
                .get(unitId);
    }

    @Test
    void an_upheld_dispute_excludes_the_rating_without_touching_anything_else_of_it() {
        DossierDetails abusive = returnedDossier();
        RatingOutcome rating = rate(abusive, "DISSATISFIED", "Lời lẽ thô tục không thể chấp nhận ***");
        rate(returnedDossier(), "SATISFIED", null);
        Figures before = today();
        PeriodInputsReadModel.Counts indexBefore = indexCounts();
        Map<String, Object> bytesBefore = ratingBytes(rating.ratingId().value());

        as(unitManager, Role.UNIT_MANAGER);
        DisputeDetails dispute = moderation.dispute(
                rating.ratingId(), DisputeReason.ABUSIVE_TEXT, "Bình luận có lời lẽ xúc phạm cán bộ");
        assertThat(dispute.kind()).isEqualTo(DisputeKind.EXCLUDE);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);

        as(provinceManager, Role.PROVINCE_MANAGER);
        DisputeDetails decided = moderation.decide(dispute.id(), true, "Đồng ý loại");
        assertThat(decided.status()).isEqualTo(DisputeStatus.UPHELD);
        assertThat(decided.decidedBy()).isEqualTo(provinceManager);

        // Only the status changed (and the three columns that follow it); the rest is byte-identical.
        Map<String, Object> bytesAfter = ratingBytes(rating.ratingId().value());
        assertThat(bytesAfter.get("status")).isEqualTo(hex("EXCLUDED"));
        assertThat(bytesAfter.get("counted_dossier_id")).isNull();
        Map<String, Object> sameBefore = new TreeMap<>(bytesBefore);
        Map<String, Object> sameAfter = new TreeMap<>(bytesAfter);
        assertThat(bytesAfter.get("status_changed_at")).isNotNull();
        for (String changing : List.of("status", "counted_dossier_id", "version", "status_changed_at")) {
            sameBefore.remove(changing);
            sameAfter.remove(changing);
        }
        assertThat(sameAfter)
                .isEqualTo(sameBefore)
                .containsKeys("comment", "overall_option", "submitted_at", "answers", "reasons");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE id = ?",
                        Integer.class,
                        rating.ratingId().toString()))
                .isEqualTo(1);

        // Rollups (dashboard): the rating leaves satisfaction and is counted as excluded.
        Figures after = today();
        assertThat(after.ratings()).isEqualTo(before.ratings() - 1);
        assertThat(after.dissatisfied()).isEqualTo(before.dissatisfied() - 1);
        assertThat(after.excluded()).isEqualTo(before.excluded() + 1);
        assertThat(before.satisfactionRate()).isEqualTo(50.0);
        assertThat(after.satisfactionRate()).isEqualTo(100.0);
        // The index counts it no more either (neither as a rating nor as a "not satisfied" dossier).
        PeriodInputsReadModel.Counts indexAfter = indexCounts();
        assertThat(indexBefore.ratings).isEqualTo(2);
        assertThat(indexBefore.dissatisfied).isEqualTo(1);
        assertThat(indexAfter.ratings).isEqualTo(1);
        assertThat(indexAfter.dissatisfied).isZero();
        assertThat(indexAfter.notSatisfied).isEqualTo(indexBefore.notSatisfied - 1);

        // Events: the rollups' RatingStatusChanged, and moderation's own for the audit log.
        assertThat(events.stream(RatingStatusChanged.class)
                        .filter(e -> e.ratingId().equals(rating.ratingId())))
                .containsExactly(
                        new RatingStatusChanged(rating.ratingId(), RatingStatus.COUNTED, RatingStatus.EXCLUDED));
        assertThat(events.stream(RatingDisputed.class).filter(e -> e.disputeId().equals(dispute.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.raisedBy()).isEqualTo(unitManager));
        assertThat(events.stream(ModerationDecided.class)
                        .filter(e -> e.disputeId().equals(dispute.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.upheld()).isTrue();
                    assertThat(e.decidedBy()).isEqualTo(provinceManager);
                    assertThat(e.ratingStatus()).isEqualTo(RatingStatus.EXCLUDED);
                });

        // The excluded rating still shows (e.g. on its dossier), and the dossier cannot be rated anew.
        assertThat(ratings.ofDossier(abusive.id())).extracting(r -> r.status()).containsExactly(RatingStatus.EXCLUDED);
        assertThatThrownBy(() -> rate(abusive, "SATISFIED", null)).isInstanceOf(ConflictException.class);
        assertThat(ratings.isRated(abusive.id())).isTrue();
    }

    @Test
    void the_person_who_disputed_cannot_decide_and_a_unit_manager_never_decides() {
        RatingOutcome rating = rate(returnedDossier(), "DISSATISFIED", "thử");
        as(provinceManager, Role.PROVINCE_MANAGER);
        DisputeDetails dispute = moderation.dispute(rating.ratingId(), DisputeReason.TEST_OR_DUPLICATE, null);

        assertThatThrownBy(() -> moderation.decide(dispute.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        as(unitManager, Role.UNIT_MANAGER);
        assertThatThrownBy(() -> moderation.decide(dispute.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        as(account(Role.AUDITOR, null), Role.AUDITOR);
        assertThatThrownBy(() -> moderation.decide(dispute.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ratings.exclude(rating.ratingId())).isInstanceOf(AccessDeniedException.class);
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM rating_dispute WHERE id = ?",
                        String.class,
                        dispute.id().toString()))
                .isEqualTo("OPEN");

        // The database refuses it too.
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE rating_dispute SET status = 'UPHELD', open_rating_id = NULL, decided_by = raised_by, "
                                + "decided_at = NOW() WHERE id = ?",
                        dispute.id().toString()))
                .isInstanceOf(DataAccessException.class);

        as(secondProvinceManager, Role.PROVINCE_MANAGER);
        assertThat(moderation.decide(dispute.id(), false, "Không đủ căn cứ").status())
                .isEqualTo(DisputeStatus.REJECTED);
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);
        assertThatThrownBy(() -> moderation.decide(dispute.id(), true, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void disputes_stay_in_scope_need_a_reason_and_wait_one_at_a_time() {
        RatingOutcome rating = rate(returnedDossier(), "DISSATISFIED", "thử");
        String otherUnit = TestData.agencyCode();
        directory.upsertUnit(otherUnit, new UnitChange("Đơn vị khác", "DEPARTMENT", null, null, null, null, null));
        as(account(Role.UNIT_MANAGER, otherUnit), Role.UNIT_MANAGER);
        assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), DisputeReason.ABUSIVE_TEXT, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> moderation.history(rating.ratingId())).isInstanceOf(NotFoundException.class);
        as(account(Role.OFFICER, unit), Role.OFFICER);
        assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), DisputeReason.ABUSIVE_TEXT, null))
                .isInstanceOf(AccessDeniedException.class);

        as(unitManager, Role.UNIT_MANAGER);
        assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), DisputeReason.OTHER, " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), null, "x"))
                .isInstanceOf(InvalidInputException.class);
        moderation.dispute(rating.ratingId(), DisputeReason.WRONG_DOSSIER, null);
        assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), DisputeReason.ABUSIVE_TEXT, null))
                .isInstanceOf(ConflictException.class);
        assertThat(moderation.openDisputes())
                .anyMatch(d -> d.dispute().ratingId().equals(rating.ratingId().value()));
    }

    @Test
    void an_exclusion_is_reversed_only_by_another_dispute_and_decision_and_all_stay_as_history() {
        RatingOutcome rating = rate(returnedDossier(), "DISSATISFIED", "thử");
        as(unitManager, Role.UNIT_MANAGER);
        DisputeDetails first = moderation.dispute(rating.ratingId(), DisputeReason.WRONG_DOSSIER, null);
        as(provinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(first.id(), true, null);
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.EXCLUDED);

        // The province manager who decided asks for the reversal; another person decides it.
        DisputeDetails reversal =
                moderation.dispute(rating.ratingId(), DisputeReason.OTHER, "Hồ sơ đúng, đã kiểm tra lại");
        assertThat(reversal.kind()).isEqualTo(DisputeKind.RESTORE);
        as(secondProvinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(reversal.id(), true, "Khôi phục");
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(jdbc.queryForObject(
                        "SELECT counted_dossier_id = dossier_id FROM rating WHERE id = ?",
                        Boolean.class,
                        rating.ratingId().toString()))
                .isTrue();

        assertThat(moderation.history(rating.ratingId()))
                .extracting(DisputeDetails::kind, DisputeDetails::status, DisputeDetails::decidedBy)
                .containsExactly(
                        Tuple.tuple(DisputeKind.EXCLUDE, DisputeStatus.UPHELD, provinceManager),
                        Tuple.tuple(DisputeKind.RESTORE, DisputeStatus.UPHELD, secondProvinceManager));
        as(account(Role.AUDITOR, null), Role.AUDITOR);
        assertThat(moderation.history(rating.ratingId())).hasSize(2);
    }

    static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
