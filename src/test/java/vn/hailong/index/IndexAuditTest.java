package vn.hailong.index;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.audit.AuditLog;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every act on the index is an entry of the hash-chained audit log, with who did it and what it
 * was about (period, methodology version, unit counts, snapshot id and hash, the correction's
 * reason), read back from the log, whose chain still verifies.
 */
@HaiLongTest
class IndexAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    IndexComputationService computations;

    @Autowired
    IndexReviewService reviews;

    @Autowired
    IndexPublicationService publications;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    UnitIndicatorService indicators;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    IndexFixture data;
    String scheme;
    String manager;
    String unitA;
    String unitB;

    static final LocalDate MAY = LocalDate.of(2026, 5, 12);

    @BeforeEach
    void province() {
        data = new IndexFixture(port, accounts);
        manager = data.account(Role.PROVINCE_MANAGER, null);
        data.signIn(manager);
        scheme = "au-" + TestData.uniqueSuffix().toLowerCase();
        methodologies.addVersion(
                scheme,
                null,
                null,
                "Kiểm toán",
                methodologies.forYear("default", 2026).definition());
        unitA = data.unit("Sở A");
        unitB = data.unit("Sở B");
        data.rating(data.dossier(unitA, MAY, 3), "SATISFIED", null, null);
        data.dossier(unitB, MAY, 3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    List<Map<String, Object>> entries(String subject) {
        return jdbc.queryForList(
                "SELECT actor, action, details FROM audit_entry WHERE subject = ? ORDER BY seq", subject);
    }

    @Test
    void compute_review_publish_and_correction_are_each_an_entry_with_who_and_what() {
        Snapshot first = computations.compute(scheme, "2026-05");
        Snapshot draft = computations.compute(scheme, "2026-05");
        reviews.review(draft.id(), "đã đối chiếu với báo cáo tháng");
        reviews.review(draft.id(), "đã đối chiếu với báo cáo tháng");
        publications.publish(draft.id());
        data.rating(data.dossier(unitB, MAY, 3), "DISSATISFIED", null, null);
        Snapshot correction = computations.computeCorrection(scheme, "2026-05");
        publications.publishCorrection(correction.id(), "Thiếu đánh giá của Sở B do lỗi đồng bộ");

        List<Map<String, Object>> log = entries("index " + scheme + " 2026-05");
        assertThat(log)
                .extracting(e -> e.get("action"))
                .containsExactly(
                        "INDEX_COMPUTED",
                        "INDEX_COMPUTED",
                        "INDEX_REVIEWED",
                        "INDEX_PUBLISHED",
                        "INDEX_COMPUTED",
                        "INDEX_CORRECTED");
        assertThat(log).extracting(e -> e.get("actor")).containsOnly(manager);
        assertThat((String) log.get(0).get("details"))
                .startsWith("draft computed in ")
                // every unit of the shared test database is listed; how many are ranked depends on the minimum sample
                .containsPattern(first.units() + " units \\(\\d+ ranked, \\d+ without ratings\\)")
                .contains(
                        "snapshot " + first.id(),
                        "methodology " + scheme + " v1",
                        "inputs sha256 " + first.inputsHash());
        assertThat((String) log.get(1).get("details"))
                .contains("replaces draft " + first.id(), "snapshot " + draft.id());
        assertThat((String) log.get(2).get("details"))
                .contains("note: đã đối chiếu với báo cáo tháng", "snapshot " + draft.id());
        assertThat((String) log.get(3).get("details"))
                .contains(
                        "published, " + draft.units() + " units",
                        "reviewed by " + manager,
                        "inputs sha256 " + draft.inputsHash());
        assertThat((String) log.get(4).get("details")).startsWith("correction draft computed");
        assertThat((String) log.get(5).get("details"))
                .contains(
                        "correction of snapshot " + draft.id(),
                        "reason: Thiếu đánh giá của Sở B do lỗi đồng bộ",
                        "snapshot " + correction.id(),
                        "reviewed by nobody");

        data.signIn(data.account(Role.AUDITOR, null));
        AuditLog.Verification verification = audit.verify();
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(log.size());
    }

    @Test
    void refused_acts_leave_no_entry_and_a_stale_or_discarded_draft_is_a_conflict() {
        Snapshot replaced = computations.compute(scheme, "2026-05");
        Snapshot current = computations.compute(scheme, "2026-05");
        assertThatThrownBy(() -> publications.publish(replaced.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getMessage())
                                .contains("stale draft", "replaced by a newer computation, snapshot " + current.id()));
        assertThatThrownBy(() -> reviews.review(replaced.id(), null)).isInstanceOf(ConflictException.class);
        publications.discardDraft(current.id());
        assertThatThrownBy(() -> publications.publish(current.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).contains("discarded"));

        Snapshot draft = computations.compute(scheme, "2026-05");
        // a new methodology version in force makes the draft stale: its figures are not what the period would get now
        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Năm 2026",
                methodologies.forYear(scheme, 2026).definition());
        assertThatThrownBy(() -> publications.publish(draft.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).contains("stale draft", "v2 applies"));
        Snapshot again =
                publications.publish(computations.compute(scheme, "2026-05").id());
        assertThatThrownBy(() -> publications.publish(again.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reviews.review(again.id(), null)).isInstanceOf(ConflictException.class);
        Snapshot correction = computations.computeCorrection(scheme, "2026-05");
        assertThatThrownBy(() -> publications.publishCorrection(correction.id(), " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("reason"));

        assertThat(entries("index " + scheme + " 2026-05"))
                .extracting(e -> e.get("action"))
                .containsExactly(
                        "INDEX_COMPUTED",
                        "INDEX_COMPUTED",
                        "INDEX_DRAFT_DISCARDED",
                        "INDEX_COMPUTED",
                        "INDEX_COMPUTED",
                        "INDEX_PUBLISHED",
                        "INDEX_COMPUTED");
    }

    @Test
    void methodology_versions_and_indicator_entries_are_entries_with_old_and_new() {
        methodologies.addVersion(
                scheme,
                "H56",
                2026,
                "Năm 2026",
                methodologies.forYear(scheme, 2026).definition());
        indicators.enter(unitA, "2026-05", Map.of(5, new BigDecimal("1.5")), "báo cáo tháng 5");
        indicators.enter(unitA, "2026-05", Map.of(5, new BigDecimal("1.75"), 6, BigDecimal.ONE), null);

        assertThat(entries("index methodology " + scheme + " v1"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("action")).isEqualTo("METHODOLOGY_CHANGED");
                    assertThat((String) e.get("details"))
                            .contains("version 1 created", "replaces nothing (new scheme)", "definition sha256 ");
                });
        assertThat(entries("index methodology " + scheme + " v2"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo(manager);
                    assertThat((String) e.get("details"))
                            .contains("in force for year 2026", "replaces v1", "province H56");
                });
        assertThat(entries("unit indicator 5 of " + unitA + " 2026-05"))
                .extracting(e -> e.get("details"))
                .containsExactly("null → 1.50; note: báo cáo tháng 5", "1.50 → 1.75");
        assertThat(entries("unit indicator 6 of " + unitA + " 2026-05"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("action")).isEqualTo("INDICATOR_ENTERED");
                    assertThat(e.get("details")).isEqualTo("null → 1.00");
                });
    }
}
