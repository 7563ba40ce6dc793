package vn.hailong.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: the security headers on the Vaadin pages (log-in, kiosk, dashboard, open data),
 * the citizen's survey page and the API; HSTS only over TLS as a trusted proxy reports it; the
 * session cookie's attributes; no session id in any address.
 */
@HaiLongTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/kiosk", "/bang-dieu-khien", "/open-data", "/", "/VAADIN/", "/no-such-page"})
    void vaadin_pages_carry_a_policy_vaadin_works_under_and_the_other_headers(String path) throws Exception {
        RawHttp.Response response = get("127.0.0.1", path, Map.of("Accept", "text/html"));

        String csp = response.header("Content-Security-Policy");
        assertThat(csp)
                .as(path)
                .contains(
                        "default-src 'self'",
                        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                        "style-src 'self' 'unsafe-inline'",
                        "object-src 'none'",
                        "frame-ancestors 'none'");
        assertCommonHeaders(response, path);
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void the_survey_page_keeps_its_own_stricter_policy() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String code = oneStop.sendsReceivedDossier(oneStop.registersUnit("DEPARTMENT"));
        String link = oneStop.api()
                .get("/api/v1/dossiers/" + code)
                .json()
                .get("surveyLink")
                .asString();
        String path = link.substring(link.indexOf("/r/"));

        RawHttp.Response response = get("127.0.0.1", path, Map.of("Accept", "text/html"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy"))
                .startsWith("default-src 'none'")
                .contains("script-src 'nonce-")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/openapi", "/api/v1/no-such-thing", "/kiosk-device/manifest.webmanifest"})
    void machines_paths_get_a_policy_that_allows_nothing(String path) throws Exception {
        RawHttp.Response response = get("127.0.0.1", path, Map.of());

        assertThat(response.header("Content-Security-Policy"))
                .as(path)
                .startsWith("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertCommonHeaders(response, path);
    }

    @Test
    void hsts_is_sent_when_a_trusted_proxy_says_the_request_came_over_tls_and_only_then() throws Exception {
        Map<String, String> viaTls = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");

        RawHttp.Response throughTrustedProxy = get("127.0.0.1", "/login", viaTls);
        RawHttp.Response plain = get("127.0.0.1", "/login", Map.of());
        RawHttp.Response fromAnUntrustedAddress = get(untrustedLoopback(), "/login", viaTls);

        assertThat(throughTrustedProxy.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(fromAnUntrustedAddress.header("Strict-Transport-Security"))
                .as("X-Forwarded-Proto of an untrusted client is ignored")
                .isNull();
    }

    @Test
    void the_session_cookie_is_same_site_lax_http_only_and_secure_over_tls() throws Exception {
        RawHttp.Response plain = get("127.0.0.1", "/login", Map.of("Accept", "text/html"));
        RawHttp.Response viaTls =
                get("127.0.0.1", "/login", Map.of("Accept", "text/html", "X-Forwarded-Proto", "https"));

        assertThat(plain.header("Set-Cookie"))
                .as(plain.headers().toString())
                .contains("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
        assertThat(viaTls.header("Set-Cookie"))
                .contains("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/VAADIN", "/VAADIN/", "/bang-dieu-khien", "/tai-khoan", "/kiosks"})
    void no_redirect_carries_the_session_id_in_the_address(String path) throws Exception {
        RawHttp.Response response = get("127.0.0.1", path, Map.of("Accept", "text/html"));

        String location = response.header("Location");
        assertThat(location == null ? "" : location)
                .as(response.status() + " " + path)
                .doesNotContainIgnoringCase("jsessionid");
        assertThat(response.body()).doesNotContainIgnoringCase(";jsessionid=");
    }

    private static void assertCommonHeaders(RawHttp.Response response, String path) {
        assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        assertThat(response.header("Permissions-Policy")).as(path).contains("camera=(self)");
        assertThat(response.header("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isNull();
    }

    /** A loopback address other than 127.0.0.1: a client, not the trusted proxy. */
    static String untrustedLoopback() {
        return "127.0.0." + ThreadLocalRandom.current().nextInt(2, 250);
    }

    private RawHttp.Response get(String from, String path, Map<String, String> headers) throws Exception {
        return RawHttp.send(from, port, path, "GET", new LinkedHashMap<>(headers), null);
    }
}
