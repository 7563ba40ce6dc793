package vn.hailong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;

@HaiLongTest
class DossierApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String unit;

    @BeforeEach
    void registerUnit() {
        api = new ApiClient(port, HaiLongTest.API_KEY);
        unit = TestData.agencyCode();
        assertThat(api.put("/api/v1/units/" + unit, Map.of("name", "Sở thử nghiệm", "kind", "DEPARTMENT")).status()).isEqualTo(201);
    }

    Map<String, Object> dossier(String status) {
        return new java.util.HashMap<>(Map.of(
                "procedureCode", "1.004227", "procedureName", "Cấp giấy phép môi trường",
                "receivingUnit", unit, "competentUnit", unit, "channel", "IN_PERSON", "applicantKind", "CITIZEN",
                "status", status, "receivedAt", "2026-11-02T08:30:00+07:00", "dueAt", "2026-11-20T17:00:00+07:00",
                "officers", List.of(Map.of("id", "cb-" + unit, "name", "Nguyễn Văn A", "role", "RECEIVING"))));
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
        assertThat(again.json().get("surveyLink").asString()).isEqualTo(created.json().get("surveyLink").asString());
    }

    @Test
    void a_returned_dossier_gets_its_timeliness_from_the_dates() {
        String code = TestData.dossierCode(unit, 2);
        Map<String, Object> body = dossier("RETURNED");
        body.put("returnedAt", "2026-11-21T09:00:00+07:00");
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("timeliness").asString()).isEqualTo("LATE");

        body.put("returnedAt", "2026-11-19T09:00:00+07:00");
        assertThat(api.put("/api/v1/dossiers/" + code, body).json().get("timeliness").asString()).isEqualTo("EARLY");
        assertThat(api.get("/api/v1/dossiers/" + code).json().get("timeliness").asString()).isEqualTo("EARLY");
    }
}
