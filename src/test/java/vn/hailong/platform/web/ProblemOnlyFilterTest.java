package vn.hailong.platform.web;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures on machines' paths become problems, whichever way they leave the filter chain. */
class ProblemOnlyFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemOnlyFilter filter = new ProblemOnlyFilter(List.of("/api/", "/kiosk-device/"));

    @Test
    void an_outage_thrown_by_a_filter_below_is_503_with_retry_after() throws Exception {
        MockHttpServletResponse response = run(request("/api/v1/ratings"), (req, res) -> {
            throw new CannotGetJdbcConnectionException(
                    "pool timed out", new SQLTransientConnectionException("timeout"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertProblem(response, 503);
    }

    @Test
    void any_other_exception_thrown_below_is_a_500_problem_not_the_containers_error_page() throws Exception {
        MockHttpServletResponse response = run(request("/kiosk-device/ratings"), (req, res) -> {
            res.getWriter().write("partial");
            throw new IllegalStateException("bug");
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeader("Retry-After")).isNull();
        assertProblem(response, 500);
        assertThat(response.getContentAsString()).doesNotContain("partial");
    }

    @Test
    void send_error_writes_a_problem_itself_instead_of_dispatching_to_the_error_page() throws Exception {
        MockHttpServletResponse response = run(request("/api/v1/nothing-here"), (req, res) -> {
            ((HttpServletResponse) res).setHeader("Allow", "GET");
            ((HttpServletResponse) res).sendError(404);
        });

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getErrorMessage()).as("no error dispatch").isNull();
        assertThat(response.getHeader("Allow")).isEqualTo("GET");
        assertProblem(response, 404);
    }

    @Test
    void an_error_dispatch_for_a_machines_path_is_answered_here_and_never_with_a_success_status() throws Exception {
        MockHttpServletRequest request = request("/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/dossiers/X");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 200);
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("not passed on to Vaadin").isNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertProblem(response, 500);
        assertThat(JSON.readTree(response.getContentAsString()).get("instance").asString())
                .isEqualTo("/api/v1/dossiers/X");
    }

    @Test
    void other_paths_and_their_error_dispatches_are_left_alone() throws Exception {
        MockHttpServletRequest page = request("/bang-dieu-khien");
        MockFilterChain pageChain = new MockFilterChain();
        filter.doFilter(page, new MockHttpServletResponse(), pageChain);

        MockHttpServletRequest error = request("/error");
        error.setDispatcherType(DispatcherType.ERROR);
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/kiosk");
        MockFilterChain errorChain = new MockFilterChain();
        filter.doFilter(error, new MockHttpServletResponse(), errorChain);

        assertThat(pageChain.getRequest()).isSameAs(page);
        assertThat(errorChain.getRequest()).isSameAs(error);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static MockHttpServletRequest request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setDispatcherType(DispatcherType.REQUEST);
        return request;
    }

    private static void assertProblem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
    }
}
