package vn.hailong.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mistake a client can make on the machines' paths (the integrator API, the kiosk's outbox),
 * sent over a plain socket so that nothing in a client library smooths it over, and each answered
 * with the status that names the mistake as an RFC 9457 problem: never a page, never a redirect to
 * the log-in page, never a 2xx, never a 500, whatever the client says it accepts.
 */
@HaiLongTest
class MachinePathMistakesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/no-such-resource",
                "PUT /api/v1/dossier/000.00.06.H56-261121-0001",
                "POST /api/v1/rating",
                "GET /api",
                "GET /api/",
                "GET /api/v2/dossiers/X",
                "POST /kiosk-device/no-such-endpoint"
            })
    void a_path_no_route_matches_is_a_404_problem_even_for_a_browser(String request) throws Exception {
        String[] parts = request.split(" ");

        RawHttp.Response response = send(
                parts[0],
                parts[1],
                withKey(Map.of("Accept", HTML, "Content-Type", "application/json")),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 404);
    }

    @Test
    void an_unknown_path_without_a_key_is_a_401_problem_not_a_redirect_to_the_login_page() throws Exception {
        RawHttp.Response response = send("GET", "/api/v1/no-such-resource", Map.of("Accept", HTML), null);

        assertProblem(response, 401);
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void a_dossier_that_does_not_exist_is_a_404_problem_for_a_client_that_accepts_only_html() throws Exception {
        RawHttp.Response response =
                send("GET", "/api/v1/dossiers/000.00.06.H56-261121-9999", withKey(Map.of("Accept", "text/html")), null);

        assertProblem(response, 404);
    }

    @Test
    void a_client_that_accepts_only_html_is_told_406_as_a_problem_not_sent_a_page() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String code = oneStop.sendsReceivedDossier(oneStop.registersUnit("DEPARTMENT"));

        RawHttp.Response response =
                send("GET", "/api/v1/dossiers/" + code, withKey(Map.of("Accept", "text/html")), null);

        assertProblem(response, 406);
    }

    @Test
    void a_wrong_method_is_a_405_problem_that_says_which_methods_are_allowed() throws Exception {
        RawHttp.Response response = send("DELETE", "/api/v1/ratings", withKey(Map.of("Accept", HTML)), null);

        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("POST");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/*",
                "*/*",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml",
                "multipart/form-data; boundary=x",
                "nonsense",
                "application/json; charset=nonsense"
            })
    void a_body_that_is_not_json_is_a_415_problem(String contentType) throws Exception {
        RawHttp.Response api = send(
                "POST",
                "/api/v1/ratings",
                withKey(Map.of("Accept", HTML, "Content-Type", contentType)),
                "{}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response kiosk = send(
                "POST",
                "/kiosk-device/ratings",
                Map.of("Content-Type", contentType, "X-Hailong-Kiosk", "1"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(api, 415);
        assertProblem(kiosk, 415);
    }

    @Test
    void a_body_without_content_type_is_a_415_problem() throws Exception {
        RawHttp.Response response =
                send("POST", "/api/v1/ratings", withKey(Map.of()), "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415);
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_whether_its_length_is_announced_or_not() throws Exception {
        byte[] big = bigJson(MachineRequestFilter.DEFAULT_MAX_BODY_BYTES + 1);

        RawHttp.Response announced =
                send("POST", "/api/v1/ratings", withKey(Map.of("Content-Type", "application/json")), big);
        RawHttp.Response chunked = send(
                "POST",
                "/api/v1/ratings",
                withKey(Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked")),
                chunk(big));
        RawHttp.Response kiosk = send(
                "POST",
                "/kiosk-device/ratings",
                Map.of("Content-Type", "application/json", "X-Hailong-Kiosk", "1"),
                big);

        assertProblem(announced, 413);
        assertProblem(chunked, 413);
        assertProblem(kiosk, 413);
        assertThat(announced.body()).contains(Long.toString(MachineRequestFilter.DEFAULT_MAX_BODY_BYTES));
    }

    @Test
    void a_body_just_under_the_limit_is_read() throws Exception {
        // Valid JSON of the right size whose content the rating rules refuse: proof the body was read.
        byte[] near = bigJson(MachineRequestFilter.DEFAULT_MAX_BODY_BYTES - 10);

        RawHttp.Response response =
                send("POST", "/api/v1/ratings", withKey(Map.of("Content-Type", "application/json")), near);

        assertThat(response.status()).as(response.body()).isIn(400, 422);
        assertProblem(response, response.status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/dossiers/%ZZ",
                "/api/v1/dossiers/%C3%28",
                "/api/v1/dossiers/a%2Fb",
                "/api/v1/dossiers/%00",
                "/api/v1/dossiers/%",
                "/api/v1/dossiers/a%5Cb",
                "/api/v1/dossiers/..%2F..%2Fx",
                "/api/v1/dossiers/a;b",
                "/api/v1/index?period=%FF",
                "/api/v1/index?period=%ZZ",
                "/api/v1/index?period=%C3%28&scheme=default",
                "/api/v1/index?%=1",
                "/kiosk-device/enrol/%ZZ",
                "/kiosk-device/enrol/%C3%28",
                "/kiosk-device/enrol/x?y=%FF"
            })
    void a_path_or_query_that_cannot_be_decoded_is_a_400_problem(String target) throws Exception {
        RawHttp.Response response = send("GET", target, withKey(Map.of("Accept", HTML, "X-Hailong-Kiosk", "1")), null);

        assertProblem(response, 400);
    }

    @Test
    void raw_bytes_that_are_not_utf_8_in_the_path_are_a_400_problem() throws Exception {
        // Latin-1 "é" sent as a single raw byte: not a valid URI character, not UTF-8.
        String target = new String(
                new byte[] {
                    '/', 'a', 'p', 'i', '/', 'v', '1', '/', 'd', 'o', 's', 's', 'i', 'e', 'r', 's', '/', (byte) 0xE9
                },
                StandardCharsets.ISO_8859_1);

        RawHttp.Response response = send("GET", target, withKey(Map.of("Accept", HTML)), null);

        assertProblem(response, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"receivedAt", "dueAt"})
    void a_time_outside_the_databases_range_is_a_400_problem_naming_the_field(String field) throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("DEPARTMENT");
        Map<String, Object> dossier = OneStopSoftware.dossier(unit, "RECEIVED");
        dossier.put(field, "+999999999-12-31T23:59:59+07:00");

        ApiClient.Response response = oneStop.api().put("/api/v1/dossiers/" + TestData.dossierCode(unit, 1), dossier);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(oneStop.api()
                        .get("/api/v1/dossiers/" + TestData.dossierCode(unit, 1))
                        .status())
                .as("nothing stored")
                .isEqualTo(404);
    }

    @Test
    void a_year_before_the_databases_range_is_a_400_problem_too() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("DEPARTMENT");
        Map<String, Object> dossier = OneStopSoftware.dossier(unit, "RECEIVED");
        dossier.put("receivedAt", "0999-12-31T23:59:59+07:00");

        ApiClient.Response response = oneStop.api().put("/api/v1/dossiers/" + TestData.dossierCode(unit, 2), dossier);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("receivedAt");
    }

    @Test
    void a_complaint_deadline_outside_the_databases_range_is_a_400_problem_naming_the_field() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("DEPARTMENT");
        String code = oneStop.sendsReceivedDossier(unit);
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("receivedAt", OneStopSoftware.at(OneStopSoftware.RECEIVED_ON.plusDays(1), "09:00"));
        complaint.put("deadline", "+999999999-12-31T23:59:59+07:00");
        complaint.put("aboutHandling", true);

        ApiClient.Response response = oneStop.api().put("/api/v1/dossiers/" + code + "/complaints/pakn-1", complaint);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("deadline");
    }

    @Test
    void a_unit_date_outside_the_databases_range_is_a_400_problem_naming_the_field() throws Exception {
        ApiClient api = new ApiClient(port, HaiLongTest.API_KEY);

        ApiClient.Response response = api.put(
                "/api/v1/units/" + TestData.agencyCode(),
                Map.of("name", "Đơn vị thử", "kind", "DEPARTMENT", "validFrom", "+999999999-12-31"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("validFrom");
    }

    private RawHttp.Response send(String method, String target, Map<String, String> headers, byte[] body)
            throws Exception {
        return RawHttp.send(port, target, method, headers, body);
    }

    private static Map<String, String> withKey(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + HaiLongTest.API_KEY);
        return all;
    }

    /** A JSON object of exactly {@code size} bytes: {"comment":"xxx…"}. */
    private static byte[] bigJson(long size) {
        String prefix = "{\"comment\":\"";
        String suffix = "\"}";
        char[] filler = new char[(int) size - prefix.length() - suffix.length()];
        Arrays.fill(filler, 'x');
        return (prefix + new String(filler) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunk(byte[] body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        String text = new String(body, StandardCharsets.ISO_8859_1);
        while (at < text.length()) {
            int size = Math.min(8192, text.length() - at);
            out.append(Integer.toHexString(size))
                    .append("\r\n")
                    .append(text, at, at + size)
                    .append("\r\n");
            at += size;
        }
        out.append("0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static void assertProblem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status())
                .as(response.headers() + "\n" + response.body())
                .isEqualTo(status);
        assertThat(response.header("Location")).as("never a redirect").isNull();
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        JsonNode body = ApiClient.JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
    }
}
