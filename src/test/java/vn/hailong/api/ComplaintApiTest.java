package vn.hailong.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.OneStopSoftware.RECEIVED_ON;
import static vn.hailong.OneStopSoftware.at;
import static vn.hailong.OneStopSoftware.instant;

/** PUT /api/v1/dossiers/{code}/complaints/{id}: feedback and complaints (PAKN) about a dossier. */
@HaiLongTest
class ComplaintApiTest {

    @LocalServerPort
    int port;

    OneStopSoftware oneStop;
    ApiClient api;
    String unit;
    String dossier;

    @BeforeEach
    void storeDossier() {
        oneStop = new OneStopSoftware(port);
        api = oneStop.api();
        unit = oneStop.registersUnit("COMMUNE");
        dossier = oneStop.sendsReceivedDossier(unit);
    }

    static String complaintId() {
        return "pakn-" + TestData.uniqueSuffix();
    }

    /** A complaint received five days after the dossier, with ten days to answer it. */
    static Map<String, Object> complaint(String handledAt, Boolean satisfied) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedAt", at(RECEIVED_ON.plusDays(5), "10:00"));
        body.put("deadline", at(RECEIVED_ON.plusDays(15), "17:00"));
        if (handledAt != null) {
            body.put("handledAt", handledAt);
        }
        if (satisfied != null) {
            body.put("complainantSatisfied", satisfied);
        }
        return body;
    }

    ApiClient.Response put(String complaintId, Map<String, Object> body) {
        return api.put("/api/v1/dossiers/" + dossier + "/complaints/" + complaintId, body);
    }

    @Test
    void a_complaint_is_stored_and_answered_as_stored() {
        String id = complaintId();

        ApiClient.Response response = put(id, complaint(null, null));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(instant(response.json().get("deadline").asString()))
                .isEqualTo(instant(at(RECEIVED_ON.plusDays(15), "17:00")));
        assertThat(response.json().get("aboutHandling").asBoolean()).isTrue();
        assertThat(response.json().get("handledOnTime").asBoolean()).isFalse();
    }

    @Test
    void a_complaint_handled_before_its_deadline_is_on_time() {
        ApiClient.Response response = put(complaintId(), complaint(at(RECEIVED_ON.plusDays(14), "09:00"), true));

        assertThat(response.json().get("handledOnTime").asBoolean()).isTrue();
        assertThat(response.json().get("complainantSatisfied").asBoolean()).isTrue();
    }

    @Test
    void a_complaint_handled_exactly_at_its_deadline_is_on_time() {
        assertThat(put(complaintId(), complaint(at(RECEIVED_ON.plusDays(15), "17:00"), null))
                        .json()
                        .get("handledOnTime")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_complaint_handled_after_its_deadline_is_late() {
        ApiClient.Response response = put(complaintId(), complaint(at(RECEIVED_ON.plusDays(15), "17:01"), false));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("handledOnTime").asBoolean()).isFalse();
    }

    @Test
    void putting_a_complaint_again_replaces_it_instead_of_adding_one() {
        String id = complaintId();
        put(id, complaint(null, null));

        put(id, complaint(at(RECEIVED_ON.plusDays(10), "09:00"), true));

        JsonNode complaints = api.get("/api/v1/dossiers/" + dossier).json().get("complaints");
        assertThat(complaints.size()).isEqualTo(1);
        assertThat(complaints.get(0).get("handledOnTime").asBoolean()).isTrue();
    }

    @Test
    void a_satisfaction_answer_without_a_handling_time_is_refused() {
        String id = complaintId();

        ApiClient.Response response = put(id, complaint(null, true));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("complainantSatisfied");
        assertThat(api.get("/api/v1/dossiers/" + dossier)
                        .json()
                        .get("complaints")
                        .size())
                .isZero();
    }

    @Test
    void a_complaint_with_a_deadline_before_its_receipt_is_refused_naming_deadline() {
        Map<String, Object> body = complaint(null, null);
        body.put("deadline", at(RECEIVED_ON.plusDays(4), "17:00"));

        ApiClient.Response response = put(complaintId(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("deadline");
    }

    @Test
    void complaints_appear_in_the_dossier() {
        String open = complaintId();
        String answered = complaintId();
        put(open, complaint(null, null));
        put(answered, complaint(at(RECEIVED_ON.plusDays(16), "08:00"), false));

        JsonNode complaints = api.get("/api/v1/dossiers/" + dossier).json().get("complaints");

        assertThat(complaints
                        .valueStream()
                        .map(c -> c.get("id").asString() + ":"
                                + c.get("handledOnTime").asBoolean()))
                .containsExactlyInAnyOrder(open + ":false", answered + ":false");
    }

    @Test
    void a_complaint_about_an_unknown_dossier_is_a_404() {
        ApiClient.Response response = api.put(
                "/api/v1/dossiers/" + TestData.dossierCode(unit, 9999) + "/complaints/" + complaintId(),
                complaint(null, null));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void a_complaint_id_of_another_dossier_is_refused() {
        String id = complaintId();
        put(id, complaint(null, null));
        String otherDossier = oneStop.sendsReceivedDossier(unit);

        ApiClient.Response response =
                api.put("/api/v1/dossiers/" + otherDossier + "/complaints/" + id, complaint(null, null));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("complaintId");
    }
}
