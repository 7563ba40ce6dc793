package vn.hailong.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.hailong.platform.ConflictException;

/**
 * Keeps endpoints' signing secrets encrypted at rest (AES-256-GCM, a random 12-byte nonce per
 * secret). The key is derived (SHA-256) from {@code hailong.webhooks.secret-key}
 * ({@code WEBHOOK_SECRET_KEY}), the same on every node; a database backup alone cannot sign.
 * The secrets cannot be hashed like API keys: signing needs them. Without the key, webhooks are
 * off: nothing else of the application needs it, so it does not stop the start.
 */
@Component
class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NOT_CONFIGURED =
            "webhooks are off: set hailong.webhooks.secret-key (WEBHOOK_SECRET_KEY) to at least 32 random "
                    + "characters, the same on every node; it encrypts the endpoints' signing secrets";

    private final @Nullable SecretKeySpec key;

    WebhookSecrets(WebhookProperties properties) {
        String secretKey = properties.secretKey();
        if (secretKey == null || secretKey.length() < 32) {
            this.key = null;
            return;
        }
        try {
            this.key = new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean configured() {
        return key != null;
    }

    byte[] encrypt(String secret) {
        if (key == null) {
            throw new ConflictException("url", NOT_CONFIGURED);
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(byte[] stored) {
        if (key == null) {
            throw new IllegalStateException(NOT_CONFIGURED);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, 12));
            return new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook secret could not be decrypted: was hailong.webhooks.secret-key changed?", e);
        }
    }
}
