package vn.hailong.rating;

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
import org.springframework.test.context.ActiveProfiles;

import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rating's transaction aborted under it after the rating was written, as a Galera BF abort whose
 * error reached no statement does (issue 18's proof, ADR 104): the server rolls the rating back and
 * runs the listeners' statements in a new implicit transaction. The service reads the rating back
 * last, so it rolls that half back too and tries again, and its answer names a stored rating, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
@Import(RatingTransactionLostTest.Aborts.class)
class RatingTransactionLostTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestConfiguration
    static class Aborts {

        @Bean
        AbortOnce abortOnce(JdbcTemplate jdbc) {
            return new AbortOnce(jdbc);
        }
    }

    /** Rolls back, once, the transaction of a rating of the dossier it is told about, right after the rating's write. */
    static class AbortOnce {

        final JdbcTemplate jdbc;
        final AtomicInteger aborted = new AtomicInteger();
        volatile UUID dossier;

        AbortOnce(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(RatingSubmitted submitted) {
            if (submitted.dossierId().equals(dossier) && aborted.getAndIncrement() == 0) {
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

    @Test
    void a_rating_whose_transaction_was_aborted_under_it_is_stored_once_and_its_answer_names_it() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Phòng thử giao dịch mất", "OTHER", null, null, null, null, null));
        DossierDetails dossier = returnedDossier(unit);
        abort.dossier = dossier.id();

        RatingOutcome outcome = ratings.submit(new RatingSubmission(
                dossier.code(),
                "KIOSK",
                "kiosk-" + UUID.randomUUID(),
                Map.of("overall", "SATISFIED"),
                List.of(),
                null,
                "kiosk-transaction-lost"));

        assertThat(abort.aborted.get())
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

    DossierDetails returnedDossier(String unit) {
        Instant returned =
                LocalDate.now(ZONE).minusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
        String iso = returned.atZone(ZONE).toOffsetDateTime().toString();
        String received = returned.minus(10, ChronoUnit.DAYS)
                .atZone(ZONE)
                .toOffsetDateTime()
                .toString();
        return intake.upsert(
                        TestData.dossierCode(unit, 1),
                        new DossierSubmission(
                                "1.004220",
                                "Thủ tục thử",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RETURNED",
                                received,
                                iso,
                                iso,
                                List.of(),
                                0))
                .dossier();
    }
}
