package vn.hailong.receipt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.platform.ConflictException;
import vn.hailong.survey.CitizenSurveyService;
import vn.hailong.survey.SurveyAnswers;
import vn.hailong.survey.SurveyPage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Survey links on the database: issued once at registration, stored only as a hash, valid until a
 * while after the result is returned; forged, random and other dossiers' tokens never rate this
 * dossier; a replayed submission stores nothing new.
 */
@HaiLongTest
class SurveyLinkServiceTest {

    @Autowired
    SurveyLinkService links;

    @Autowired
    CitizenSurveyService surveys;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    String unit;
    int sequence;

    @BeforeEach
    void aUnit() {
        unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử liên kết", "DEPARTMENT", null, null, null, null, null));
    }

    DossierDetails dossier(String status, OffsetDateTime returnedAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        OffsetDateTime received = (returnedAt != null ? returnedAt : now).minusDays(10);
        return intake.upsert(
                        TestData.dossierCode(unit, ++sequence),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                status,
                                received.toString(),
                                received.plusDays(5).toString(),
                                returnedAt == null ? null : returnedAt.toString(),
                                List.of(),
                                0))
                .dossier();
    }

    String token(DossierDetails d) {
        return links.pathFor(d.id()).substring("/r/".length());
    }

    SurveyAnswers satisfied(String key) {
        return new SurveyAnswers(key, Map.of("overall", "SATISFIED"), List.of(), null, false, "");
    }

    @Test
    void a_dossier_gets_its_link_when_first_registered_and_only_the_hash_is_stored() {
        DossierDetails d = dossier("RECEIVED", null);
        String token = token(d);
        byte[] stored = jdbc.queryForObject(
                "SELECT token_hash FROM survey_link WHERE dossier_id = ?", byte[].class, d.id().toString());
        assertThat(stored).isEqualTo(SurveyTokens.hash(token));
        // Registering the dossier again (an update) keeps the one link.
        intake.upsert(
                d.code(),
                new DossierSubmission(
                        "1.004227",
                        null,
                        null,
                        unit,
                        unit,
                        null,
                        "IN_PERSON",
                        "CITIZEN",
                        "PROCESSING",
                        OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(10).toString(),
                        OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(5).toString(),
                        null,
                        List.of(),
                        0));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM survey_link WHERE dossier_id = ?", Integer.class, d.id().toString()))
                .isEqualTo(1);
        // The token itself is not stored: only its 32-byte SHA-256 (the table has no other text column).
        assertThat(stored).hasSize(32).isNotEqualTo(token.getBytes(StandardCharsets.US_ASCII));
        assertThat(links.resolve(token).state()).isEqualTo(LinkState.VALID);
        assertThat(links.resolve(token).dossierId()).isEqualTo(d.id().value());
    }

    @Test
    void a_link_is_valid_until_thirty_days_after_the_result_is_returned() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        assertThat(links.resolve(token(dossier("PROCESSING", null))).state()).isEqualTo(LinkState.VALID);
        assertThat(links.resolve(token(dossier("RETURNED", now.minusDays(29)))).state())
                .isEqualTo(LinkState.VALID);
        DossierDetails expired = dossier("RETURNED", now.minusDays(31));
        assertThat(links.resolve(token(expired)).state()).isEqualTo(LinkState.EXPIRED);
        assertThat(surveys.open(token(expired)).state()).isEqualTo(SurveyPage.State.EXPIRED);
        assertThatThrownBy(() -> surveys.submit(token(expired), satisfied("exp-" + UUID.randomUUID())))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                        Integer.class,
                        expired.id().toString()))
                .isZero();
    }

    @Test
    void random_and_forged_tokens_are_never_accepted() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String guess = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(links.resolve(guess).state()).as(guess).isEqualTo(LinkState.UNKNOWN);
        }
        DossierDetails d = dossier("RECEIVED", null);
        // The right dossier, the wrong secret: what a forger without the server's secret can make.
        String forged = new SurveyTokens("another-secret-of-at-least-32-bytes-0123456789").tokenFor(d.id().value());
        assertThat(links.resolve(forged).state()).isEqualTo(LinkState.UNKNOWN);
        // One character changed, too short, too long, not base64url.
        String real = token(d);
        String flipped = (real.charAt(0) == 'A' ? 'B' : 'A') + real.substring(1);
        for (String bad : List.of(
                flipped, real.substring(1), real + "A", real.replace(real.charAt(3), '+'), "", "../../etc/passwd")) {
            assertThat(links.resolve(bad).state()).as(bad).isEqualTo(LinkState.UNKNOWN);
            assertThat(surveys.open(bad).state()).isEqualTo(SurveyPage.State.UNKNOWN);
        }
        assertThatThrownBy(() -> surveys.submit(forged, satisfied("forged-" + UUID.randomUUID())))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?", Integer.class, d.id().toString()))
                .isZero();
    }

    @Test
    void another_dossiers_token_rates_that_dossier_never_this_one() {
        DossierDetails mine = dossier("RECEIVED", null);
        DossierDetails theirs = dossier("RECEIVED", null);
        assertThat(token(mine)).isNotEqualTo(token(theirs));
        surveys.submit(token(theirs), satisfied("other-" + UUID.randomUUID()));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                        Integer.class,
                        mine.id().toString()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                        Integer.class,
                        theirs.id().toString()))
                .isEqualTo(1);
        assertThat(surveys.open(token(mine)).state()).isEqualTo(SurveyPage.State.OPEN);
    }

    @Test
    void a_replayed_submission_stores_nothing_new_and_a_second_one_is_refused() {
        DossierDetails d = dossier("RECEIVED", null);
        String key = "replay-" + UUID.randomUUID();
        CitizenSurveyService.Submitted first = surveys.submit(token(d), satisfied(key));
        CitizenSurveyService.Submitted replay = surveys.submit(token(d), satisfied(key));
        assertThat(first.rating().replayed()).isFalse();
        assertThat(replay.rating().replayed()).isTrue();
        assertThat(replay.rating().ratingId()).isEqualTo(first.rating().ratingId());
        assertThatThrownBy(() -> surveys.submit(token(d), satisfied("replay-" + UUID.randomUUID())))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?", Integer.class, d.id().toString()))
                .isEqualTo(1);
        assertThat(surveys.open(token(d)).state()).isEqualTo(SurveyPage.State.ALREADY_RATED);
    }
}
