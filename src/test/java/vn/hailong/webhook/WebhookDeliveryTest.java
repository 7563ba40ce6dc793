package vn.hailong.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.TestMail;
import vn.hailong.followup.FollowUpEscalations;
import vn.hailong.index.MethodologyService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.security.AccountService;
import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks over real HTTP both ways: endpoints registered through the API, events from the API,
 * deliveries received by a JDK HttpServer in the test, whose signatures are checked with the
 * Standard Webhooks algorithm written out here.
 */
@HaiLongTest
class WebhookDeliveryTest {

    static final String MANAGER_KEY = "test-webhook-key-0123456789abcdef0123456789";

    @LocalServerPort
    int port;

    @Autowired
    WebhookService webhooks;

    @Autowired
    MailOutbox mail;

    @Autowired
    FollowUpEscalations escalations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiKeyService keys;

    @Autowired
    MethodologyService methodologies;

    OneStopSoftware oneStop;
    ApiClient manager;
    Receiver receiver;
    String unit;
    final List<String> registered = new ArrayList<>();

    @BeforeEach
    void aReceiverAndAUnit() {
        oneStop = new OneStopSoftware(port);
        manager = new ApiClient(port, MANAGER_KEY);
        receiver = new Receiver();
        unit = oneStop.registersUnit("DEPARTMENT");
    }

    @AfterEach
    void removeEndpoints() {
        registered.forEach(id -> manager.send("DELETE", "/api/v1/webhooks/" + id, null));
        receiver.close();
    }

