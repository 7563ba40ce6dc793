package vn.hailong.platform;

import java.util.Objects;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** Never null: the constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
