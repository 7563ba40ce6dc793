package vn.hailong.feed;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Takes contact details out of a citizen's comment before it leaves the system: e-mail addresses
 * and anything that looks like a phone number (8 or more digits, with spaces, dots, dashes or
 * brackets between them, optionally after {@code +}). What remains is what the citizen said.
 */
public final class ContactDetails {

    /** What a removed address or number is replaced with. */
    public static final String REMOVED = "[…]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d(?:[\\s.()-]{0,2}\\d){7,}");

    private ContactDetails() {}

    public static @Nullable String removedFrom(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutEmail = EMAIL.matcher(text).replaceAll(REMOVED);
        return PHONE.matcher(withoutEmail).replaceAll(REMOVED);
    }
}
