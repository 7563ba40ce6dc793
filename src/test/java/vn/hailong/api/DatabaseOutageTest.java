package vn.hailong.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.e2e.AppNode;
import vn.hailong.e2e.CuttableProxy;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a node that is serving writes, and comes back. A second node
 * reaches the test database through a relay that the test cuts: while it is cut, every write
 * (ratings, dossiers, the kiosk outbox, and a key the node has not verified yet, whose lookup fails
 * in the security filter before any controller) is answered 503 with Retry-After and a problem
 * body, never a success, a 500 or a page. Restored, the node recovers by itself and the same
 * requests are stored, once each.
 */
@HaiLongTest
@ExtendWith(KeepsSecurityStrategy.class)
class DatabaseOutageTest {

    /** How long the node waits for a connection before shedding the request: short, to keep the test fast. */
    private static final int POOL_WAIT_MS = 1000;

    static CuttableProxy database;
    static AppNode node;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startNodeBehindACuttableDatabase(@Autowired EmbeddedMariaDb db) throws Exception {
        database = new CuttableProxy(db.port());
        node = new AppNode(
                        db.jdbcUrl().replace(":" + db.port() + "/", ":" + database.port() + "/"),
                        "--spring.datasource.hikari.connection-timeout=" + POOL_WAIT_MS,
                        "--spring.datasource.hikari.validation-timeout=250",
                        "--hailong.kiosk.cross-node-poll=PT1M")
                .start();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void
            while_the_database_is_cut_every_write_is_503_with_retry_after_and_once_it_is_back_the_same_writes_are_stored_once()
                    throws Exception {
        // Prepared through the shared node, with the database at hand.
        OneStopSoftware shared = new OneStopSoftware(port);
        String unit = shared.registersUnit("DEPARTMENT");
        List<String> ratedDossiers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ratedDossiers.add(shared.sendsReceivedDossier(unit));
        }
        KioskFixture site = KioskFixture.create(shared, directory, devices, 120, 3);
        String kioskDossier = shared.sendsReceivedDossier(site.unit());
        String credential = enrolOnNode(site);

        List<Write> writes = new ArrayList<>();
        for (String dossier : ratedDossiers) {
            writes.add(Write.api(
                    "POST", "/api/v1/ratings", HaiLongTest.API_KEY, OneStopSoftware.rating(dossier, "SATISFIED")));
        }
        List<String> newDossiers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String code = TestData.dossierCode(unit, 9000 + i);
            newDossiers.add(code);
            writes.add(Write.api(
                    "PUT", "/api/v1/dossiers/" + code, HaiLongTest.API_KEY, OneStopSoftware.dossier(unit, "RECEIVED")));
        }
        writes.add(Write.kiosk(
                credential,
                Map.of(
                        "idempotencyKey",
                        "kiosk-" + UUID.randomUUID(),
                        "dossierCode",
                        kioskDossier,
                        "answers",
                        Map.of("overall", "VERY_SATISFIED"),
                        "reasons",
                        List.of())));
        // A key this node has never verified: its lookup needs the database, in the security filter.
        Write unverifiedKey = Write.api(
                "GET",
                "/api/v1/dossiers/" + ratedDossiers.getFirst(),
                "unknown-key-0123456789abcdef0123456789abcdef",
                null);

        SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        // The node's requests must read the security context its own filters write (see KeepsSecurityStrategy).
        SecurityContextHolder.setContextHolderStrategy(node.bean(SecurityContextHolderStrategy.class));
        try {
            // The node has verified the test's key once (cached), so those requests pass its filter.
            assertThat(send(Write.api("GET", "/api/v1/dossiers/" + ratedDossiers.getFirst(), HaiLongTest.API_KEY, null))
                            .statusCode())
                    .isEqualTo(200);

            assertThat(probe("readiness").statusCode()).isEqualTo(200);
            database.cut();
            List<Write> duringOutage = new ArrayList<>(writes);
            duringOutage.add(unverifiedKey);
            for (Answer answer : sendAll(duringOutage)) {
                assertThat(answer.response().statusCode()).as(answer.describe()).isEqualTo(503);
                assertThat(answer.response().headers().firstValue("Retry-After"))
                        .as(answer.describe())
                        .hasValueSatisfying(
                                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
                assertThat(answer.response().headers().firstValue("Content-Type"))
                        .as(answer.describe())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(ApiClient.JSON
                                .readTree(answer.response().body())
                                .get("status")
                                .asInt())
                        .as(answer.describe())
                        .isEqualTo(503);
            }
            // The load balancer takes the node out (readiness), but nothing restarts it (liveness).
            HttpResponse<String> readiness = probe("readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(ApiClient.JSON
                            .readTree(readiness.body())
                            .path("components")
                            .path("db")
                            .path("status")
                            .asString())
                    .isEqualTo("DOWN");
            assertThat(probe("liveness").statusCode()).isEqualTo(200);
        } finally {
            database.restore();
        }
        try {
            // Without restarting the node: the pool reconnects by itself. The same requests, with the same keys.
            for (Write write : writes) {
                HttpResponse<String> stored = untilNotUnavailable(write);
                assertThat(stored.statusCode())
                        .as(write.path() + " " + stored.body())
                        .isEqualTo(201);
            }
            assertThat(send(unverifiedKey).statusCode()).isEqualTo(401);
            assertThat(probe("readiness").statusCode()).as("ready again").isEqualTo(200);
            // A second resend is recognised as the first rating, not stored again.
            assertThat(send(writes.getFirst()).statusCode()).isEqualTo(200);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
        }

        for (String dossier : ratedDossiers) {
            assertThat(count(
                            "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                            dossier))
                    .as(dossier)
                    .isEqualTo(1);
        }
        for (String dossier : newDossiers) {
            assertThat(count("SELECT COUNT(*) FROM dossier WHERE code = ?", dossier))
                    .as(dossier)
                    .isEqualTo(1);
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ? AND r.channel = 'KIOSK'",
                        kioskDossier))
                .isEqualTo(1);
    }

    /** The node's probe on its management port. */
    HttpResponse<String> probe(String group) throws Exception {
        String managementPort = node.bean(Environment.class).getProperty("local.management.port");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/" + group))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int count(String sql, String code) {
        return jdbc.queryForObject(sql, Integer.class, code);
    }

    /** One request as a client sends it, and re-sends it unchanged. */
    record Write(String method, String path, Map<String, String> headers, String body) {

        static Write api(String method, String path, String key, Object body) {
            return new Write(
                    method,
                    path,
                    Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                    body == null ? null : ApiClient.JSON.writeValueAsString(body));
        }

        static Write kiosk(String credential, Map<String, Object> rating) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cookie", KioskDeviceService.COOKIE + "=" + credential);
            headers.put("X-Hailong-Kiosk", "1");
            headers.put("Content-Type", "application/json");
            return new Write("POST", "/kiosk-device/ratings", headers, ApiClient.JSON.writeValueAsString(rating));
        }
    }

    record Answer(Write write, HttpResponse<String> response) {

        String describe() {
            return write.method() + " " + write.path() + " answered " + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("") + " " + response.body();
        }
    }

    /** All at once, as clients under load would send them. */
    List<Answer> sendAll(List<Write> writes) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (Write write : writes) {
                Callable<Answer> call = () -> new Answer(write, send(write));
                answers.add(clients.submit(call));
            }
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                result.add(answer.get());
            }
            return result;
        }
    }

    /** Re-sends while the node still answers 503 (its pool reconnecting), as a client honouring Retry-After would. */
    HttpResponse<String> untilNotUnavailable(Write write) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        HttpResponse<String> response = send(write);
        while (response.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = send(write);
        }
        return response;
    }

    HttpResponse<String> send(Write write) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + write.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        write.method(),
                        write.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(write.body()));
        write.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String enrolOnNode(KioskFixture site) throws Exception {
        HttpResponse<String> enrolled = http.send(
                HttpRequest.newBuilder(URI.create(node.base() + site.enrolmentPath(devices)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = enrolled.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
