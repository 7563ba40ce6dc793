package vn.hailong.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.core.JacksonException;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Outages;
import vn.hailong.platform.web.RequestBodyTooLargeException;

/**
 * Turns every failure of the integrator API into an RFC 9457 problem. Field problems carry
 * {@code field} (the first bad field) and {@code errors} (all of them), so a client can show
 * exactly what to fix. Nothing here ever answers 500 for a client's mistake, nor for an outage that
 * passes by itself (the database unreachable, the pool exhausted, a deadlock): those are 503 with
 * {@code Retry-After}.
 */
@RestControllerAdvice(basePackages = "vn.hailong.api")
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException e) {
        HttpStatus status = e.kind() == InvalidInputException.Kind.MALFORMED
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(
                status,
                status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Request cannot be processed",
                e.getMessage());
        problem.setProperty("field", e.errors().getFirst().field());
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(err -> Map.of("field", err.field(), "message", err.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Optional<RequestBodyTooLargeException> tooLarge = RequestBodyTooLargeException.among(e);
        if (tooLarge.isPresent()) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request too large",
                    RequestBodyTooLargeException.detail(tooLarge.get().limitBytes()));
        }
        String field = null;
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String detail = field != null
                ? "field '" + field + "' has a value of the wrong type"
                : (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                        ? "the request body is missing"
                        : "the request body is not valid JSON");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "Invalid request", "parameter '" + e.getName() + "' is not valid");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "send the body as application/json");
    }

    @ExceptionHandler
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(
                HttpStatus.NOT_ACCEPTABLE,
                "Not acceptable",
                "this resource is available as " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<Outages.Outage> outage = Outages.of(e);
        if (outage.isPresent()) {
            log.warn("Integrator API answered 503 ({}): {}", outage.get(), e.toString());
            return outage.get().response();
        }
        log.error("Unexpected failure in the integrator API", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The request could not be completed; nothing was changed. Retrying is safe."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
