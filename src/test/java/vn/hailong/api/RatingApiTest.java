package vn.hailong.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/ratings: ratings relayed from the portal, paper forms and phone surveys. */
@HaiLongTest
class RatingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    String unit;
    String dossier;

    @BeforeEach
    void storeDossier() {
        oneStop = new OneStopSoftware(port);
        unit = oneStop.registersUnit("DEPARTMENT");
        dossier = oneStop.sendsReceivedDossier(unit);
    }

    int ratingsStoredFor(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                dossierCode);
    }

    static String field(ApiClient.Response response) {
        return response.json().get("field").asString();
    }

    @Test
    void a_relayed_rating_is_stored_and_counted() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "VERY_SATISFIED");

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("ratingId").asString()).isNotBlank();
        assertThat(response.json().get("dossierCode").asString()).isEqualTo(dossier);
        assertThat(response.json().get("status").asString()).isEqualTo("COUNTED");
        assertThat(response.json().get("channel").asString()).isEqualTo("PORTAL");
        assertThat(response.json().get("replayed").asBoolean()).isFalse();
        assertThat(jdbc.queryForMap(
                        "SELECT overall_option, overall_points, status FROM rating WHERE id = ?",
                        response.json().get("ratingId").asString()))
                .containsEntry("overall_option", "VERY_SATISFIED")
                .containsEntry("overall_points", 2)
                .containsEntry("status", "COUNTED");
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_answer() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        ApiClient.Response first = oneStop.relays(rating);

        ApiClient.Response retry = oneStop.relays(rating);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(retry.json().get("ratingId").asString())
                .isEqualTo(first.json().get("ratingId").asString());
        assertThat(ratingsStoredFor(dossier)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_a_conflict_naming_the_key() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);

        rating.put("answers", Map.of("overall", "VERY_SATISFIED"));
        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(409);
        assertThat(field(response)).isEqualTo("idempotencyKey");
        assertThat(jdbc.queryForObject(
                        "SELECT overall_option FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .isEqualTo("SATISFIED");
    }

    @Test
    void rating_a_dossier_twice_keeps_the_first() {
        assertThat(oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED")).status())
                .isEqualTo(201);

        ApiClient.Response second = oneStop.relays(OneStopSoftware.rating(dossier, "VERY_SATISFIED"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(field(second)).isEqualTo("dossierCode");
        assertThat(second.json().get("detail").asString()).contains("không thể đánh giá lại");
        assertThat(ratingsStoredFor(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT overall_option FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .isEqualTo("SATISFIED");
    }

    @Test
    void a_rating_of_an_unknown_dossier_is_refused_naming_the_dossier() {
        ApiClient.Response response =
                oneStop.relays(OneStopSoftware.rating(TestData.dossierCode(unit, 9999), "SATISFIED"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("dossierCode");
    }

    @Test
    void a_rating_without_the_overall_answer_is_refused_naming_it() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        rating.put("answers", Map.of("attitude", "SATISFIED"));

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("answers.overall");
        assertThat(ratingsStoredFor(dossier)).isZero();
    }

    @Test
    void a_rating_without_any_answers_is_refused_naming_the_overall_answer() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        rating.remove("answers");

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("answers.overall");
    }

    @Test
    void dissatisfied_without_a_reason_is_refused_naming_reasons() {
        ApiClient.Response response = oneStop.relays(OneStopSoftware.rating(dossier, "DISSATISFIED"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("reasons");
        assertThat(ratingsStoredFor(dossier)).isZero();
    }

    @Test
    void dissatisfied_with_only_a_comment_is_stored_as_the_default_template_says_a_comment_is_a_reason() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "DISSATISFIED");
        rating.put("comment", "Phải đi lại ba lần mới nộp được hồ sơ");

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT comment FROM rating WHERE id = ?",
                        String.class,
                        response.json().get("ratingId").asString()))
                .isEqualTo("Phải đi lại ba lần mới nộp được hồ sơ");
    }

    @Test
    void dissatisfied_with_reasons_is_stored_with_its_reasons() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "DISSATISFIED");
        rating.put("reasons", List.of("SLOW", "EXTRA_DOCUMENTS", "SLOW"));

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(201);
        assertThat(jdbc.queryForList(
                        "SELECT reason_code FROM rating_reason WHERE rating_id = ?",
                        String.class,
                        response.json().get("ratingId").asString()))
                .containsExactlyInAnyOrder("SLOW", "EXTRA_DOCUMENTS");
    }

    @Test
    void an_api_client_cannot_submit_kiosk_ratings() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "VERY_SATISFIED");
        rating.put("channel", "KIOSK");

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(ratingsStoredFor(dossier)).isZero();
    }

    @Test
    void an_api_client_cannot_submit_qr_ratings() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "VERY_SATISFIED");
        rating.put("channel", "QR");

        assertThat(oneStop.relays(rating).status()).isEqualTo(403);
    }

    @Test
    void paper_and_phone_ratings_are_relayed_too() {
        String other = oneStop.sendsReceivedDossier(unit);
        Map<String, Object> paper = OneStopSoftware.rating(dossier, "SATISFIED");
        paper.put("channel", "PAPER");
        Map<String, Object> phone = OneStopSoftware.rating(other, "SATISFIED");
        phone.put("channel", "PHONE");

        assertThat(oneStop.relays(paper).json().get("channel").asString()).isEqualTo("PAPER");
        assertThat(oneStop.relays(phone).json().get("channel").asString()).isEqualTo("PHONE");
    }

    @Test
    void an_unknown_channel_is_refused_naming_channel() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        rating.put("channel", "SMS");

        ApiClient.Response response = oneStop.relays(rating);

        assertThat(response.status()).isEqualTo(400);
        assertThat(field(response)).isEqualTo("channel");
    }

    @Test
    void a_missing_or_too_short_idempotency_key_is_refused_naming_it() {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        rating.put("idempotencyKey", "abc");
        ApiClient.Response tooShort = oneStop.relays(rating);
        rating.remove("idempotencyKey");
        ApiClient.Response missing = oneStop.relays(rating);

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(field(tooShort)).isEqualTo("idempotencyKey");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(field(missing)).isEqualTo("idempotencyKey");
        assertThat(ratingsStoredFor(dossier)).isZero();
    }

    @Test
    void a_rating_without_an_api_key_is_a_401() {
        ApiClient anonymous = new ApiClient(port, null);

        ApiClient.Response response = anonymous.post("/api/v1/ratings", OneStopSoftware.rating(dossier, "SATISFIED"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(ratingsStoredFor(dossier)).isZero();
    }
}
