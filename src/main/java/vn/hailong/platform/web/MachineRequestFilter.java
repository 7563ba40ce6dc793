package vn.hailong.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The checks every request on a machines' path passes before anything reads it: the query string
 * is percent-encoded UTF-8 (Tomcat would otherwise fail while a controller reads a parameter, a
 * 500), a body is JSON in
 * UTF-8 (a concrete {@code application/json} or {@code application/*+json}; a wildcard such as
 * {@code application/*} or {@code *}{@code /*} names no format and is refused like any other) and
 * no larger than the limit. Refused with 415 and 413 problems, so no converter, charset decoder or
 * controller ever sees such a body.
 * <p>
 * The size is checked twice: a declared {@code Content-Length} over the limit is refused before
 * a byte is read, and a body without one (chunked) is counted while it is read and stopped at the
 * limit with {@link RequestBodyTooLargeException}, which the problem handlers answer with 413.
 */
public final class MachineRequestFilter extends HttpFilter {

    /** The default limit: far above the largest legitimate body (a dossier with its officers, a 2,000-character comment). */
    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private final List<String> prefixes;
    private final long maxBodyBytes;

    public MachineRequestFilter(List<String> prefixes, long maxBodyBytes) {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("hailong.api.max-body-size must be at least 1KB");
        }
        this.prefixes = List.copyOf(prefixes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!MachinePaths.covers(prefixes, request, request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        QueryStrings.Problem query = QueryStrings.check(request.getQueryString());
        if (query != null) {
            ProblemBodies.write(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Invalid request",
                    query.detail(),
                    query.field());
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String contentTypeProblem = contentTypeProblem(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (contentTypeProblem != null) {
            ProblemBodies.write(
                    request,
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type",
                    contentTypeProblem,
                    HttpHeaders.CONTENT_TYPE);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            // Not read, so the connection cannot be reused: close it rather than swallow the body.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ProblemBodies.write(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Request too large",
                    RequestBodyTooLargeException.detail(maxBodyBytes),
                    null);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBodyBytes), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Why this Content-Type is refused, or null when it is JSON in UTF-8. */
    static @Nullable String contentTypeProblem(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return "The body has no Content-Type: send it as application/json.";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return "Content-Type '" + header + "' is not a media type: send the body as application/json.";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "Content-Type '" + header
                    + "' is a wildcard and names no format: send the body as application/json.";
        }
        boolean json = type.getType().equals("application")
                && (type.getSubtype().equals("json")
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        if (!json) {
            return "Content-Type '" + header + "' is not supported: send the body as application/json.";
        }
        String charset = type.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            return "Content-Type '" + header + "' names a charset other than UTF-8: JSON is UTF-8 (RFC 8259).";
        }
        return null;
    }

    /** A request whose body stream stops with {@link RequestBodyTooLargeException} past the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
