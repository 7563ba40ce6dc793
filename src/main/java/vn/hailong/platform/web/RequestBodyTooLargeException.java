package vn.hailong.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Thrown while a request body is read once it passes the limit of the machines' paths. JSON
 * readers wrap it (Jackson, then Spring's "not readable"), so handlers look for it among the causes.
 */
public final class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** This failure, when it is among {@code failure}'s causes. */
    public static Optional<RequestBodyTooLargeException> among(@Nullable Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= 32; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    /** The problem's detail: what the limit is and how to configure it. */
    public static String detail(long limitBytes) {
        return "The request body is larger than the limit of " + limitBytes + " bytes (hailong.api.max-body-size).";
    }
}
