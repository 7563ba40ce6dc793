package vn.hailong.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: what no controller answers under the integrator API and the kiosk's outbox is a
 * problem with an error status. Before, Vaadin answered unknown paths with its page and 200, and
 * a request refused by a filter went through the error page to a redirect to the log-in page
 * (200 HTML for a client that follows redirects, as the tablet's fetch does).
 */
@HaiLongTest
class MachinePathErrorsTest {

    @LocalServerPort
    int port;

    // Follows redirects, as browsers' fetch and many HTTP libraries do: a redirect to a page would show as 200 here.
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void an_unknown_api_path_is_a_404_problem_not_vaadins_page() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-resource", true);

        assertProblem(response, 404);
    }

    @Test
    void an_unknown_kiosk_device_path_is_a_404_problem_not_vaadins_page() throws Exception {
        HttpResponse<String> response = send("POST", "/kiosk-device/no-such-endpoint", false);

        assertProblem(response, 404);
    }

    @Test
    void a_request_refused_by_the_security_firewall_before_mvc_is_a_400_problem_not_a_redirect_to_the_login_page()
            throws Exception {
        // A semicolon in the path: Spring Security's firewall rejects it in its filter, with sendError(400).
        HttpResponse<String> response = send("POST", "/api/v1/ratings;jsessionid=x", true);

        assertProblem(response, 400);
    }

    @Test
    void a_method_the_api_does_not_offer_is_a_405_problem() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/ratings", true);

        assertProblem(response, 405);
    }

    private HttpResponse<String> send(String method, String path, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Hailong-Kiosk", "1")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (withKey) {
            request.header("Authorization", "Bearer " + HaiLongTest.API_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.uri().getPath()).as("not redirected").doesNotContain("login");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.JSON.readTree(response.body()).get("status").asInt())
                .isEqualTo(status);
    }
}
