package vn.hailong.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second factor's columns of {@code user_account} (the TOTP secret, when it was enrolled, the
 * last step accepted) and the rows of {@code login_recovery_code} (hashes only); times in UTC.
 */
@Repository
class TwoFactorStore {

    private final JdbcClient jdbc;

    TwoFactorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's enrolled TOTP secret, if any. */
    Optional<byte[]> secretOf(String username) {
        return jdbc
                .sql("SELECT totp_secret FROM user_account WHERE username = :username AND totp_secret IS NOT NULL")
                .param("username", username)
                .query((rs, i) -> rs.getBytes(1))
                .list()
                .stream()
                .findFirst();
    }

    /** Stores an enrolment: the secret, since when, and the step of the code that confirmed it. */
    void enrol(String username, byte[] secret, Instant at, long step) {
        jdbc.sql(
                        "UPDATE user_account SET totp_secret = :secret, totp_enrolled_at = :at, totp_last_step = :step WHERE username = :username")
                .param("secret", secret)
                .param("at", utc(at))
                .param("step", step)
                .param("username", username)
                .update();
    }

    /** Takes a step's code once: true unless this or a later step was accepted already (on any node). */
    boolean acceptStep(String username, long step) {
        return jdbc.sql("UPDATE user_account SET totp_last_step = :step WHERE username = :username "
                                + "AND (totp_last_step IS NULL OR totp_last_step < :step)")
                        .param("step", step)
                        .param("username", username)
                        .update()
                == 1;
    }

    /** Uses up an unused recovery code with this hash: true when there was one. */
    boolean useRecoveryCode(String username, byte[] codeHash, Instant at) {
        return jdbc.sql(
                                "UPDATE login_recovery_code SET used_at = :at WHERE username = :username AND code_hash = :hash AND used_at IS NULL")
                        .param("at", utc(at))
                        .param("username", username)
                        .param("hash", codeHash)
                        .update()
                == 1;
    }

    int recoveryCodesLeft(String username) {
        return Objects.requireNonNull(
                jdbc.sql( // COUNT(*): never NULL
                                "SELECT COUNT(*) FROM login_recovery_code WHERE username = :username AND used_at IS NULL")
                        .param("username", username)
                        .query(Integer.class)
                        .single());
    }

    void deleteRecoveryCodes(String username) {
        jdbc.sql("DELETE FROM login_recovery_code WHERE username = :username")
                .param("username", username)
                .update();
    }

    void insertRecoveryCode(String username, byte[] codeHash) {
        jdbc.sql("INSERT INTO login_recovery_code (username, code_hash) VALUES (:username, :hash)")
                .param("username", username)
                .param("hash", codeHash)
                .update();
    }

    /** Forgets the user's enrolment: true when there was one. */
    boolean clearEnrolment(String username) {
        return jdbc.sql("UPDATE user_account SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL "
                                + "WHERE username = :username AND totp_secret IS NOT NULL")
                        .param("username", username)
                        .update()
                == 1;
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
