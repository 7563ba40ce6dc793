package vn.hailong.followup;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mails about follow-up cases, received by a real SMTP server (GreenMail) in the test JVM. */
@HaiLongTest
class FollowUpMailTest {

    @Autowired
    MailOutbox mailer;

    @Autowired
    FollowUpEscalations escalations;

    @Autowired
    FollowUpService followUps;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerContacts contacts;

    FollowUpFixture fx;
    String parent;
    String unit;
    String suffix;

    @BeforeEach
    void units() {
        fx = new FollowUpFixture(directory, intake, ratings, accounts, contacts);
        parent = fx.unit("Sở cấp trên thư", null);
        unit = fx.unit("Phòng thử nghiệm thư", parent);
        suffix = TestData.uniqueSuffix().toLowerCase();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    UUID caseOf(RatingOutcome rating) {
        return jdbc.queryForObject(
                "SELECT id FROM follow_up_case WHERE rating_id = ?",
                UUID.class,
                rating.ratingId().toString());
    }

    List<MimeMessage> about(String address, String dossierCode) {
        return TestMail.to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(dossierCode);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void a_new_case_is_mailed_to_the_managers_of_its_unit_and_of_the_units_above_it_only() throws Exception {
        String own = "truong-phong-" + suffix + "@example.vn";
        String above = "giam-doc-so-" + suffix + "@example.vn";
        String elsewhere = "don-vi-khac-" + suffix + "@example.vn";
        fx.account(Role.UNIT_MANAGER, unit, own);
        fx.account(Role.UNIT_MANAGER, parent, above);
        fx.account(Role.UNIT_MANAGER, fx.unit("Đơn vị khác", null), elsewhere);
        DossierDetails dossier = fx.dossier(unit, 1);

        RatingOutcome rating = fx.rate(dossier, "DISSATISFIED");
        UUID caseId = caseOf(rating);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM mail_outbox WHERE about_id = ? AND kind = 'NEW_CASE'",
                        String.class,
                        caseId.toString()))
                .isEqualTo("PENDING");

        mailer.sendDue();

        List<MimeMessage> received = about(own, dossier.code());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject())
                .isEqualTo("[Hài Lòng] Phản ánh mới: người dân không hài lòng với hồ sơ " + dossier.code());
        String body = TestMail.body(mail);
        assertThat(body)
                .contains("Kính gửi lãnh đạo Phòng thử nghiệm thư")
                .contains("đánh giá \"Không hài lòng\" đối với hồ sơ " + dossier.code())
                .contains(mailer.link("/theo-doi/" + caseId))
                .contains("Hạn theo dõi, xử lý phản ánh:");
        assertThat(about(above, dossier.code())).hasSize(1);
        assertThat(about(elsewhere, dossier.code())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM mail_outbox WHERE about_id = ? AND kind = 'NEW_CASE'",
                        String.class,
                        caseId.toString()))
                .isEqualTo("SENT");

        // Sent once: a second run has nothing to send for this case.
        mailer.sendDue();
        assertThat(about(own, dossier.code())).hasSize(1);
    }

    @Test
    void an_overdue_case_is_escalated_to_the_province_managers_once_even_by_two_jobs_at_once() throws Exception {
        String province = "so-noi-vu-" + suffix + "@example.vn";
        fx.account(Role.PROVINCE_MANAGER, null, province);
        DossierDetails late = fx.dossier(unit, 3);
        DossierDetails resolved = fx.dossier(unit, 4);
        DossierDetails inTime = fx.dossier(unit, 5);
        UUID lateCase = caseOf(fx.rate(late, "DISSATISFIED"));
        UUID resolvedCase = caseOf(fx.rate(resolved, "DISSATISFIED"));
        caseOf(fx.rate(inTime, "DISSATISFIED"));
        // Their deadlines passed (yesterday); one of them was resolved in time.
        jdbc.update(
                "UPDATE follow_up_case SET due_on = CURRENT_DATE - INTERVAL 1 DAY WHERE id IN (?, ?)",
                lateCase.toString(),
                resolvedCase.toString());
        jdbc.update(
                "UPDATE follow_up_case SET status = 'RESOLVED', outcome = 'Đã gọi lại', resolved_at = UTC_TIMESTAMP(6) WHERE id = ?",
                resolvedCase.toString());

        // Two jobs (as on two nodes) look for overdue cases and send at the same time, twice.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                List<Callable<Integer>> jobs = List.of(
                        () -> escalations.escalateOverdueNow() + mailer.sendDue(),
                        () -> escalations.escalateOverdueNow() + mailer.sendDue());
                for (Future<Integer> f : pool.invokeAll(jobs)) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }

        List<MimeMessage> received = about(province, late.code());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject())
                .isEqualTo("[Hài Lòng] Quá hạn xử lý phản ánh: hồ sơ " + late.code() + " (Phòng thử nghiệm thư)");
        assertThat(TestMail.body(received.getFirst()))
                .contains("đã quá hạn xử lý")
                .contains("Trạng thái hiện tại: Mới mở")
                .contains(mailer.link("/theo-doi/" + lateCase));
        assertThat(about(province, resolved.code())).isEmpty();
        assertThat(about(province, inTime.code())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM mail_outbox WHERE about_id = ? AND kind = 'ESCALATION'",
                        Integer.class,
                        lateCase.toString()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT escalated_at IS NOT NULL FROM follow_up_case WHERE id = ?",
                        Boolean.class,
                        lateCase.toString()))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT escalated_at IS NULL FROM follow_up_case WHERE id = ?",
                        Boolean.class,
                        resolvedCase.toString()))
                .isTrue();
    }
}
