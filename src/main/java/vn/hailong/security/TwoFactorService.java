package vn.hailong.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Contract;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Words;

/**
 * The second log-in factor: a six-digit code from an authenticator app (TOTP, RFC 6238: HMAC-SHA1,
 * 30-second steps, one step of clock drift either way), or one of ten one-time recovery codes.
 * After the password, a user whose role needs it holds only {@link #PENDING_AUTHORITY}; the code
 * turns that into the role's authorities. A code is accepted once (across nodes: the last
 * accepted step is stored), and wrong codes count against the account like wrong passwords.
 */
@Service
public class TwoFactorService {

    /** The only authority of a user who gave the right password and still owes the code. */
    public static final String PENDING_AUTHORITY = "SECOND_FACTOR_PENDING";

    static final int RECOVERY_CODES = 10;
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String HMAC = "HmacSHA1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwoFactorStore store;
    private final TwoFactorPolicy policy;
    private final LoginProtection protection;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);

    TwoFactorService(
            TwoFactorStore store,
            TwoFactorPolicy policy,
            LoginProtection protection,
            AccountService accounts,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.policy = policy;
        this.protection = protection;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** What the enrolment page shows: the secret (grouped for typing) and the otpauth link its QR code carries. */
    public record Enrolment(String secret, String uri) {}

    /** How a code was taken. */
    public enum Outcome {
        ACCEPTED,
        WRONG,
        LOCKED
    }

    public boolean requiredFor(Role role) {
        return policy.requiredFor(role);
    }

    /** Whether the user has an authenticator app enrolled (then every log-in asks for its code). */
    @Transactional(readOnly = true)
    public boolean enrolled(String username) {
        return secretOf(username).isPresent();
    }

    /** A fresh secret for the user to add to their app; nothing is stored until a code from it is confirmed. */
    public Enrolment newEnrolment(String username) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String base32 = new Base32().encodeToString(secret).replace("=", "");
        String label = URLEncoder.encode(policy.issuer() + ":" + username, StandardCharsets.UTF_8)
                .replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer="
                + URLEncoder.encode(policy.issuer(), StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(base32.replaceAll("(.{4})(?!$)", "$1 "), uri);
    }

    /**
     * Stores the secret once the user proved their app has it (a current code from it), and
     * answers the recovery codes, shown this once. Replaces an earlier enrolment.
     */
    @Transactional
    public List<String> enrol(Authentication pending, String secret, String code) {
        String username = pending.getName();
        byte[] key = decode(secret);
        long step = acceptedStep(key, code)
                .orElseThrow(() ->
                        InvalidInputException.unprocessable("code", Words.of("security.error.codeMismatch", Words.VI)));
        store.enrol(username, key, clock.instant(), step);
        List<String> codes = newRecoveryCodes(username);
        protection.succeeded(username, LoginProtection.addressOf(pending));
        events.publishEvent(new AuditEvent(
                username, AuditAction.ACCOUNT_CHANGED, "account " + username, "authenticator app enrolled"));
        return codes;
    }

    /** Checks a code (the app's, or a recovery code) of a user who gave the right password. */
    @Transactional
    public Outcome verify(Authentication pending, String code) {
        String username = pending.getName();
        String address = LoginProtection.addressOf(pending);
        if (protection.lockedUntil(username, address).isPresent()) {
            return Outcome.LOCKED;
        }
        byte[] key = secretOf(username).orElse(null);
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        boolean accepted;
        String how;
        if (typed.length() == 6 && key != null) {
            Optional<Long> step = acceptedStep(key, typed);
            // Once per step, whichever node sees it first.
            accepted = step.isPresent() && store.acceptStep(username, step.get());
            how = "authenticator code";
        } else {
            accepted = store.useRecoveryCode(username, sha256(typed.toUpperCase(Locale.ROOT)), clock.instant());
            how = "recovery code";
        }
        if (!accepted) {
            protection.failed(username, address);
            events.publishEvent(
                    new AuditEvent(username, AuditAction.LOGIN_FAILED, "user " + username, "wrong second-factor code"));
            return Outcome.WRONG;
        }
        protection.succeeded(username, address);
        events.publishEvent(
                new AuditEvent(username, AuditAction.LOGIN_SUCCEEDED, "user " + username, "second factor: " + how));
        return Outcome.ACCEPTED;
    }

    /** The authentication of a user who gave both factors: their role's authorities. */
    public Authentication completed(Authentication pending) {
        UserDetails user = accounts.loadUserByUsername(pending.getName());
        UsernamePasswordAuthenticationToken full =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        full.setDetails(pending.getDetails());
        return full;
    }

    /** The authentication of a user who gave the right password and still owes the code. */
    static Authentication pending(Authentication password) {
        UsernamePasswordAuthenticationToken pending = UsernamePasswordAuthenticationToken.authenticated(
                // An authenticated password token has its principal (the user's details).
                Objects.requireNonNull(password.getPrincipal()),
                null,
                List.of(new SimpleGrantedAuthority(PENDING_AUTHORITY)));
        pending.setDetails(password.getDetails());
        return pending;
    }

    @Contract("null -> false")
    public static boolean isPending(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> PENDING_AUTHORITY.equals(a.getAuthority()));
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(String username) {
        return store.recoveryCodesLeft(username);
    }

    /** A lost phone: the enrolment and its recovery codes go; the user enrols again at the next log-in. */
    @Transactional
    boolean reset(String username) {
        store.deleteRecoveryCodes(username);
        return store.clearEnrolment(username);
    }

    private List<String> newRecoveryCodes(String username) {
        store.deleteRecoveryCodes(username);
        List<String> codes = new ArrayList<>();
        Base32 base32 = new Base32();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[5];
            RANDOM.nextBytes(random);
            String code = base32.encodeToString(random); // 8 characters, 40 bits
            store.insertRecoveryCode(username, sha256(code));
            codes.add(code.substring(0, 4) + "-" + code.substring(4));
        }
        return codes;
    }

    private Optional<Long> acceptedStep(byte[] key, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond() / STEP.toSeconds();
        SecretKeySpec secret = new SecretKeySpec(key, HMAC);
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (totp.generateOneTimePasswordString(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
                        .equals(typed)) {
                    return Optional.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("stored TOTP secret unusable", e);
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> secretOf(String username) {
        return store.secretOf(username);
    }

    private static byte[] decode(String secret) {
        String clean = secret == null ? "" : secret.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!clean.matches("[A-Z2-7]{32}")) {
            throw InvalidInputException.malformed("secret", "not an enrolment secret");
        }
        return new Base32().decode(clean);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
