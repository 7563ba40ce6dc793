package vn.hailong.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract is public, so an integrator can read it before holding a key. */
@HaiLongTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void the_openapi_description_is_served_without_a_key_and_names_the_dossier_endpoints() {
        ApiClient.Response response = new ApiClient(port, null).get("/api/v1/openapi");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("openapi").asString()).startsWith("3.");
        assertThat(response.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/dossiers/{code}",
                        "/api/v1/dossiers/{code}/complaints/{complaintId}",
                        "/api/v1/ratings",
                        "/api/v1/units/{agencyCode}",
                        "/api/v1/index/drafts",
                        "/api/v1/index/snapshots/{id}/review",
                        "/api/v1/index/snapshots/{id}/publish");
        assertThat(response.body()).contains("/api/v1/dossiers/{code}");
    }

    @Test
    void the_openapi_description_covers_the_ratings_feed_and_the_webhooks() {
        ApiClient.Response response = new ApiClient(port, null).get("/api/v1/openapi");

        assertThat(response.json().get("paths").get("/api/v1/ratings").has("get"))
                .isTrue();
        assertThat(response.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/webhooks",
                        "/api/v1/webhooks/{id}/deliveries",
                        "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver");
        assertThat(response.body()).contains("webhook-signature").contains("after");
    }

    @Test
    void the_interactive_page_is_off_outside_the_demo_profile() {
        ApiClient.Response page = new ApiClient(port, null).get("/swagger-ui/index.html");
        assertThat(page.status() == 200 && page.body().contains("Swagger UI"))
                .as(page.status() + " " + page.body())
                .isFalse();
    }

    @Test
    void the_openapi_description_lists_only_the_integrator_api() {
        ApiClient.Response response = new ApiClient(port, null).get("/api/v1/openapi");

        assertThat(response.json().get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/"));
    }
}