    /** Registers the receiver for these events; returns the registration's JSON (endpoint and secret). */
    JsonNode registers(String owner, String... types) {
        ApiClient.Response response = manager.post(
                "/api/v1/webhooks",
                Map.of(
                        "url",
                        receiver.url(),
                        "ownerEmail",
                        owner,
                        "eventTypes",
                        List.of(types),
                        "description",
                        "thử nghiệm"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        registered.add(response.json().get("endpoint").get("id").asString());
        return response.json();
    }

    /** The Standard Webhooks check, as a receiver writes it: HMAC-SHA256 of "id.timestamp.body" with the secret's bytes. */
    static boolean signedWith(String secret, Receiver.Request request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                                .getBytes(StandardCharsets.UTF_8)));
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp()));
        return age < 300 && List.of(request.signature().split(" ")).contains(expected);
    }

    List<JsonNode> log(JsonNode registration) {
        ApiClient.Response response = manager.get(
                "/api/v1/webhooks/" + registration.get("endpoint").get("id").asString() + "/deliveries");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().forEach(rows::add);
        return rows;
    }

    void sendAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        webhooks.sendDueNow();
    }

    @Test
    void a_returned_dossier_is_told_once_signed_with_its_survey_link() throws Exception {
        JsonNode registration = registers("chu-webhook@example.vn", "dossier.returned");
        String secret = registration.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        String dossier = oneStop.sendsReturnedDossier(unit, Instant.now().minusSeconds(60));
        oneStop.sends(dossier, withReturn(OneStopSoftware.dossier(unit, "RETURNED"))); // sent again: not told again
        webhooks.sendDueNow();

        List<Receiver.Request> told = receiver.containing(dossier);
        assertThat(told).hasSize(1);
        Receiver.Request request = told.getFirst();
        assertThat(request.id()).startsWith("msg_");
        assertThat(signedWith(secret, request)).isTrue();
        JsonNode body = ApiClient.JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("dossier.returned");
        assertThat(body.get("data").get("dossierCode").asString()).isEqualTo(dossier);
        assertThat(body.get("data").get("surveyLink").asString()).startsWith("http://localhost:8080/r/");
        assertThat(log(registration)).singleElement().satisfies(d -> {
            assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
            assertThat(d.get("lastResponse").asString()).isEqualTo("answer 200");
        });
    }

    static Map<String, Object> withReturn(Map<String, Object> body) {
        body.put("receivedAt", OneStopSoftware.at(Instant.now().minusSeconds(86400)));
        body.put("dueAt", OneStopSoftware.at(Instant.now().plusSeconds(86400)));
        body.put("returnedAt", OneStopSoftware.at(Instant.now().minusSeconds(30)));
        return body;
    }

    @Test
    void a_500_and_a_timeout_are_retried_with_the_same_webhook_id_until_delivered() throws Exception {
        JsonNode registration = registers("chu-webhook@example.vn", "rating.recorded");
        receiver.answers = n -> n == 1 ? 500 : n == 2 ? -3000 : 200; // 500, then hangs past the 2 s timeout, then 200
        String dossier = oneStop.sendsReceivedDossier(unit);
        ApiClient.Response rated = oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);

        webhooks.sendDueNow();
        JsonNode first = log(registration).getFirst();
        assertThat(first.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("lastStatus").asInt()).isEqualTo(500);
        sendAfter(300);
        JsonNode second = log(registration).getFirst();
        assertThat(second.get("lastError").asString()).contains("timed out");
        sendAfter(500);

        List<Receiver.Request> told = receiver.containing(dossier);
        assertThat(told).hasSize(3);
        assertThat(told)
                .extracting(Receiver.Request::id)
                .containsOnly(told.getFirst().id());
        for (Receiver.Request request : told) {
            assertThat(signedWith(registration.get("secret").asString(), request))
                    .isTrue();
        }
        JsonNode delivered = log(registration).getFirst();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void an_endpoint_that_keeps_failing_is_disabled_its_owner_told_and_a_redelivery_after_the_repair_arrives()
            throws Exception {
        String owner = "webhook-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        JsonNode registration = registers(owner, "rating.recorded");
        String endpointId = registration.get("endpoint").get("id").asString();
        receiver.answers = n -> 503;
        String dossier = oneStop.sendsReceivedDossier(unit);
        ApiClient.Response rated = oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);

        webhooks.sendDueNow();
        sendAfter(300);
        sendAfter(500);

        assertThat(receiver.containing(dossier)).hasSize(3);
        JsonNode failed = log(registration).getFirst();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        JsonNode endpoint = manager.get("/api/v1/webhooks/" + endpointId).json();
        assertThat(endpoint.get("enabled").asBoolean()).isFalse();
        assertThat(endpoint.get("disabledReason").asString()).contains("failing since");
        for (int i = 0; i < 50 && TestMail.to(owner).isEmpty(); i++) {
            mail.sendDue();
        }
        assertThat(TestMail.to(owner))
                .singleElement()
                .satisfies(m -> assertThat(TestMail.body(m)).contains(receiver.url()));

        // The receiver is repaired; the administrator enables the endpoint and redelivers.
        receiver.answers = n -> 200;
        assertThat(manager.post("/api/v1/webhooks/" + endpointId + "/enable", "")
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        ApiClient.Response redelivery = manager.post(
                "/api/v1/webhooks/" + endpointId + "/deliveries/"
                        + failed.get("id").asString() + "/redeliver",
                "");
        assertThat(redelivery.status()).isEqualTo(202);
        webhooks.sendDueNow();

        assertThat(receiver.containing(dossier))
                .hasSize(4)
                .extracting(Receiver.Request::id)
                .containsOnly(failed.get("messageId").asString());
        assertThat(log(registration).getFirst().get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void an_unhappy_rating_tells_its_follow_up_case_opened_and_later_overdue_once() throws Exception {
        JsonNode registration = registers("chu-webhook@example.vn", "followup.opened", "followup.overdue");
        String dossier = oneStop.sendsReceivedDossier(unit);
        Map<String, Object> unhappy = OneStopSoftware.rating(dossier, "DISSATISFIED");
        unhappy.put("reasons", List.of("SLOW"));
        ApiClient.Response rated = oneStop.relays(unhappy);
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        webhooks.sendDueNow();
        assertThat(receiver.containing(dossier))
                .singleElement()
                .satisfies(r -> assertThat(
                                ApiClient.JSON.readTree(r.body()).get("type").asString())
                        .isEqualTo("followup.opened"));

        jdbc.update(
                "UPDATE follow_up_case SET due_on = DATE_SUB(CURDATE(), INTERVAL 2 DAY) WHERE rating_id = ?",
                rated.json().get("ratingId").asString());
        escalations.escalateOverdueNow();
        escalations.escalateOverdueNow(); // a second run (or node) tells nothing more
        webhooks.sendDueNow();

        List<Receiver.Request> told = receiver.containing(dossier);
        assertThat(told).hasSize(2);
        JsonNode overdue = ApiClient.JSON.readTree(told.get(1).body());
        assertThat(overdue.get("type").asString()).isEqualTo("followup.overdue");
        assertThat(overdue.get("data").get("dossierCode").asString()).isEqualTo(dossier);
        assertThat(signedWith(registration.get("secret").asString(), told.get(1)))
                .isTrue();
    }

    @Test
    void a_published_index_and_its_correction_are_told_once_each_after_the_commit() throws Exception {
        JsonNode registration = registers("chu-webhook@example.vn", "index.published");
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String managerName = "tinh-webhook-" + suffix;
        accounts.ensureAccount(managerName, "mat-khau-" + managerName, "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        String key = "pub-key-" + suffix + "-0123456789abcdef0123456789abcdef";
        keys.provisionForAccount("pub-" + suffix, key, managerName);
        ApiClient province = new ApiClient(port, key);
        String scheme = "pub-" + suffix;
        UserDetails user = accounts.loadUserByUsername(managerName);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            methodologies.addVersion(
                    scheme,
                    null,
                    null,
                    "Webhook",
                    methodologies.forYear("default", 2026).definition());
        } finally {
            SecurityContextHolder.clearContext();
        }
        String dossier = oneStop.sendsReturnedDossier(unit, Instant.parse("2026-08-12T03:00:00Z"));
        assertThat(oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED")).status())
                .isEqualTo(201);

        String draft = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08"))
                .json()
                .get("id")
                .asString();
        webhooks.sendDueNow();
        assertThat(receiver.containing(scheme)).as("a draft is not told").isEmpty();
        ApiClient.Response refused =
                province.post("/api/v1/index/snapshots/" + draft + "/publish", Map.of("reason", "x"));
        assertThat(refused.status()).isEqualTo(422);
        webhooks.sendDueNow();
        assertThat(receiver.containing(scheme))
                .as("a refused publication is not told")
                .isEmpty();

        assertThat(province.send("POST", "/api/v1/index/snapshots/" + draft + "/publish", null)
                        .status())
                .isEqualTo(200);
        String correction = province.post(
                        "/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-08", "correction", true))
                .json()
                .get("id")
                .asString();
        assertThat(province.post("/api/v1/index/snapshots/" + correction + "/publish", Map.of("reason", "Đồng bộ muộn"))
                        .status())
                .isEqualTo(200);
        webhooks.sendDueNow();
        webhooks.sendDueNow();

        List<Receiver.Request> told = receiver.containing(scheme);
        assertThat(told).hasSize(2);
        assertThat(told)
                .allSatisfy(
                        r -> assertThat(signedWith(registration.get("secret").asString(), r))
                                .isTrue());
        // Deliveries to one endpoint are not ordered (each has its own retries): told apart by snapshot.
        List<JsonNode> bodies = told.stream()
                .map(r -> ApiClient.JSON.readTree(r.body()))
                .sorted(Comparator.comparing(
                        b -> b.get("data").get("correction").asBoolean()))
                .toList();
        JsonNode first = bodies.get(0);
        assertThat(first.get("type").asString()).isEqualTo("index.published");
        assertThat(first.get("data").get("snapshotId").asString()).isEqualTo(draft);
        assertThat(first.get("data").get("period").asString()).isEqualTo("2026-08");
        assertThat(first.get("data").get("correction").asBoolean()).isFalse();
        assertThat(first.get("data").get("units").asInt()).isPositive();
        assertThat(first.get("data").get("results").asString())
                .endsWith("/api/v1/index?scheme=" + scheme + "&period=2026-08");
        JsonNode second = bodies.get(1);
        assertThat(second.get("data").get("snapshotId").asString()).isEqualTo(correction);
        assertThat(second.get("data").get("correction").asBoolean()).isTrue();
        assertThat(second.get("data").get("correctsSnapshotId").asString()).isEqualTo(draft);
        assertThat(second.get("data").get("correctionReason").asString()).isEqualTo("Đồng bộ muộn");
        assertThat(province.get(second.get("data")
                                .get("results")
                                .asString()
                                .substring(("http://localhost:8080").length()))
                        .status())
                .as("the address told answers the manager's key")
                .isEqualTo(200);
    }

    @Test
    void an_endpoint_deleted_or_disabled_on_another_node_gets_nothing_and_fails_no_write() throws Exception {
        JsonNode deleted = registers("chu-webhook@example.vn", "dossier.returned");
        JsonNode disabled = registers("chu-webhook@example.vn", "dossier.returned");
        String before = oneStop.sendsReturnedDossier(unit, Instant.now().minusSeconds(60)); // this node now knows both
        webhooks.sendDueNow();
        assertThat(receiver.containing(before)).hasSize(2);

        // Another node's changes, which this node's read of the subscriptions (5 s) has not seen yet.
        jdbc.update(
                "DELETE FROM webhook_endpoint WHERE id = ?",
                deleted.get("endpoint").get("id").asString());
        jdbc.update(
                "UPDATE webhook_endpoint SET enabled = FALSE WHERE id = ?",
                disabled.get("endpoint").get("id").asString());
        String after = oneStop.sendsReturnedDossier(unit, Instant.now().minusSeconds(30)); // answered 2xx, or it throws
        webhooks.sendDueNow();

        assertThat(receiver.containing(after)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM webhook_delivery WHERE payload LIKE ?", Integer.class, "%" + after + "%"))
                .isZero();
    }

    @Test
    void ssrf_targets_are_refused_naming_the_url_and_keys_without_the_right_cannot_manage_webhooks() {
        for (String target : List.of(
                "http://127.0.0.1:" + port + "/api/v1/openapi",
                "http://10.0.0.5/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/hook",
                "http://192.168.1.10/hook",
                "file:///etc/passwd")) {
            ApiClient.Response response = manager.post(
                    "/api/v1/webhooks",
                    Map.of("url", target, "ownerEmail", "a@example.vn", "eventTypes", List.of("rating.recorded")));
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.json().get("field").asString()).isEqualTo("url");
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        ApiClient.Response unknownType = manager.post(
                "/api/v1/webhooks",
                Map.of("url", receiver.url(), "ownerEmail", "a@example.vn", "eventTypes", List.of("rating.deleted")));
        assertThat(unknownType.json().get("field").asString()).isEqualTo("eventTypes");
        assertThat(oneStop.api().get("/api/v1/webhooks").status()).isEqualTo(403);
    }
}
