package vn.hailong.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The chain rule in plain Java: an entry's hash is SHA-256 of the previous entry's hash followed
 * by the entry's canonical form, a line of length-prefixed UTF-8 fields (so no choice of text can
 * make two different entries read the same).
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    private AuditChain() {}

    static String canonical(long seq, Instant at, String actor, String action, String subject, String details) {
        StringBuilder sb = new StringBuilder("v1");
        for (String field : new String[] {
            Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action, subject, details
        }) {
            sb.append('|').append(field.length()).append(':').append(field);
        }
        return sb.toString();
    }

    static byte[] hash(byte[] previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
