package vn.hailong.kiosk.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.hailong.kiosk.KioskService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Outages;
import vn.hailong.platform.web.RequestBodyTooLargeException;

/**
 * RFC 9457 problems for the tablet's outbox. Its statuses drive resending: 4xx about the rating
 * itself (400, 409, 422) are final and the tablet forgets the rating; 401/403 and 5xx are kept and retried
 * (an outage, such as the database unreachable, is 503 with {@code Retry-After}).
 */
@RestControllerAdvice(basePackageClasses = KioskDeviceController.class)
class KioskProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(KioskProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException e) {
        HttpStatus status = e.kind() == InvalidInputException.Kind.MALFORMED
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(status, "Invalid rating", e.getMessage());
        problem.setProperty("field", e.errors().getFirst().field());
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(err -> Map.of("field", err.field(), "message", err.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notEnrolled(KioskService.DeviceNotEnrolledException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Not an enrolled kiosk", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail missingHeader(KioskDeviceController.MissingClientHeaderException e) {
        return problem(
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "requests must come from the kiosk page (header " + KioskDeviceController.CLIENT_HEADER + ")");
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
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body is not valid JSON of a rating");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<Outages.Outage> outage = Outages.of(e);
        if (outage.isPresent()) {
            log.warn("Kiosk request answered 503 ({}): {}", outage.get(), e.toString());
            return outage.get().response();
        }
        log.error("Unexpected failure of a kiosk request", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The rating was not stored; the kiosk will send it again."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
