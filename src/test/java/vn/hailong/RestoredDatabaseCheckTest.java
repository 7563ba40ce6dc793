package vn.hailong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import vn.hailong.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last step of deploy/backup-restore-check.sh: the application, in its production profile,
 * starts on the database server the script restored from a mariadb-backup backup and its binary
 * log, and its own verification finds the audit chain intact and the ratings of the restore point.
 * Runs only there ({@code -Prestore-check}, which passes the server and the expected counts).
 */
@Tag("restore-check")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=${hailong.check.database-url}",
            "spring.datasource.username=hailong",
            "spring.datasource.password=${hailong.check.database-password}",
            "hailong.public-base-url=https://hailong.example.test",
            "hailong.survey-links.secret=restore-check-secret-0123456789abcdef0123456789"
        })
@ActiveProfiles("prod")
class RestoredDatabaseCheckTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_restored_database_holds_an_intact_audit_chain_and_the_ratings_of_the_restore_point() {
        long expectedRatings = Long.getLong("hailong.check.ratings");
        long expectedAuditEntries = Long.getLong("hailong.check.audit-entries");
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("restore-check", "", "ROLE_AUDITOR"));

        AuditLog.Verification verification = audit.verify();
        long ratings = jdbc.queryForObject("SELECT COUNT(*) FROM rating", Long.class);
        System.out.println(
                "RESTORE CHECK: audit chain " + (verification.intact() ? "intact" : "BROKEN " + verification.problems())
                        + ", " + verification.entriesChecked() + " entries checked; " + ratings + " ratings");

        assertThat(verification.problems()).as("audit chain problems").isEmpty();
        // Starting the application may add entries of its own, never remove any.
        assertThat(verification.entriesChecked())
                .isGreaterThanOrEqualTo(expectedAuditEntries)
                .isPositive();
        assertThat(ratings).isEqualTo(expectedRatings);
    }
}
