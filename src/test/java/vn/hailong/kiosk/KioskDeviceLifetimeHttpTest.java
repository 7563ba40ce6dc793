package vn.hailong.kiosk;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.directory.DirectoryService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a tablet enrolled over the years, over real HTTP: the credential renewed by heartbeats
 * before any browser cap, lapsing on the server when a tablet is gone for longer than its lifetime,
 * revocation still immediate for a renewed cookie; and what installs the kiosk and keeps it usable
 * offline: the manifest with its icons, the service worker and the offline shell.
 */
@HaiLongTest
class KioskDeviceLifetimeHttpTest {

    private static final long MAX_AGE_SECONDS = Duration.ofDays(180).toSeconds();

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    KioskFixture site;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        oneStop = new OneStopSoftware(port);
        site = KioskFixture.create(oneStop, directory, devices, 60, 5);
    }

    @Test
    void the_enrolment_cookie_asks_for_the_credential_lifetime_which_browsers_honour() throws Exception {
        HttpResponse<String> enrolled = get(site.enrolmentPath(devices), null);

        String setCookie = enrolled.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(maxAge(setCookie))
                .isEqualTo(MAX_AGE_SECONDS)
                .isLessThanOrEqualTo(CredentialLifetime.BROWSER_CAP.toSeconds());
    }

    @Test
    void a_heartbeat_renews_the_credential_once_it_is_a_day_old_and_not_before() throws Exception {
        String credential = enrol();
        double seenBefore = heartbeats("seen");
        double renewedBefore = heartbeats("renewed");

        HttpResponse<String> fresh = heartbeat(credential);
        assertThat(fresh.statusCode()).isEqualTo(204);
        assertThat(fresh.headers().firstValue("Set-Cookie"))
                .as("just enrolled: nothing to renew")
                .isEmpty();

        ageCredential("INTERVAL 25 HOUR");
        HttpResponse<String> due = heartbeat(credential);
        assertThat(due.statusCode()).isEqualTo(204);
        String renewed = due.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(renewed)
                .startsWith(KioskDeviceService.COOKIE + "=" + credential + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(maxAge(renewed)).isEqualTo(MAX_AGE_SECONDS);
        assertThat(jdbc.queryForObject(
                        "SELECT TIMESTAMPDIFF(SECOND, credential_renewed_at, UTC_TIMESTAMP(6)) FROM kiosk_device WHERE code = ?",
                        Long.class,
                        site.deviceCode()))
                .as("renewed just now")
                .isBetween(-5L, 60L);

        HttpResponse<String> next = heartbeat(credential);
        assertThat(next.statusCode()).isEqualTo(204);
        assertThat(next.headers().firstValue("Set-Cookie"))
                .as("renewed a minute ago")
                .isEmpty();
        // hailong.kiosk.heartbeats, by answer, as /actuator/prometheus shows it.
        assertThat(heartbeats("seen") - seenBefore).isEqualTo(2);
        assertThat(heartbeats("renewed") - renewedBefore).isEqualTo(1);
    }

    @Autowired
    MeterRegistry meters;

    double heartbeats(String answer) {
        return meters.get("hailong.kiosk.heartbeats")
                .tag("answer", answer)
                .counter()
                .count();
    }

    @Test
    void a_tablet_silent_longer_than_the_credential_lifetime_must_be_enrolled_again() throws Exception {
        String credential = enrol();
        ageCredential("INTERVAL 181 DAY");

        assertThat(devices.authenticate(credential)).isEmpty();
        HttpResponse<String> heartbeat = heartbeat(credential);
        assertThat(heartbeat.statusCode()).isEqualTo(401);
        assertThat(heartbeat.headers().firstValue("Set-Cookie"))
                .as("a lapsed credential is never renewed")
                .isEmpty();
        assertThat(post("/kiosk-device/ratings", rating(oneStop.sendsReceivedDossier(site.unit())), credential)
                        .statusCode())
                .isEqualTo(401);
        assertThat(KioskFixture.asAdmin(devices::devices))
                .filteredOn(d -> d.code().equals(site.deviceCode()))
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeviceSummary.State.NOT_ENROLLED));
    }

    @Test
    void a_revoked_device_s_renewed_cookie_stops_working_at_once() throws Exception {
        String credential = enrol();
        ageCredential("INTERVAL 2 DAY");
        HttpResponse<String> renewal = heartbeat(credential);
        assertThat(renewal.headers().firstValue("Set-Cookie")).isPresent();
        String renewed = cookieValue(renewal.headers().firstValue("Set-Cookie").orElseThrow());
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        assertThat(post("/kiosk-device/ratings", rating(dossier), renewed).statusCode())
                .as("the renewed cookie works")
                .isEqualTo(201);

        site.revoke(devices);

        HttpResponse<String> afterRevocation = heartbeat(renewed);
        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(afterRevocation.headers().firstValue("Set-Cookie"))
                .as("a revoked credential is never renewed")
                .isEmpty();
        assertThat(post("/kiosk-device/ratings", rating(oneStop.sendsReceivedDossier(site.unit())), renewed)
                        .statusCode())
                .isEqualTo(401);
        assertThat(devices.authenticate(renewed)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT credential_renewed_at IS NULL FROM kiosk_device WHERE code = ?",
                        Boolean.class,
                        site.deviceCode()))
                .isTrue();
    }

    @Test
    void the_manifest_installs_the_kiosk_full_screen_with_icons_of_192_and_512_px_one_maskable() throws Exception {
        HttpResponse<String> response = get("/kiosk-device/manifest.webmanifest", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        JsonNode manifest = ApiClient.JSON.readTree(response.body());
        assertThat(manifest.get("display").asString()).isEqualTo("fullscreen");
        assertThat(manifest.get("display_override").values())
                .extracting(JsonNode::asString)
                .containsExactly("fullscreen", "standalone");
        assertThat(manifest.get("start_url").asString()).isEqualTo("/kiosk");
        assertThat(manifest.get("scope").asString()).isEqualTo("/kiosk");
        assertThat(manifest.get("name").asString()).isEqualTo("Hài Lòng – Đánh giá tại quầy");

        List<JsonNode> icons = manifest.get("icons").values().stream().toList();
        assertThat(icons)
                .extracting(
                        i -> i.get("sizes").asString() + " " + i.get("purpose").asString())
                .containsExactlyInAnyOrder("192x192 any", "512x512 any", "512x512 maskable");
        for (JsonNode icon : icons) {
            assertThat(icon.get("type").asString()).isEqualTo("image/png");
            HttpResponse<byte[]> png = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + icon.get("src").asString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).as(icon.get("src").asString()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            int size = Integer.parseInt(icon.get("sizes").asString().split("x")[0]);
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            if ("maskable".equals(icon.get("purpose").asString())) {
                // Full bleed: a maskable icon has no transparent corners (the launcher cuts its own shape).
                assertThat(image.getRGB(0, 0) >>> 24).isEqualTo(0xff);
                assertThat(image.getRGB(size - 1, size - 1) >>> 24).isEqualTo(0xff);
            }
        }
        assertThat(get("/kiosk-device/icons/other.png", null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_service_worker_may_control_the_kiosk_page_and_its_offline_shell_runs_nothing_but_its_own_script()
            throws Exception {
        HttpResponse<String> worker = get("/kiosk-device/kiosk-sw.js", null);
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(worker.headers().firstValue("Service-Worker-Allowed")).hasValue("/kiosk");
        assertThat(worker.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(worker.body()).contains("hl-kiosk-shell-");
        // One policy each (a second one, such as the machine paths' default-src 'none', would apply as well and break
        // them).
        assertThat(worker.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; connect-src 'self'");

        HttpResponse<String> shell = get("/kiosk-device/offline", null);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(shell.headers().firstValue("Set-Cookie"))
                .as("the same page for every tablet")
                .isEmpty();
        assertThat(shell.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .contains("default-src 'none'", "script-src 'sha256-", "connect-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(shell.body()).contains("Máy tính bảng đang mất kết nối", "hl-kiosk-outbox");
    }

    // ------------------------------------------------------------------ helpers

    private void ageCredential(String interval) {
        assertThat(jdbc.update(
                        "UPDATE kiosk_device SET credential_renewed_at = credential_renewed_at - " + interval
                                + " WHERE code = ?",
                        site.deviceCode()))
                .isEqualTo(1);
    }

    private static long maxAge(String setCookie) {
        for (String part : setCookie.split(";")) {
            if (part.strip().startsWith("Max-Age=")) {
                return Long.parseLong(part.strip().substring("Max-Age=".length()));
            }
        }
        throw new AssertionError("no Max-Age in " + setCookie);
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private String enrol() throws Exception {
        return cookieValue(get(site.enrolmentPath(devices), null)
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow());
    }

    private static String rating(String dossier) {
        return """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "answers": {"overall": "SATISFIED"}}""".formatted(UUID.randomUUID(), dossier);
    }

    private HttpResponse<String> heartbeat(String credential) throws Exception {
        return post("/kiosk-device/heartbeat", "{\"unsentRatings\": 0}", credential);
    }

    private HttpResponse<String> get(String path, String credential) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (credential != null) {
            request.header("Cookie", KioskDeviceService.COOKIE + "=" + credential);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String credential) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Cookie", KioskDeviceService.COOKIE + "=" + credential)
                        .header("X-Hailong-Kiosk", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
