package vn.hailong.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import vn.hailong.platform.Words;

/**
 * What a password set through account management must satisfy. Length matters most (NIST SP
 * 800-63B): at least 10 characters, plus a letter and a digit so that a word or a date alone does
 * not pass, and never the user name or a well-known password. Demo accounts provisioned by the
 * generator predate the policy and are not checked.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "password123",
            "matkhau123",
            "qwertyuiop",
            "abc1234567",
            "admin12345",
            "123456789a",
            "a123456789",
            "password1234");

    private PasswordPolicy() {}

    /** Why the password is refused (Vietnamese, then English), or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(Words.of("security.password.tooShort", Words.VI, String.valueOf(MIN_LENGTH)));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Words.of("security.password.tooLong", Words.VI, String.valueOf(MAX_LENGTH)));
        }
        if (password.codePoints().noneMatch(Character::isLetter)
                || password.codePoints().noneMatch(Character::isDigit)) {
            return Optional.of(Words.of("security.password.lettersAndDigits", Words.VI));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Words.of("security.password.containsUsername", Words.VI));
        }
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of(Words.of("security.password.tooEasy", Words.VI));
        }
        return Optional.empty();
    }
}
