package vn.hailong.directory;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An agency's identification code ("mã định danh", Decision 20/2020/QĐ-TTg): at most 35
 * characters, dot-separated groups of digits and capital letters, e.g. {@code 000.00.06.H56}.
 */
public record AgencyCode(String value) {

    public static final int MAX_LENGTH = 35;
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]+(\\.[0-9A-Z]+)*");

    public AgencyCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why the text is not an agency code, or {@code null} when it is one. */
    public static @Nullable String problemWith(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return "agency code is missing";
        }
        if (value.length() > MAX_LENGTH) {
            return "agency code '" + value + "' is longer than " + MAX_LENGTH + " characters";
        }
        if (!FORMAT.matcher(value).matches()) {
            return "agency code '" + value + "' must be dot-separated groups of 0-9 and A-Z, e.g. 000.00.06.H56";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
