package vn.hailong.followup;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.TestMail;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.moderation.DisputeDetails;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded MariaDB: moderation excluding a rating closes its follow-up case through the
 * {@code ModerationDecided} event, deleting the citizen's number; a reversal does not reopen it.
 */
@HaiLongTest
class ExcludedRatingCaseTest {

    @Autowired
    FollowUpService followUps;

    @Autowired
    MailOutbox mailer;

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
    ManagerContacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    FollowUpFixture fx;
    String unit;
    String unitManager;
    String unitManagerEmail;
    String provinceManager;
    String secondProvinceManager;
    int sequence;

    @BeforeEach
    void aUnitWithItsManagers() {
        fx = new FollowUpFixture(directory, intake, ratings, accounts, contacts);
        unit = fx.unit("Sở thử nghiệm loại đánh giá", null);
        unitManagerEmail = "lanh-dao-loai-" + TestData.uniqueSuffix().toLowerCase() + "@example.vn";
        unitManager = fx.account(Role.UNIT_MANAGER, unit, unitManagerEmail);
        provinceManager = fx.account(Role.PROVINCE_MANAGER, null, null);
        secondProvinceManager = fx.account(Role.PROVINCE_MANAGER, null, null);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    /** A "not satisfied" rating whose citizen left a number, and its (open) case. */
    FollowUpCaseDetails caseWithANumber(RatingOutcome rating) {
        assertThat(followUps.keepContact(
                        rating.ratingId(), MobileNumber.parse("0912345678").orElseThrow()))
                .isTrue();
        fx.logIn(provinceManager, Role.PROVINCE_MANAGER);
        FollowUpCaseDetails opened = followUps.caseOfRating(rating.ratingId()).orElseThrow();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.contactAvailable()).isTrue();
        return opened;
    }

    DisputeDetails excluded(RatingOutcome rating) {
        fx.logIn(unitManager, Role.UNIT_MANAGER);
        DisputeDetails dispute = moderation.dispute(rating.ratingId(), DisputeReason.ABUSIVE_TEXT, "Lời lẽ xúc phạm");
        fx.logIn(provinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(dispute.id(), true, "Đồng ý loại");
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.EXCLUDED);
        return dispute;
    }

    String mailStatus(UUID caseId) {
        return jdbc.queryForObject(
                "SELECT status FROM mail_outbox WHERE about_id = ? AND kind = 'NEW_CASE'",
                String.class,
                caseId.toString());
    }

    @Test
    void excluding_a_rating_closes_its_open_case_naming_the_dispute_and_deletes_the_number() {
        RatingOutcome rating = fx.rate(fx.dossier(unit, ++sequence), "DISSATISFIED");
        FollowUpCaseDetails opened = caseWithANumber(rating);
        assertThat(mailStatus(opened.id())).isEqualTo("PENDING");

        DisputeDetails dispute = excluded(rating);

        FollowUpCaseDetails closed = followUps.find(opened.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.outcome())
                .contains("loại khỏi số liệu")
                .contains(dispute.id().toString())
                .contains(DisputeReason.ABUSIVE_TEXT.label())
                .contains(provinceManager);
        assertThat(closed.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(FollowUpService.SYSTEM_AUTHOR);
            assertThat(n.text()).contains(dispute.id().toString());
        });
        assertThat(closed.contactAvailable()).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE case_id = ?",
                        Integer.class,
                        opened.id().toString()))
                .isZero();
        assertThat(followUps.openCases(closed.responsibleUnitId()))
                .extracting(FollowUpCaseDetails::id)
                .doesNotContain(opened.id());

        // The managers are not asked to follow up a case that closed before its e-mail went out. (Runs
        // until this row is done: the shared test database may hold older rows, sent a batch at a time.)
        for (int run = 0; run < 100 && "PENDING".equals(mailStatus(opened.id())); run++) {
            mailer.sendDue();
        }
        assertThat(mailStatus(opened.id())).isEqualTo("SKIPPED");
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM mail_outbox WHERE about_id = ? AND kind = 'NEW_CASE'",
                        String.class,
                        opened.id().toString()))
                .isEqualTo("the case was closed before its e-mail was sent");
        assertThat(TestMail.to(unitManagerEmail)).isEmpty();
    }

    @Test
    void a_resolved_case_keeps_its_outcome_and_a_reversal_of_the_exclusion_does_not_reopen_it() {
        RatingOutcome rating = fx.rate(fx.dossier(unit, ++sequence), "DISSATISFIED");
        FollowUpCaseDetails opened = caseWithANumber(rating);
        followUps.resolve(opened.id(), "Đã xin lỗi người dân");

        DisputeDetails dispute = excluded(rating);
        FollowUpCaseDetails closed = followUps.find(opened.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo("Đã xin lỗi người dân");
        assertThat(closed.notes())
                .extracting(FollowUpCaseDetails.Note::text)
                .singleElement()
                .asString()
                .contains(dispute.id().toString());
        assertThat(closed.contactAvailable()).isFalse();

        // The reversal: the rating counts again, the case stays closed as it was.
        fx.logIn(unitManager, Role.UNIT_MANAGER);
        DisputeDetails reversal = moderation.dispute(rating.ratingId(), DisputeReason.OTHER, "Nhầm, đánh giá hợp lệ");
        fx.logIn(secondProvinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(reversal.id(), true, "Khôi phục");
        assertThat(ratings.facts(rating.ratingId()).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);
        FollowUpCaseDetails after = followUps.find(opened.id());
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.closedAt()).isEqualTo(closed.closedAt());
        assertThat(after.notes()).hasSize(1);
    }

    @Test
    void a_rejected_dispute_leaves_the_case_open_with_its_number() {
        RatingOutcome rating = fx.rate(fx.dossier(unit, ++sequence), "DISSATISFIED");
        FollowUpCaseDetails opened = caseWithANumber(rating);
        fx.logIn(unitManager, Role.UNIT_MANAGER);
        DisputeDetails dispute = moderation.dispute(rating.ratingId(), DisputeReason.WRONG_DOSSIER, null);
        fx.logIn(provinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(dispute.id(), false, "Không đủ căn cứ");

        FollowUpCaseDetails after = followUps.find(opened.id());
        assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(after.contactAvailable()).isTrue();
        assertThat(after.notes()).isEmpty();
    }
}
