package vn.hailong.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One answer names every bad field; a request that cannot be read is a 400 even when it also breaks rules. */
class FieldErrorsTest {

    @Test
    void no_errors_throw_nothing() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.isEmpty()).isTrue();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void malformed_input_wins_over_unprocessable_input_and_both_are_named() {
        FieldErrors errors = new FieldErrors();
        errors.unprocessable("dueAt", "dueAt is before receivedAt");
        errors.malformed("status", "unknown status");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, errors::throwIfAny);

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.MALFORMED);
        assertThat(e.errors())
                .extracting(InvalidInputException.FieldError::field)
                .containsExactly("status", "dueAt");
        assertThat(e.getMessage()).isEqualTo("status: unknown status; dueAt: dueAt is before receivedAt");
    }

    @Test
    void only_unprocessable_input_is_unprocessable() {
        FieldErrors errors = new FieldErrors();
        errors.unprocessable("receivingUnit", "unknown unit");
        errors.unprocessable("dueAt", "dueAt is before receivedAt");

        assertThat(errors.isEmpty()).isFalse();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, errors::throwIfAny);

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.UNPROCESSABLE);
        assertThat(e.errors())
                .extracting(InvalidInputException.FieldError::field)
                .containsExactly("receivingUnit", "dueAt");
    }

    @Test
    void only_malformed_input_is_malformed() {
        FieldErrors errors = new FieldErrors();
        errors.malformed("code", "not a dossier code");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, errors::throwIfAny);

        assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.MALFORMED);
        assertThat(e.errors())
                .extracting(InvalidInputException.FieldError::field)
                .containsExactly("code");
    }
}
