package vn.hailong.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.FieldErrors;

/**
 * The client's place in the feed: the last change sequence it has read, handed out as an opaque
 * token ({@code c1.} and base64url) so that clients store it and never compute with it. An empty
 * cursor is the start of the feed.
 */
public record FeedCursor(long seq) {

    private static final String PREFIX = "c1.";

    public static final FeedCursor START = new FeedCursor(0);

    public FeedCursor {
        if (seq < 0) {
            throw new IllegalArgumentException("a cursor is never negative");
        }
    }

    /** Reads a cursor as a client sent it; a malformed one is a 400 naming {@code field}. */
    public static FeedCursor parse(@Nullable String token, String field) {
        if (token == null || token.isBlank()) {
            return START;
        }
        if (token.startsWith(PREFIX) && token.length() <= 40) {
            try {
                String decoded = new String(
                        Base64.getUrlDecoder().decode(token.substring(PREFIX.length())), StandardCharsets.US_ASCII);
                if (decoded.startsWith("s") && decoded.length() > 1) {
                    return new FeedCursor(Long.parseLong(decoded.substring(1)));
                }
            } catch (IllegalArgumentException malformed) {
                // falls through to the problem below
            }
        }
        FieldErrors errors = new FieldErrors();
        errors.malformed(
                field,
                field + " is not a cursor this feed handed out; send the 'next' of the last page, or none to start");
        errors.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    public String token() {
        return PREFIX
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("s" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return token();
    }
}
