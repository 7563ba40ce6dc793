package vn.hailong.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.index.MethodologyService;
import vn.hailong.security.AccountService;
import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compute, review and publish over real HTTP with a province manager's API key: statuses,
 * problems naming fields, idempotent retries, stale drafts, keys that may not, and the audit trail.
 */
@HaiLongTest
class IndexOperationsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiKeyService keys;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    ApiClient province;
    String manager;
    String scheme;
    String unitA;
    String unitB;

    @BeforeEach
    void provinceWithAKey() {
        oneStop = new OneStopSoftware(port);
        String suffix = TestData.uniqueSuffix().toLowerCase();
        manager = "tinh-ops-" + suffix;
        accounts.ensureAccount(manager, "mat-khau-" + manager, "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        String key = "ops-key-" + suffix + "-0123456789abcdef0123456789abcdef";
        keys.provisionForAccount("ops-" + suffix, key, manager);
        province = new ApiClient(port, key);
        UserDetails user = accounts.loadUserByUsername(manager);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        scheme = "ops-" + suffix;
        methodologies.addVersion(
                scheme,
                null,
                null,
                "API ops",
                methodologies.forYear("default", 2026).definition());
        SecurityContextHolder.clearContext();
        unitA = oneStop.registersUnit("DEPARTMENT");
        unitB = oneStop.registersUnit("DEPARTMENT");
        rate(dossier(unitA, LocalDate.of(2026, 8, 12)), "SATISFIED");
        rate(dossier(unitB, LocalDate.of(2026, 8, 13)), "DISSATISFIED");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_province_managers_key_computes_reviews_and_publishes_a_month_once() {
        Map<String, Object> compute = Map.of("scheme", scheme, "period", "2026-08", "idempotencyKey", "thang-8-lan-1");
        ApiClient.Response draft = province.post("/api/v1/index/drafts", compute);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("computedBy").asString())
                .isEqualTo(manager + " (API key ops-" + scheme.substring(4) + ")");
        String id = draft.json().get("id").asString();

        ApiClient.Response retry = province.post("/api/v1/index/drafts", compute);
        assertThat(retry.status())
                .as("a retry with the same key computes nothing new")
                .isEqualTo(200);
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(retry.json().get("id").asString()).isEqualTo(id);

        ApiClient.Response current = province.get("/api/v1/index/drafts?scheme=" + scheme + "&period=2026-08");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("id").asString()).isEqualTo(id);
        assertThat(current.json()
                        .get("results")
                        .valueStream()
                        .map(r -> r.get("unitCode").asString()))
                .contains(unitA, unitB);

        ApiClient.Response reviewed =
                province.post("/api/v1/index/snapshots/" + id + "/review", Map.of("note", "đã đối chiếu"));
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(province.post("/api/v1/index/snapshots/" + id + "/review", Map.of("note", "lần hai"))
                        .json()
                        .get("reviews")
                        .size())
                .as("one review per reviewer")
                .isEqualTo(1);
        assertThat(reviewed.json().get("reviews").get(0).get("note").asString()).isEqualTo("đã đối chiếu");

        ApiClient.Response published = province.send("POST", "/api/v1/index/snapshots/" + id + "/publish", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        ApiClient.Response twice = province.send("POST", "/api/v1/index/snapshots/" + id + "/publish", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("field").asString()).isEqualTo("snapshot");
        ApiClient.Response again = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asString()).isEqualTo("period");
        assertThat(province.get("/api/v1/index?scheme=" + scheme + "&period=2026-08")
                        .status())
                .as("the manager's key reads the published index too")
                .isEqualTo(200);

        List<Map<String, Object>> log = jdbc.queryForList(
                "SELECT actor, action FROM audit_entry WHERE subject = ? ORDER BY seq", "index " + scheme + " 2026-08");
        assertThat(log)
                .extracting(e -> e.get("action"))
                .containsExactly("INDEX_COMPUTED", "INDEX_REVIEWED", "INDEX_PUBLISHED");
        assertThat(log).extracting(e -> (String) e.get("actor")).allMatch(a -> a.startsWith(manager + " (API key "));
    }

    @Test
    void stale_unknown_and_malformed_requests_get_problems_naming_what_is_wrong() {
        String first = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"))
                .json()
                .get("id")
                .asString();
        String second = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"))
                .json()
                .get("id")
                .asString();
        ApiClient.Response stale = province.send("POST", "/api/v1/index/snapshots/" + first + "/publish", null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("stale draft", second);
        assertThat(province.send("POST", "/api/v1/index/snapshots/" + UUID.randomUUID() + "/publish", null)
                        .status())
                .isEqualTo(404);
        ApiClient.Response notAnId = province.send("POST", "/api/v1/index/snapshots/nope/publish", null);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");

        ApiClient.Response noPeriod = province.post("/api/v1/index/drafts", Map.of("scheme", scheme));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.json().get("field").asString()).isEqualTo("period");
        ApiClient.Response badPeriod =
                province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-13"));
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("field").asString()).isEqualTo("period");
        ApiClient.Response badScheme =
                province.post("/api/v1/index/drafts", Map.of("scheme", "no-such-" + scheme, "period", "2026-08"));
        assertThat(badScheme.status()).isEqualTo(422);
        assertThat(badScheme.json().get("field").asString()).isEqualTo("scheme");
        ApiClient.Response reasonTooEarly =
                province.post("/api/v1/index/snapshots/" + second + "/publish", Map.of("reason", "x"));
        assertThat(reasonTooEarly.status()).isEqualTo(422);
        assertThat(reasonTooEarly.json().get("field").asString()).isEqualTo("reason");
        assertThat(province.post(
                                "/api/v1/index/drafts",
                                Map.of("scheme", scheme, "period", "2026-09", "idempotencyKey", "k 1"))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("idempotencyKey");

        assertThat(province.send("POST", "/api/v1/index/snapshots/" + second + "/publish", null)
                        .status())
                .isEqualTo(200);
        ApiClient.Response correction = province.post(
                "/api/v1/index/drafts",
                Map.of("scheme", scheme, "period", "2026-08", "correction", true, "idempotencyKey", "dinh-chinh-8"));
        assertThat(correction.status()).isEqualTo(201);
        String correctionId = correction.json().get("id").asString();
        ApiClient.Response reused = province.post(
                "/api/v1/index/drafts",
                Map.of("scheme", scheme, "period", "2026-07", "idempotencyKey", "dinh-chinh-8"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("field").asString()).isEqualTo("idempotencyKey");
        ApiClient.Response noReason =
                province.send("POST", "/api/v1/index/snapshots/" + correctionId + "/publish", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        ApiClient.Response corrected = province.post(
                "/api/v1/index/snapshots/" + correctionId + "/publish",
                Map.of("reason", "Đánh giá đồng bộ muộn của Sở"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("corrects").asString()).isEqualTo(second);
        assertThat(corrected.json().get("correctionReason").asString()).isEqualTo("Đánh giá đồng bộ muộn của Sở");
    }

    @Test
    void a_unit_managers_key_and_an_integrators_key_may_not_compute_or_publish() {
        String unitManager = "donvi-ops-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(unitManager, "mat-khau-" + unitManager, "Lãnh đạo Sở", Role.UNIT_MANAGER, unitA);
        String key = "unit-key-" + unitManager + "-0123456789abcdef0123456789abcdef";
        keys.provisionForAccount("unit-" + unitManager, key, unitManager);
        ApiClient unit = new ApiClient(port, key);
        String draft = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"))
                .json()
                .get("id")
                .asString();

        for (ApiClient notProvince : List.of(unit, oneStop.api())) {
            ApiClient.Response compute =
                    notProvince.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"));
            assertThat(compute.status()).isEqualTo(403);
            assertThat(compute.contentType()).startsWith("application/problem+json");
            assertThat(compute.json().get("detail").asString()).contains("province manager's");
            assertThat(notProvince
                            .send("POST", "/api/v1/index/snapshots/" + draft + "/review", null)
                            .status())
                    .isEqualTo(403);
            assertThat(notProvince
                            .send("POST", "/api/v1/index/snapshots/" + draft + "/publish", null)
                            .status())
                    .isEqualTo(403);
        }
        assertThat(unit.put("/api/v1/units/" + unitA + "/indicators/2026-08", Map.of("indicator5", 2))
                        .status())
                .as("its own unit's indicators")
                .isEqualTo(200);
        assertThat(unit.put("/api/v1/units/" + unitB + "/indicators/2026-08", Map.of("indicator5", 2))
                        .status())
                .as("another unit's")
                .isEqualTo(403);
        assertThat(province.put(
                                "/api/v1/dossiers/" + TestData.dossierCode(unitA, 9999),
                                OneStopSoftware.dossier(unitA, "RECEIVED"))
                        .status())
                .as("a manager's key is no integrator's")
                .isEqualTo(403);
        assertThat(province.get("/api/v1/index/snapshots/" + draft)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    private static int sequence = 8000;

    private String dossier(String unit, LocalDate day) {
        String code = TestData.dossierCode(unit, ++sequence);
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RETURNED");
        body.put("receivedAt", OneStopSoftware.at(day.minusDays(5), "08:00"));
        body.put("dueAt", OneStopSoftware.at(day.plusDays(5), "17:00"));
        body.put("returnedAt", OneStopSoftware.at(day, "10:00"));
        oneStop.sends(code, body);
        return code;
    }

    private void rate(String dossier, String overall) {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, overall);
        if (overall.equals("DISSATISFIED")) {
            rating.put("reasons", List.of("SLOW"));
        }
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);
    }
}
