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
import static vn.hailong.OneStopSoftware.DUE_ON;
import static vn.hailong.OneStopSoftware.RECEIVED_ON;
import static vn.hailong.OneStopSoftware.at;
import static vn.hailong.OneStopSoftware.instant;

/** PUT and GET /api/v1/dossiers/{code}: dossiers pushed by the one-stop software. */
@HaiLongTest
class DossierApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    ApiClient api;
    String unit;

    @BeforeEach
    void registerUnit() {
        oneStop = new OneStopSoftware(port);
        api = oneStop.api();
        unit = oneStop.registersUnit("DEPARTMENT");
    }

    Map<String, Object> dossier(String status) {
        return OneStopSoftware.dossier(unit, status);
    }

    static String field(ApiClient.Response response) {
        return response.json().get("field").asString();
    }

    @Test
    void putting_a_new_dossier_creates_it_with_a_survey_link_and_putting_it_again_changes_nothing() {
        String code = TestData.dossierCode(unit, 1);
        ApiClient.Response created = api.put("/api/v1/dossiers/" + code, dossier("RECEIVED"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("surveyLink").asString()).matches("http://localhost:8080/r/[A-Za-z0-9_-]{22}");
        assertThat(created.json().get("rated").asBoolean()).isFalse();

        ApiClient.Response again = api.put("/api/v1/dossiers/" + code, dossier("RECEIVED"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("surveyLink").asString())
                .isEqualTo(created.json().get("surveyLink").asString());
        assertThat(api.get("/api/v1/dossiers/" + code).json()).isEqualTo(created.json());
    }

    @Test
    void putting_a_dossier_with_new_facts_updates_it() {
        String code = TestData.dossierCode(unit, 3);
        assertThat(api.put("/api/v1/dossiers/" + code, dossier("RECEIVED")).status())
                .isEqualTo(201);

        Map<String, Object> processing = dossier("PROCESSING");
        processing.put("supplementRequests", 2);
        processing.put(
                "officers",
                List.of(
                        Map.of("id", "cb-" + unit, "name", "Nguyễn Văn A", "role", "RECEIVING"),
                        Map.of("id", "xl-" + unit, "name", "Trần Thị B", "role", "PROCESSING")));
        ApiClient.Response updated = api.put("/api/v1/dossiers/" + code, processing);
        assertThat(updated.status()).isEqualTo(200);

        ApiClient.Response read = api.get("/api/v1/dossiers/" + code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("PROCESSING");
        assertThat(read.json().get("statusCode").asInt()).isEqualTo(4);
        assertThat(read.json().get("supplementRequests").asInt()).isEqualTo(2);
        assertThat(read.json()
                        .get("officers")
                        .valueStream()
                        .map(o -> o.get("id").asString() + "/" + o.get("role").asString()))
                .containsExactly("cb-" + unit + "/RECEIVING", "xl-" + unit + "/PROCESSING");
        assertThat(read.json().get("evaluatedUnit").asString()).isEqualTo(unit);
        assertThat(instant(read.json().get("receivedAt").asString())).isEqualTo(instant(at(RECEIVED_ON, "08:30")));
        assertThat(read.json().get("timeliness")).isNull();
    }

    @Test
    void a_returned_dossier_gets_its_timeliness_from_the_dates() {
        String code = TestData.dossierCode(unit, 2);
        Map<String, Object> body = dossier("RETURNED");
        body.put("returnedAt", at(DUE_ON.plusDays(1), "09:00"));
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("timeliness").asString()).isEqualTo("LATE");

        body.put("returnedAt", at(DUE_ON.minusDays(1), "09:00"));
        assertThat(api.put("/api/v1/dossiers/" + code, body)
                        .json()
                        .get("timeliness")
                        .asString())
                .isEqualTo("EARLY");
        assertThat(api.get("/api/v1/dossiers/" + code).json().get("timeliness").asString())
                .isEqualTo("EARLY");

        body.put("returnedAt", at(DUE_ON, "17:00"));
        assertThat(api.put("/api/v1/dossiers/" + code, body)
                        .json()
                        .get("timeliness")
                        .asString())
                .isEqualTo("ON_TIME");
    }

    @Test
    void a_dossier_shows_rated_once_a_rating_is_stored() {
        String code = oneStop.sendsReceivedDossier(unit);
        assertThat(api.get("/api/v1/dossiers/" + code).json().get("rated").asBoolean())
                .isFalse();

        assertThat(oneStop.relays(OneStopSoftware.rating(code, "SATISFIED")).status())
                .isEqualTo(201);

        assertThat(api.get("/api/v1/dossiers/" + code).json().get("rated").asBoolean())
                .isTrue();
    }

    @Test
    void a_dossier_of_an_unknown_unit_is_refused_naming_receiving_unit() {
        Map<String, Object> body = dossier("RECEIVED");
        body.put("receivingUnit", TestData.agencyCode());

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 10), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("receivingUnit");
    }

    @Test
    void a_dossier_due_before_it_was_received_is_refused_naming_due_at() {
        Map<String, Object> body = dossier("RECEIVED");
        body.put("dueAt", at(RECEIVED_ON.minusDays(1), "17:00"));

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 11), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("dueAt");
    }

    @Test
    void a_dossier_returned_before_it_was_received_is_refused_naming_returned_at() {
        Map<String, Object> body = dossier("RETURNED");
        body.put("returnedAt", at(RECEIVED_ON, "08:29"));

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 12), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("returnedAt");
    }

    @Test
    void a_returned_dossier_without_a_return_time_is_refused_naming_returned_at() {
        ApiClient.Response response =
                api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 13), dossier("RETURNED"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("returnedAt");
    }

    @Test
    void a_malformed_dossier_code_is_refused_naming_code() {
        ApiClient.Response impossibleDate = api.put("/api/v1/dossiers/" + unit + "-261341-0001", dossier("RECEIVED"));
        ApiClient.Response noSequence = api.put("/api/v1/dossiers/" + unit + "-261102", dossier("RECEIVED"));

        assertThat(impossibleDate.status()).isEqualTo(400);
        assertThat(field(impossibleDate)).isEqualTo("code");
        assertThat(noSequence.status()).isEqualTo(400);
        assertThat(field(noSequence)).isEqualTo("code");
    }

    @Test
    void an_unknown_status_is_refused_naming_status() {
        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 14), dossier("DONE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(field(response)).isEqualTo("status");
    }

    @Test
    void a_time_without_an_offset_is_refused_naming_the_field() {
        Map<String, Object> body = dossier("RECEIVED");
        body.put("receivedAt", RECEIVED_ON + "T08:30:00");

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 15), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(field(response)).isEqualTo("receivedAt");
    }

    @Test
    void a_value_of_the_wrong_json_type_is_refused_naming_its_field() {
        Map<String, Object> body = dossier("RECEIVED");
        body.put("supplementRequests", "x");

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 16), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(field(response)).isEqualTo("supplementRequests");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        ApiClient.Response response =
                api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 17), "{\"procedureCode\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void every_bad_field_is_named_in_one_answer() {
        Map<String, Object> body = dossier("DONE");
        body.put("channel", "FAX");
        body.put("receivedAt", "yesterday");

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 18), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("channel", "status", "receivedAt");
    }

    @Test
    void a_request_without_an_api_key_is_a_401_problem() {
        ApiClient anonymous = new ApiClient(port, null);

        ApiClient.Response response =
                anonymous.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 19), dossier("RECEIVED"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(anonymous
                        .get("/api/v1/dossiers/" + TestData.dossierCode(unit, 19))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/dossiers/" + TestData.dossierCode(unit, 19)).status())
                .isEqualTo(404);
    }

    @Test
    void a_request_with_a_wrong_api_key_is_a_401_problem() {
        ApiClient impostor = new ApiClient(port, "test-key-0123456789abcdef0123456789abcdeX");

        ApiClient.Response response =
                impostor.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 20), dossier("RECEIVED"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/dossiers/" + TestData.dossierCode(unit, 20)).status())
                .isEqualTo(404);
    }

    @Test
    void getting_an_unknown_dossier_is_a_404_problem() {
        ApiClient.Response response = api.get("/api/v1/dossiers/" + TestData.dossierCode(unit, 21));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void a_rejected_update_leaves_the_stored_dossier_as_it_was() {
        String code = TestData.dossierCode(unit, 22);
        assertThat(api.put("/api/v1/dossiers/" + code, dossier("RECEIVED")).status())
                .isEqualTo(201);
        ApiClient.Response before = api.get("/api/v1/dossiers/" + code);

        Map<String, Object> bad = dossier("PROCESSING");
        bad.put("supplementRequests", 3);
        bad.put("dueAt", at(RECEIVED_ON.minusDays(2), "17:00"));
        assertThat(api.put("/api/v1/dossiers/" + code, bad).status()).isEqualTo(422);

        ApiClient.Response after = api.get("/api/v1/dossiers/" + code);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(after.json().get("supplementRequests").asInt()).isZero();
        assertThat(after.json().get("dueAt").asString())
                .isEqualTo(before.json().get("dueAt").asString());
        assertThat(after.json()).isEqualTo(before.json());
    }

    @Test
    void a_rejected_new_dossier_leaves_no_trace() {
        String code = TestData.dossierCode(unit, 23);
        String procedure = "1.004227." + TestData.uniqueSuffix();
        Map<String, Object> bad = dossier("RECEIVED");
        bad.put("procedureCode", procedure);
        bad.put("competentUnit", TestData.agencyCode());

        assertThat(api.put("/api/v1/dossiers/" + code, bad).status()).isEqualTo(422);

        assertThat(api.get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE code = ?", Integer.class, code))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_procedure WHERE code = ?", Integer.class, procedure))
                .isZero();
    }

    @Test
    void a_new_procedure_is_registered_with_the_first_dossier_that_names_it() {
        String procedure = "1.004227." + TestData.uniqueSuffix();
        Map<String, Object> body = dossier("RECEIVED");
        body.put("procedureCode", procedure);
        body.put("procedureName", "Thủ tục mới");
        body.put("procedureField", "Môi trường");

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 24), body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("procedure").get("code").asString()).isEqualTo(procedure);
        assertThat(response.json().get("procedure").get("name").asString()).isEqualTo("Thủ tục mới");
        assertThat(jdbc.queryForObject("SELECT field FROM admin_procedure WHERE code = ?", String.class, procedure))
                .isEqualTo("Môi trường");
    }

    @Test
    void a_new_procedure_without_a_name_is_refused_naming_procedure_name() {
        Map<String, Object> body = dossier("RECEIVED");
        body.put("procedureCode", "1.004227." + TestData.uniqueSuffix());
        body.remove("procedureName");

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 25), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(field(response)).isEqualTo("procedureName");
    }

    @Test
    void a_procedure_field_longer_than_its_column_is_refused_rather_than_cut() {
        String procedure = "1.004227." + TestData.uniqueSuffix();
        Map<String, Object> body = dossier("RECEIVED");
        body.put("procedureCode", procedure);
        body.put("procedureField", "x".repeat(201));

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 26), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(field(response)).isEqualTo("procedureField");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_procedure WHERE code = ?", Integer.class, procedure))
                .isZero();
    }

    @Test
    void renaming_a_known_procedure_with_a_field_longer_than_its_column_is_a_400_not_a_500() {
        String procedure = "1.004227." + TestData.uniqueSuffix();
        Map<String, Object> body = dossier("RECEIVED");
        body.put("procedureCode", procedure);
        assertThat(api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 27), body)
                        .status())
                .isEqualTo(201);
        body.put("procedureName", "Tên mới của thủ tục");
        body.put("procedureField", "x".repeat(201));

        ApiClient.Response response = api.put("/api/v1/dossiers/" + TestData.dossierCode(unit, 28), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(field(response)).isEqualTo("procedureField");
    }
}
