package vn.hailong.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.platform.NotFoundException;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Follow-up cases on the embedded MariaDB: opened by ratings, handled by managers, contacts deleted on close. */
@HaiLongTest
class FollowUpServiceTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    FollowUpService followUps;

    @Autowired
    RatingService ratings;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    String unit;
    DossierDetails dossier;

    @BeforeEach
    void aDossierOfANewUnit() {
        unit = TestData.agencyCode();
        directory.upsertUnit(
                unit, new UnitChange("Sở thử nghiệm theo dõi", "DEPARTMENT", null, null, null, null, null));
        dossier = newDossier(1);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    DossierDetails newDossier(int sequence) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        return intake.upsert(
                        TestData.dossierCode(unit, sequence),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "PROCESSING",
                                now.minusDays(3).toString(),
                                now.plusDays(5).toString(),
                                null,
                                List.of(),
                                0))
                .dossier();
    }

    RatingOutcome rate(DossierDetails d, String channel, String overall) {
        return ratings.submit(new RatingSubmission(
                d.code(),
                channel,
                "fu-" + UUID.randomUUID(),
                Map.of("overall", overall),
                overall.equals("DISSATISFIED") ? List.of("SLOW") : List.of(),
                null,
                channel.equals("KIOSK") ? "kiosk-1" : null));
    }

    void logInAs(Role role, String agencyCode) {
        String username = "fu-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "Fu-passw0rd!", "Người xử lý", role, agencyCode);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }

    int contactRows(UUID caseId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM follow_up_contact WHERE case_id = ?", Integer.class, caseId.toString());
    }

    @Test
    void a_not_satisfied_rating_opens_one_case_for_its_unit_due_in_five_working_days() {
        RatingOutcome rating = rate(dossier, "QR", "DISSATISFIED");
        logInAs(Role.PROVINCE_MANAGER, null);
        FollowUpCaseDetails opened = followUps.caseOfRating(rating.ratingId()).orElseThrow();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.responsibleUnitId())
                .isEqualTo(dossier.evaluatedUnitId().value());
        assertThat(opened.dossierId()).isEqualTo(dossier.id().value());
        LocalDate openedOn = rating.submittedAt().atZone(VIETNAM).toLocalDate();
        assertThat(opened.dueOn()).isEqualTo(new WorkingDays(Set.of()).after(openedOn, 5));
        assertThat(opened.contactAvailable()).isFalse();
        assertThat(followUps.openCases(dossier.evaluatedUnitId().value()))
                .extracting(FollowUpCaseDetails::id)
                .containsExactly(opened.id());
    }

    @Test
    void satisfied_ratings_open_no_case_and_keep_no_number() {
        RatingOutcome rating = rate(dossier, "QR", "SATISFIED");
        assertThat(followUps.keepContact(
                        rating.ratingId(), MobileNumber.parse("0912345678").orElseThrow()))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case WHERE rating_id = ?",
                        Integer.class,
                        rating.ratingId().toString()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE phone = '0912345678' AND case_id IN "
                                + "(SELECT id FROM follow_up_case WHERE dossier_id = ?)",
                        Integer.class,
                        dossier.id().toString()))
                .isZero();
    }

    @Test
    void the_number_is_kept_apart_from_the_rating_and_deleted_when_the_case_closes() {
        RatingOutcome rating = rate(dossier, "QR", "DISSATISFIED");
        assertThat(followUps.keepContact(
                        rating.ratingId(), MobileNumber.parse("0987 654 321").orElseThrow()))
                .isTrue();
        // A resend keeps one row.
        assertThat(followUps.keepContact(
                        rating.ratingId(), MobileNumber.parse("0987654321").orElseThrow()))
                .isTrue();

        logInAs(Role.UNIT_MANAGER, unit);
        FollowUpCaseDetails c = followUps.caseOfRating(rating.ratingId()).orElseThrow();
        assertThat(c.contactAvailable()).isTrue();
        assertThat(contactRows(c.id())).isEqualTo(1);
        assertThat(followUps.contactNumber(c.id())).hasValue("0987654321");
        assertThat(c.toString()).doesNotContain("0987654321");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE id = ? AND (comment LIKE '%0987%' OR device_id LIKE '%0987%')",
                        Integer.class, rating.ratingId().toString()))
                .isZero();

        followUps.markContacted(c.id(), "Đã gọi, người dân cho biết phải chờ lâu ở quầy");
        followUps.resolve(c.id(), "Bổ sung cán bộ giờ cao điểm");
        FollowUpCaseDetails closed = followUps.close(c.id(), null);

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo("Bổ sung cán bộ giờ cao điểm");
        assertThat(closed.notes())
                .extracting(FollowUpCaseDetails.Note::text)
                .containsExactly("Đã gọi, người dân cho biết phải chờ lâu ở quầy");
        assertThat(closed.contactAvailable()).isFalse();
        assertThat(contactRows(c.id())).isZero();
        assertThat(followUps.contactNumber(c.id())).isEmpty();
        // A closed case takes no number any more.
        assertThat(followUps.keepContact(
                        rating.ratingId(), MobileNumber.parse("0987654321").orElseThrow()))
                .isFalse();
        assertThat(followUps.openCases(dossier.evaluatedUnitId().value())).isEmpty();
    }

    @Test
    void only_managers_of_the_unit_see_its_cases() {
        RatingOutcome rating = rate(dossier, "QR", "DISSATISFIED");
        logInAs(Role.PROVINCE_MANAGER, null);
        UUID caseId = followUps.caseOfRating(rating.ratingId()).orElseThrow().id();

        String otherUnit = TestData.agencyCode();
        directory.upsertUnit(otherUnit, new UnitChange("Sở khác", "DEPARTMENT", null, null, null, null, null));
        logInAs(Role.UNIT_MANAGER, otherUnit);
        assertThatThrownBy(() -> followUps.find(caseId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.contactNumber(caseId)).isInstanceOf(NotFoundException.class);
        assertThat(followUps.openCases(dossier.evaluatedUnitId().value())).isEmpty();

        logInAs(Role.OFFICER, unit);
        assertThatThrownBy(() -> followUps.find(caseId)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> followUps.close(caseId, "x")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_kiosk_case_closes_when_the_citizens_own_rating_supersedes_it() {
        RatingOutcome kiosk = rate(dossier, "KIOSK", "DISSATISFIED");
        RatingOutcome qr = rate(dossier, "QR", "SATISFIED");
        logInAs(Role.PROVINCE_MANAGER, null);
        FollowUpCaseDetails kioskCase = followUps.caseOfRating(kiosk.ratingId()).orElseThrow();
        assertThat(kioskCase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(kioskCase.outcome()).contains("superseded");
        assertThat(followUps.caseOfRating(qr.ratingId())).isEmpty();
    }
}
