package vn.hailong.api;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT and GET /api/v1/units/{agencyCode}: the one-stop software registers the province's units. */
@HaiLongTest
class UnitApiTest {

    @LocalServerPort
    int port;

    OneStopSoftware oneStop;
    ApiClient api;

    @BeforeEach
    void connect() {
        oneStop = new OneStopSoftware(port);
        api = oneStop.api();
    }

    @Test
    void putting_a_new_unit_creates_it_and_putting_it_again_updates_it() {
        String province = oneStop.registersUnit("PROVINCE");
        String code = TestData.agencyCode();

        ApiClient.Response created = api.put(
                "/api/v1/units/" + code,
                Map.of(
                        "name",
                        "Sở Nội vụ",
                        "kind",
                        "DEPARTMENT",
                        "peerGroup",
                        "departments",
                        "validFrom",
                        "2025-07-01"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo(code);
        assertThat(created.json().get("name").asString()).isEqualTo("Sở Nội vụ");

        ApiClient.Response updated = api.put(
                "/api/v1/units/" + code,
                Map.of("name", "Sở Nội vụ tỉnh", "kind", "DEPARTMENT", "parent", province, "peerGroup", "departments"));
        assertThat(updated.status()).isEqualTo(200);

        ApiClient.Response read = api.get("/api/v1/units/" + code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Sở Nội vụ tỉnh");
        assertThat(read.json().get("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(read.json().get("parent").asString()).isEqualTo(province);
        assertThat(read.json().get("peerGroup").asString()).isEqualTo("departments");
        assertThat(read.json().get("validFrom").asString()).isEqualTo("2025-07-01");
    }

    @Test
    void a_unit_code_with_lowercase_letters_is_refused_naming_agency_code() {
        ApiClient.Response response =
                api.put("/api/v1/units/000.00.06.h56", Map.of("name", "Sở", "kind", "DEPARTMENT"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo("agencyCode");
        assertThat(api.get("/api/v1/units/000.00.06.h56").status()).isEqualTo(404);
    }

    @Test
    void a_unit_code_with_an_empty_group_is_refused_naming_agency_code() {
        ApiClient.Response response = api.put("/api/v1/units/000..06.H56", Map.of("name", "Sở", "kind", "DEPARTMENT"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("agencyCode");
    }

    @Test
    void a_unit_under_an_unknown_parent_is_refused_naming_parent() {
        String code = TestData.agencyCode();

        ApiClient.Response response = api.put(
                "/api/v1/units/" + code,
                Map.of("name", "Phường thử", "kind", "COMMUNE", "parent", TestData.agencyCode()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("parent");
        assertThat(api.get("/api/v1/units/" + code).status()).isEqualTo(404);
    }

    @Test
    void a_unit_of_an_unknown_kind_is_refused_naming_kind() {
        String code = TestData.agencyCode();

        ApiClient.Response response = api.put("/api/v1/units/" + code, Map.of("name", "Huyện thử", "kind", "DISTRICT"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("kind");
        assertThat(api.get("/api/v1/units/" + code).status()).isEqualTo(404);
    }

    @Test
    void a_malformed_field_wins_over_an_unknown_parent_and_both_are_named() {
        ApiClient.Response response = api.put(
                "/api/v1/units/" + TestData.agencyCode(),
                Map.of("name", "Phường thử", "kind", "WARD", "parent", TestData.agencyCode()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("kind");
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("kind", "parent");
    }

    @Test
    void a_unit_cannot_be_its_own_parent() {
        String code = oneStop.registersUnit("DEPARTMENT");

        ApiClient.Response response =
                api.put("/api/v1/units/" + code, Map.of("name", "Sở", "kind", "DEPARTMENT", "parent", code));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("parent");
    }

    @Test
    void placing_a_unit_under_its_own_sub_unit_is_refused_and_changes_nothing() {
        String a = oneStop.registersUnit("DEPARTMENT");
        String b = oneStop.registersUnit("SERVICE_CENTRE", a);

        ApiClient.Response response =
                api.put("/api/v1/units/" + a, Map.of("name", "Sở đổi tên", "kind", "DEPARTMENT", "parent", b));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("parent");
        ApiClient.Response unchanged = api.get("/api/v1/units/" + a);
        assertThat(unchanged.json().get("parent")).isNull();
        assertThat(unchanged.json().get("name").asString()).isEqualTo("Đơn vị thử " + a);
    }

    @Test
    void placing_a_unit_under_a_grandchild_is_refused_too() {
        String a = oneStop.registersUnit("PROVINCE");
        String b = oneStop.registersUnit("DEPARTMENT", a);
        String c = oneStop.registersUnit("SERVICE_CENTRE", b);

        ApiClient.Response response =
                api.put("/api/v1/units/" + a, Map.of("name", "Tỉnh", "kind", "PROVINCE", "parent", c));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asString()).isEqualTo("parent");
    }

    @Test
    void a_unit_with_a_date_that_is_not_a_date_is_refused_naming_the_date() {
        ApiClient.Response response = api.put(
                "/api/v1/units/" + TestData.agencyCode(),
                Map.of("name", "Sở", "kind", "DEPARTMENT", "validFrom", "01/07/2025"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("validFrom");
    }

    @Test
    void getting_an_unknown_unit_is_a_404_problem() {
        ApiClient.Response response = api.get("/api/v1/units/" + TestData.agencyCode());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }
}
