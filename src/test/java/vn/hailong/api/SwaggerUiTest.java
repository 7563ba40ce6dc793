package vn.hailong.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.hailong.ApiClient;
import vn.hailong.KeepsSecurityStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * springdoc's interactive page, switched on as the demo profile does (springdoc.swagger-ui.enabled):
 * served without a log-in, reading the public OpenAPI document.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.swagger-ui.enabled=true")
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
class SwaggerUiTest {

    @LocalServerPort
    int port;

    @Test
    void the_page_for_integrators_is_served_and_points_at_the_openapi_document() {
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient.Response page = anonymous.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
        ApiClient.Response config = anonymous.get("/api/v1/openapi/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api/v1/openapi");
    }
}
