package vn.hailong.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.platform.Outages.Outage;

/**
 * Writes an RFC 9457 problem straight to the servlet response, for the filters and valves that
 * answer before (or after) Spring MVC's problem handlers could. One shape everywhere: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and {@code field} when one
 * header or parameter is at fault.
 */
public final class ProblemBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBodies() {}

    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String title,
            String detail,
            @Nullable String field)
            throws IOException {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        write(response, status, title, detail, field, original instanceof String uri ? uri : request.getRequestURI());
    }

    /** For callers without a servlet request (Tomcat's error report valve); {@code instance} may be null. */
    public static void write(
            HttpServletResponse response,
            int status,
            String title,
            String detail,
            @Nullable String field,
            @Nullable String instance)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        response.setStatus(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value() && response.getHeader(HttpHeaders.RETRY_AFTER) == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Outage.DATABASE_UNAVAILABLE.retryAfterHeader());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Also after a response.reset(), which clears what SecurityHeadersFilter set.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }

    /** The standard reason phrase of a status, as a problem's title. */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** A generic detail for statuses raised outside any handler that knows more. */
    public static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request could not be read: check the path, the query string (percent-encoded UTF-8) and the headers.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed at this path.";
            case 413 -> "The request is too large.";
            case 415 -> "Send the body as application/json (UTF-8).";
            default ->
                status >= 500
                        ? "The request could not be completed and was not acknowledged. Send the same request again."
                        : "The request was refused: " + title(status) + ".";
        };
    }
}
