package vn.hailong.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.platform.Retries;
import vn.hailong.platform.management.CachedGauges;

/**
 * The counts behind {@link LoginThrottlePolicy}, kept in the database so that all nodes share them
 * (ADR 080). An account's failures from its usual places and from anywhere else are counted
 * apart: an attacker elsewhere locks out only "elsewhere", and the user at the office still logs
 * in. A client address that fails on many accounts is locked too, except where it is the
 * account's usual place. Locks are checked before the password is, so a locked guesser costs no
 * password hashing.
 */
@Component
class LoginProtection {

    private static final RetryTemplate RACES = Retries.onWriteConflictOrDuplicate(4);
    /** Machine-facing: the audit record's UTC time (English detail, as stored), not the province's time. */
    private static final DateTimeFormatter AUDIT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LoginThrottlePolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Counter failures;
    private final Counter locks;
    private final Counter refused;

    LoginProtection(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            LoginThrottlePolicy policy,
            Clock clock,
            ApplicationEventPublisher events,
            MeterRegistry registry) {
        this.failures = Counter.builder("hailong.login.failures")
                .description("Failed log-ins (wrong password, unknown account or code)")
                .register(registry);
        this.locks = Counter.builder("hailong.login.locks")
                .description("Locks imposed on an account or an address")
                .register(registry);
        this.refused = Counter.builder("hailong.login.refused")
                .description("Log-in attempts refused while locked")
                .register(registry);
        // Cheap: login_throttle holds only recent failures (forgetOldCounts), and the scrape reads it at most every 10
        // s.
        CachedGauges.register(
                registry,
                "hailong.login.locked",
                "Accounts and addresses locked now (login_throttle)",
                "subjects",
                () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM login_throttle WHERE locked_until > ?",
                        Long.class,
                        utc(clock.instant())));
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    /** Until when a log-in of this account from this address must wait; empty when it may try now. */
    Optional<Instant> lockedUntil(String username, @Nullable String address) {
        Instant now = clock.instant();
        List<String> subjects = subjectsOf(normalised(username), address, now);
        // One or two subjects: the second placeholder repeats the first when there is one.
        String first = subjects.getFirst();
        String second = subjects.getLast();
        Optional<Instant> until = jdbc.query(
                        "SELECT MAX(locked_until) FROM login_throttle WHERE subject IN (?, ?) AND locked_until > ?",
                        (rs, i) -> Optional.ofNullable(rs.getTimestamp(1))
                                .map(t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC)),
                        first,
                        second,
                        utc(now))
                .getFirst();
        until.ifPresent(u -> {
            refused.increment();
            jdbc.update("UPDATE login_throttle SET refused = refused + 1 WHERE subject IN (?, ?)", first, second);
        });
        return until;
    }

    /** A wrong password (or an unknown account): counted, and a lock imposed once the policy says so. */
    void failed(String username, @Nullable String address) {
        failures.increment();
        Instant now = clock.instant();
        String name = normalised(username);
        List<String> subjects = subjectsOf(name, address, now);
        for (String subject : subjects) {
            boolean isAddress = subject.startsWith("I:");
            RACES.invoke(() -> transaction.executeWithoutResult(tx -> count(subject, isAddress, now)));
        }
    }

    private void count(String subject, boolean isAddress, Instant now) {
        Timestamp at = utc(now);
        Timestamp forgottenBefore = utc(now.minus(policy.forgetAfter()));
        // MariaDB applies the assignments in order: failures still sees the previous last failure.
        jdbc.update("""
                INSERT INTO login_throttle (subject, failures, last_failure_at, locked_until) VALUES (?, 1, ?, NULL)
                ON DUPLICATE KEY UPDATE failures = IF(last_failure_at <= ?, 1, failures + 1), last_failure_at = VALUES(last_failure_at)""", subject, at, forgottenBefore);
        // The row was written just above; failures is NOT NULL.
        int failures = Objects.requireNonNull(
                jdbc.queryForObject("SELECT failures FROM login_throttle WHERE subject = ?", Integer.class, subject));
        Duration lock = isAddress ? policy.addressLockAfter(failures) : policy.accountLockAfter(failures);
        if (lock != null) {
            Instant until = now.plus(lock);
            jdbc.update("UPDATE login_throttle SET locked_until = ? WHERE subject = ?", utc(until), subject);
            locks.increment();
            events.publishEvent(new AuditEvent(
                    "system",
                    AuditAction.LOGIN_LOCKED,
                    describe(subject),
                    failures + " wrong passwords in a row; locked for " + lock.toSeconds() + " s, until "
                            + AUDIT_TIME.format(until)));
        }
    }

    /**
     * The right password: the count it was checked against starts again (a log-in at the office
     * does not lift the lock an attacker elsewhere earned), and the address becomes (or stays) a
     * usual place.
     */
    void succeeded(String username, @Nullable String address) {
        String name = normalised(username);
        Instant now = clock.instant();
        String account = subjectsOf(name, address, now).getFirst();
        RACES.invoke(() -> transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM login_throttle WHERE subject = ?", account);
            if (address != null) {
                jdbc.update("""
                        INSERT INTO login_known_address (username, address, last_success_at) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE last_success_at = VALUES(last_success_at)""", name, clip(address, 45), utc(now));
            }
        }));
    }

    /** An administrator lifts the account's locks (the addresses' own locks expire by themselves). */
    boolean unlock(String username) {
        String name = normalised(username);
        return jdbc.update("DELETE FROM login_throttle WHERE subject IN (?, ?)", "A:" + name, "K:" + name) > 0;
    }

    /** Until when the account is locked for log-ins from elsewhere (what an administrator sees); empty when it is not. */
    Optional<Instant> accountLockedUntil(String username) {
        return jdbc.query(
                        "SELECT MAX(locked_until) FROM login_throttle WHERE subject IN (?, ?) AND locked_until > ?",
                        (rs, i) -> Optional.ofNullable(rs.getTimestamp(1))
                                .map(t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC)),
                        "A:" + normalised(username),
                        "K:" + normalised(username),
                        utc(clock.instant()))
                .getFirst();
    }

    /** Where a log-in attempt comes from: the client's address as Tomcat resolved it (X-Forwarded-For only from trusted proxies). */
    static @Nullable String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** Forgotten counts and long-gone usual places go, so that guessed user names cannot fill the table. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldCounts() {
        Instant now = clock.instant();
        jdbc.update(
                "DELETE FROM login_throttle WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)",
                utc(now.minus(policy.forgetAfter())),
                utc(now));
        jdbc.update(
                "DELETE FROM login_known_address WHERE last_success_at < ?", utc(now.minus(policy.usualPlaceFor())));
    }

    /** The subjects an attempt counts against: the account (usual places or elsewhere), and the address when elsewhere. */
    private List<String> subjectsOf(String name, @Nullable String address, Instant now) {
        boolean usual = address != null
                && Objects.requireNonNull(jdbc.queryForObject( // COUNT(*): never NULL
                                "SELECT COUNT(*) FROM login_known_address WHERE username = ? AND address = ? AND last_success_at > ?",
                                Integer.class,
                                name,
                                clip(address, 45),
                                utc(now.minus(policy.usualPlaceFor()))))
                        > 0;
        if (usual) {
            return List.of("K:" + name);
        }
        return address == null ? List.of("A:" + name) : List.of("A:" + name, "I:" + clip(address, 45));
    }

    private static String describe(String subject) {
        return switch (subject.charAt(0)) {
            case 'I' -> "address " + subject.substring(2);
            case 'K' -> "user " + subject.substring(2) + " (from its usual places)";
            default -> "user " + subject.substring(2);
        };
    }

    private static String normalised(String username) {
        return clip(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), 64);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
