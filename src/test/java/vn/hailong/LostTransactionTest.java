package vn.hailong;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierIntakeService.DossierUpsert;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationService;
import vn.hailong.moderation.RatingDisputed;
import vn.hailong.platform.LostTransaction;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write's transaction aborted under it after its main row was written, as a Galera BF abort whose
 * error reached no statement does (issue 18's proof, ADR 104): the server rolls the row back and
 * runs the listeners' statements in a new implicit transaction. Every writing transaction confirms
 * its first write at its commit (platform.jpa.FirstWriteStillThere), so that half is rolled back
 * too; the rating and the dossier are tried again, and their answer names what was stored, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
@Import(LostTransactionTest.Aborts.class)
class LostTransactionTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestConfiguration
    static class Aborts {

        @Bean
        AbortOnce abortOnce(JdbcTemplate jdbc) {
            return new AbortOnce(jdbc);
        }
    }

    /** Rolls back, once each, the transaction of a rating or a recording of the dossier it is told about, right after its write. */
    static class AbortOnce {

        final JdbcTemplate jdbc;
        final AtomicInteger ratingsAborted = new AtomicInteger();
        final AtomicInteger dossiersAborted = new AtomicInteger();
        final AtomicInteger disputesAborted = new AtomicInteger();
        volatile UUID ratingOf;
        volatile String recordingOf;
        volatile UUID disputeOf;

        AbortOnce(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(RatingSubmitted submitted) {
            if (submitted.dossierId().value().equals(ratingOf) && ratingsAborted.getAndIncrement() == 0) {
                jdbc.execute("ROLLBACK");
            }
        }

        @EventListener
        void on(RatingDisputed disputed) {
            if (disputed.ratingId().value().equals(disputeOf) && disputesAborted.getAndIncrement() == 0) {
                jdbc.execute("ROLLBACK");
            }
        }

        @EventListener
        void on(DossierRecorded recorded) {
            if (recorded.code().equals(recordingOf) && dossiersAborted.getAndIncrement() == 0) {
                jdbc.execute("ROLLBACK");
            }
        }
    }

    @Autowired
    AbortOnce abort;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ModerationService moderation;

    @Test
    void a_rating_whose_transaction_was_aborted_under_it_is_stored_once_and_its_answer_names_it() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Phòng thử giao dịch mất", "OTHER", null, null, null, null, null));
        DossierDetails dossier = returnedDossier(unit);
        abort.ratingOf = dossier.id().value();

        RatingOutcome outcome = ratings.submit(new RatingSubmission(
                dossier.code(),
                "KIOSK",
                "kiosk-" + UUID.randomUUID(),
                Map.of("overall", "SATISFIED"),
                List.of(),
                null,
                "kiosk-transaction-lost"));

        assertThat(abort.ratingsAborted.get())
                .as("the first attempt was aborted, the second stored")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                        Integer.class,
                        dossier.id().toString()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE id = ?",
                        Integer.class,
                        outcome.ratingId().toString()))
                .as("the answer names the stored rating")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rollup_pending p WHERE p.subject = 'R' AND NOT EXISTS "
                                + "(SELECT 1 FROM rating r WHERE r.id = p.subject_id)",
                        Integer.class))
                .as("no change of the rollups names a rating that was never stored")
                .isZero();
        assertThat(outcome.replayed()).isFalse();
    }

    @Test
    void a_dossier_whose_recording_was_aborted_under_it_is_stored_and_its_answer_says_so() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Phòng thử hồ sơ mất", "OTHER", null, null, null, null, null));
        String code = TestData.dossierCode(unit, 2);
        abort.recordingOf = code;

        DossierUpsert first = intake.upsert(code, submission(unit, "RECEIVED", 0));
        // An update aborted the same way: its new facts are stored, not only its listeners' rows.
        abort.dossiersAborted.set(0);
        DossierUpsert update = intake.upsert(code, submission(unit, "RETURNED", 1));

        assertThat(abort.dossiersAborted.get())
                .as("each recording aborted once, then stored")
                .isEqualTo(2);
        assertThat(first.created()).isTrue();
        assertThat(update.changed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT status FROM dossier WHERE code = ?", String.class, code))
                .isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("SELECT supplement_requests FROM dossier WHERE code = ?", Integer.class, code))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rollup_pending p WHERE p.subject IN ('D', 'A') AND NOT EXISTS "
                                + "(SELECT 1 FROM dossier d WHERE d.id = p.subject_id)",
                        Integer.class))
                .as("no change of the rollups names a dossier that was never stored")
                .isZero();
    }

    @Test
    void a_dispute_whose_transaction_was_aborted_under_it_leaves_no_audit_entry_of_it_and_can_be_raised_again() {
        // A write path with no read-back of its own and no retry: the commit refuses the half that
        // went on in another transaction (the audit entry), and the manager may simply try again.
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Phòng thử khiếu nại mất", "OTHER", null, null, null, null, null));
        DossierDetails dossier = returnedDossier(unit);
        RatingOutcome rating = ratings.submit(new RatingSubmission(
                dossier.code(),
                "QR",
                "lost-" + UUID.randomUUID(),
                Map.of("overall", "SATISFIED"),
                List.of(),
                null,
                null));
        String manager = "lost-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, "Lost-passw0rd!", "Người khiếu nại", Role.UNIT_MANAGER, unit);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        manager, null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.UNIT_MANAGER.name()))));
        abort.disputeOf = rating.ratingId().value();
        try {
            assertThatThrownBy(() -> moderation.dispute(rating.ratingId(), DisputeReason.WRONG_DOSSIER, "nhầm"))
                    .isInstanceOf(LostTransaction.class);
            assertThat(audited(rating.ratingId().value()))
                    .as("no audit entry of a dispute that was never stored")
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM rating_dispute WHERE rating_id = ?",
                            Integer.class,
                            rating.ratingId().toString()))
                    .isZero();

            moderation.dispute(rating.ratingId(), DisputeReason.WRONG_DOSSIER, "nhầm");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating_dispute WHERE rating_id = ?",
                        Integer.class,
                        rating.ratingId().toString()))
                .isEqualTo(1);
        assertThat(audited(rating.ratingId().value())).isEqualTo(1);
    }

    int audited(UUID ratingId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'MODERATION_DISPUTED' AND subject = ?",
                Integer.class,
                "rating " + ratingId);
    }

    DossierSubmission submission(String unit, String status, int supplementRequests) {
        Instant returned =
                LocalDate.now(ZONE).minusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
        String iso = returned.atZone(ZONE).toOffsetDateTime().toString();
        String received = returned.minus(10, ChronoUnit.DAYS)
                .atZone(ZONE)
                .toOffsetDateTime()
                .toString();
        return new DossierSubmission(
                "1.004220",
                "Thủ tục thử",
                null,
                unit,
                unit,
                null,
                "IN_PERSON",
                "CITIZEN",
                status,
                received,
                iso,
                "RETURNED".equals(status) ? iso : null,
                List.of(),
                supplementRequests);
    }

    DossierDetails returnedDossier(String unit) {
        return intake.upsert(
                        TestData.dossierCode(unit, 1),
                        TestData.returnedDossier(unit, TestData.yesterdayAt(10), List.of()))
                .dossier();
    }
}
