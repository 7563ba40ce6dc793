package vn.hailong.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/** API key rules in plain Java: 256 random bits, shown once, stored as SHA-256. */
public final class ApiKeys {

    public static final int MIN_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "hl_" + HexFormat.of().formatHex(bytes);
    }

    /** Why this text cannot be an API key, or null. Short keys could be guessed. */
    public static @Nullable String problemWith(@Nullable String key) {
        if (key == null || key.length() < MIN_LENGTH) {
            return "an API key must be at least " + MIN_LENGTH + " characters long";
        }
        if (key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            return "an API key must be at most 200 printable ASCII characters without spaces";
        }
        return null;
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String prefix(String key) {
        return key.substring(0, Math.min(8, key.length()));
    }
}
