package vn.hailong.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.DisconnectedClientHelper;

import vn.hailong.platform.Outages;
import vn.hailong.platform.Outages.Outage;

/**
 * In front of every other filter on the paths machines call (the integrator API, the kiosk's
 * outbox): whatever fails there is answered as an RFC 9457 problem with an error status, never
 * handed to the servlet container's error handling. That handling dispatches to {@code /error},
 * which no longer lies under these paths, so Vaadin's security chain and servlet answer it: a
 * redirect to the log-in page, which a client that follows redirects (the tablet's {@code fetch})
 * reads as {@code 200 OK} with an HTML page, as if the request had been stored.
 * <p>
 * Three ways out are closed: an exception thrown anywhere below (a security filter, a controller,
 * a converter), {@code sendError} (Spring's default resolvers, the security firewall), and, should
 * something still reach the container, the error dispatch itself.
 */
public final class ProblemOnlyFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(ProblemOnlyFilter.class);

    private final List<String> prefixes;

    /** @param prefixes path prefixes within the application, each ending in '/' (e.g. {@code /api/}) */
    public ProblemOnlyFilter(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (covers(request, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
                answerErrorDispatch(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (!covers(request, request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, new ProblemOnlyResponse(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                return; // nobody is left to answer
            }
            if (response.isCommitted()) {
                // Part of an answer is on its way already; its status cannot change any more.
                log.error(
                        "{} {} failed after its response was committed",
                        request.getMethod(),
                        request.getRequestURI(),
                        e);
                throw e;
            }
            answerFailure(request, response, e);
        }
    }

    private boolean covers(HttpServletRequest request, @Nullable String uri) {
        return MachinePaths.covers(prefixes, request, uri);
    }

    private static void answerFailure(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        Optional<Outage> outage = Outages.of(e);
        response.reset();
        Optional<RequestBodyTooLargeException> tooLarge = RequestBodyTooLargeException.among(e);
        if (tooLarge.isPresent()) {
            write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE.value(),
                    "Request too large",
                    RequestBodyTooLargeException.detail(tooLarge.get().limitBytes()));
        } else if (outage.isPresent()) {
            log.warn(
                    "{} {} answered 503: {} ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    outage.get(),
                    rootMessage(e));
            response.setHeader(HttpHeaders.RETRY_AFTER, outage.get().retryAfterHeader());
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    outage.get().title(),
                    outage.get().detail());
        } else {
            log.error("{} {} failed outside its controller", request.getMethod(), request.getRequestURI(), e);
            write(
                    request,
                    response,
                    HttpStatus.INTERNAL_SERVER_ERROR.value(),
                    "Internal error",
                    "The request could not be completed and was not acknowledged. Send the same request again.");
        }
    }

    /** Something reached the container's error handling after all: answer it here, not in Vaadin. */
    private static void answerErrorDispatch(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Optional<Outage> outage = Outages.of(failure);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (outage.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, outage.get().retryAfterHeader());
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    outage.get().title(),
                    outage.get().detail());
            return;
        }
        // An error dispatch always means failure: never let it end in a success status.
        int code = status instanceof Integer i && i >= 400 ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        write(request, response, code, title(code), detail(code));
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        ProblemBodies.write(request, response, status, title, detail, null);
    }

    private static String title(int status) {
        return ProblemBodies.title(status);
    }

    private static String detail(int status) {
        return ProblemBodies.detail(status);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * {@code sendError} would hand the response to the container's error page, that is to
     * {@code /error} and Vaadin; here it writes the problem itself and commits the response.
     */
    private static final class ProblemOnlyResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnlyResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                response.sendError(status, message); // throws IllegalStateException, as the servlet spec says
                return;
            }
            // Headers set before sendError stay (WWW-Authenticate, Allow); a partial body does not.
            response.resetBuffer();
            int code = status >= 400 ? status : HttpStatus.INTERNAL_SERVER_ERROR.value();
            write(request, response, code, title(code), detail(code));
        }
    }
}
