package vn.hailong.notification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mail as its module composed it, or the reason there is none to send (then the outbox marks
 * the row skipped, with that reason, instead of sending).
 *
 * @param to the addresses, one message each (recipients do not see each other)
 */
public record ComposedMail(
        List<String> to,
        @Nullable String subject,
        @Nullable String text,
        @Nullable String skipped) {

    public ComposedMail {
        to = List.copyOf(to);
    }

    public static ComposedMail of(List<String> to, String subject, String text) {
        return new ComposedMail(to, subject, text, null);
    }

    public static ComposedMail skip(String why) {
        return new ComposedMail(List.of(), null, null, why);
    }
}
