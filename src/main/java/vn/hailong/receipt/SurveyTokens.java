package vn.hailong.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rules of survey tokens, in plain Java. A token is the first 128 bits of
 * HMAC-SHA256(secret, dossier id), base64url without padding (22 characters: short enough for a
 * small QR). Deriving rather than drawing it at random lets any node print the same link again
 * (for a reprinted receipt) without storing the token: the database keeps only its SHA-256, so
 * a copy of the database does not yield working links.
 */
public final class SurveyTokens {

    public static final int TOKEN_LENGTH = 22;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_LENGTH + "}");
    private static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;

    public SurveyTokens(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "hailong.survey-links.secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        this.secret = bytes;
    }

    public String tokenFor(UUID dossierId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(("survey-link:v1:" + dossierId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text could be a token at all; anything else is refused before any look-up. */
    public static boolean looksLikeToken(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
