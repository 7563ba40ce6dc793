package vn.hailong.rating;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One counted rating per dossier across channels: the citizen's phone supersedes the kiosk. */
@HaiLongTest
class ChannelPrecedenceTest {

    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final JdbcTemplate jdbc;
    private DossierDetails dossier;

    @Autowired
    ChannelPrecedenceTest(
            DirectoryService directory, DossierIntakeService intake, RatingService ratings, JdbcTemplate jdbc) {
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aDossierWasReceived() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử nghiệm", "DEPARTMENT", null, null, null, null, null));
        dossier = intake.upsert(
                        TestData.dossierCode(unit, 3),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RECEIVED",
                                "2026-11-02T08:30:00+07:00",
                                null,
                                null,
                                List.of(),
                                0))
                .dossier();
    }

    RatingOutcome rate(String channel, String overall) {
        return ratings.submit(new RatingSubmission(
                dossier.code(),
                channel,
                channel.toLowerCase() + "-" + UUID.randomUUID(),
                Map.of("overall", overall),
                List.of(),
                null,
                null));
    }

    String statusOf(UUID ratingId) {
        return jdbc.queryForObject("SELECT status FROM rating WHERE id = ?", String.class, ratingId.toString());
    }

    @Test
    void a_phone_rating_supersedes_the_kiosk_rating_and_both_are_kept() {
        RatingOutcome kiosk = rate("KIOSK", "VERY_SATISFIED");
        assertThat(ratings.accepts(dossier.id(), RatingChannel.QR)).isTrue();
        assertThat(ratings.accepts(dossier.id(), RatingChannel.KIOSK)).isFalse();

        RatingOutcome phone = rate("QR", "SATISFIED");

        assertThat(phone.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(statusOf(kiosk.ratingId().value())).isEqualTo("SUPERSEDED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ?",
                        Integer.class,
                        dossier.id().toString()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT overall_option FROM rating WHERE counted_dossier_id = ?",
                        String.class,
                        dossier.id().toString()))
                .isEqualTo("SATISFIED");
    }

    @Test
    void after_a_phone_rating_nothing_else_is_taken() {
        rate("QR", "SATISFIED");
        assertThat(ratings.accepts(dossier.id(), RatingChannel.QR)).isFalse();
        assertThatThrownBy(() -> rate("KIOSK", "VERY_SATISFIED")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rate("QR", "VERY_SATISFIED")).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_second_kiosk_rating_is_refused() {
        rate("KIOSK", "SATISFIED");
        assertThatThrownBy(() -> rate("KIOSK", "VERY_SATISFIED")).isInstanceOf(ConflictException.class);
    }
}
