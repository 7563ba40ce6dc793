package vn.hailong.platform;

import java.util.List;

/**
 * Input that cannot be accepted, with every offending field named. The API answers it with an
 * RFC 9457 problem (400 for malformed values, 422 for well-formed values that break a rule);
 * views show the messages next to the fields.
 */
public class InvalidInputException extends RuntimeException {

    public enum Kind {
        MALFORMED,
        UNPROCESSABLE
    }

    public record FieldError(String field, String message) {}

    private final Kind kind;
    private final List<FieldError> errors;

    public InvalidInputException(Kind kind, List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException malformed(String field, String message) {
        return new InvalidInputException(Kind.MALFORMED, List.of(new FieldError(field, message)));
    }

    public static InvalidInputException unprocessable(String field, String message) {
        return new InvalidInputException(Kind.UNPROCESSABLE, List.of(new FieldError(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
