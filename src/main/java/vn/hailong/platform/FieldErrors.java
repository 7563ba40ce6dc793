package vn.hailong.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while validating a request, so that one answer names all of them. */
public final class FieldErrors {

    private final List<InvalidInputException.FieldError> malformed = new ArrayList<>();
    private final List<InvalidInputException.FieldError> unprocessable = new ArrayList<>();

    public void malformed(String field, String message) {
        malformed.add(new InvalidInputException.FieldError(field, message));
    }

    public void unprocessable(String field, String message) {
        unprocessable.add(new InvalidInputException.FieldError(field, message));
    }

    /** The errors so far, to go on collecting apart from them (a retried attempt starts from the same ones). */
    public FieldErrors copy() {
        FieldErrors copy = new FieldErrors();
        copy.malformed.addAll(malformed);
        copy.unprocessable.addAll(unprocessable);
        return copy;
    }

    public boolean isEmpty() {
        return malformed.isEmpty() && unprocessable.isEmpty();
    }

    /** Malformed input wins: a request that cannot even be read is a 400, not a 422. */
    public void throwIfAny() {
        if (!malformed.isEmpty()) {
            List<InvalidInputException.FieldError> all = new ArrayList<>(malformed);
            all.addAll(unprocessable);
            throw new InvalidInputException(InvalidInputException.Kind.MALFORMED, all);
        }
        if (!unprocessable.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Kind.UNPROCESSABLE, unprocessable);
        }
    }
}
