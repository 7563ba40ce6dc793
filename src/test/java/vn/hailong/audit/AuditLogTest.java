package vn.hailong.audit;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain on the real database: appends verify, tampering by SQL behind the application's
 * back is found and named, and appends from many threads at once stay one gap-free chain. Every
 * test that tampers puts the row back exactly, so the shared database's chain stays intact.
 */
@HaiLongTest
class AuditLogTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    static void signIn(String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "auditor-test", null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long head() {
        return jdbc.queryForObject("SELECT seq FROM audit_chain_head WHERE id = 1", Long.class);
    }

    @Test
    void appended_entries_form_an_intact_chain_and_can_be_filtered() {
        String marker = "subject-" + TestData.uniqueSuffix();
        long before = head();
        audit.append("alice", AuditAction.CONFIGURATION_CHANGED, marker, "a → b");
        audit.append("bob", AuditAction.ENROLMENT, marker, "Tiếng Việt có dấu | với | ký tự lạ: 12:34");
        assertThat(head()).isEqualTo(before + 2);

        signIn("AUDITOR");
        AuditLog.Verification v = audit.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(before + 2);

        List<AuditLog.Entry> bobs = audit.entries(new AuditLog.Query(null, null, AuditAction.ENROLMENT, "bo"), 10);
        assertThat(bobs).first().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(marker);
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.seq()).isEqualTo(before + 2);
        });
        LocalDate today = LocalDate.now(clock);
        assertThat(audit.entries(new AuditLog.Query(today, today, null, "alice"), 10))
                .extracting(AuditLog.Entry::subject)
                .contains(marker);
        assertThat(audit.entries(new AuditLog.Query(today.plusDays(1), null, null, "alice"), 10))
                .isEmpty();
        assertThat(audit.entries(new AuditLog.Query(null, today.minusDays(1), null, "alice"), 10))
                .extracting(AuditLog.Entry::subject)
                .doesNotContain(marker);
        // "_" and "%" in a user filter are literal characters, not wildcards
        assertThat(audit.entries(new AuditLog.Query(null, null, null, "a_ice"), 10))
                .isEmpty();
    }

    @Test
    void an_entry_altered_by_sql_is_reported_and_restoring_it_heals_the_chain() {
        audit.append(
                "carol",
                AuditAction.ACCOUNT_CHANGED,
                "account x-" + TestData.uniqueSuffix(),
                "role OFFICER → UNIT_MANAGER");
        long seq = head();
        audit.append("carol", AuditAction.EXPORT, "ratings (CSV)", "10 rows");
        String original = jdbc.queryForObject("SELECT details FROM audit_entry WHERE seq = ?", String.class, seq);
        signIn("AUDITOR");
        try {
            jdbc.update("UPDATE audit_entry SET details = 'role OFFICER → ADMIN' WHERE seq = ?", seq);

            AuditLog.Verification v = audit.verify();

            assertThat(v.intact()).isFalse();
            assertThat(v.problems())
                    .containsExactly("entry " + seq + " was altered (its content does not match its hash)");
        } finally {
            jdbc.update("UPDATE audit_entry SET details = ? WHERE seq = ?", original, seq);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void an_altered_hash_that_hides_an_edit_still_breaks_the_link_to_the_next_entry() {
        audit.append("dave", AuditAction.CONFIGURATION_CHANGED, "methodology 2026", "weights changed");
        long seq = head();
        audit.append("dave", AuditAction.EXPORT, "ratings (CSV)", "1 row");
        Map<String, Object> row = jdbc.queryForMap("SELECT at, details, hash FROM audit_entry WHERE seq = ?", seq);
        signIn("AUDITOR");
        try {
            // a careful forger recomputes this entry's own hash after editing it
            byte[] prev = jdbc.queryForObject("SELECT prev_hash FROM audit_entry WHERE seq = ?", byte[].class, seq);
            Instant at = ((Timestamp) row.get("at")).toLocalDateTime().toInstant(ZoneOffset.UTC);
            byte[] forged = AuditChain.hash(
                    prev,
                    AuditChain.canonical(seq, at, "dave", "CONFIGURATION_CHANGED", "methodology 2026", "nothing"));
            jdbc.update("UPDATE audit_entry SET details = 'nothing', hash = ? WHERE seq = ?", forged, seq);

            assertThat(audit.verify().problems())
                    .containsExactly(
                            "entry " + (seq + 1) + " does not follow the entry before it (previous hash differs)");
        } finally {
            jdbc.update(
                    "UPDATE audit_entry SET details = ?, hash = ? WHERE seq = ?",
                    row.get("details"),
                    row.get("hash"),
                    seq);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_deleted_entry_is_reported_in_the_middle_and_at_the_end() {
        audit.append("erin", AuditAction.LOGIN_FAILED, "user erin", "BadCredentialsException");
        long middle = head();
        audit.append("erin", AuditAction.LOGIN_SUCCEEDED, "user erin", "");
        long last = head();
        Map<String, Object> middleRow = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", middle);
        Map<String, Object> lastRow = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", last);
        signIn("AUDITOR");
        try {
            jdbc.update("DELETE FROM audit_entry WHERE seq = ?", middle);
            assertThat(audit.verify().problems())
                    .containsExactly(
                            "entries " + middle + "–" + middle + " are missing (removed)",
                            "entry " + last + " does not follow the entry before it (previous hash differs)");
            reinsert(middleRow);

            jdbc.update("DELETE FROM audit_entry WHERE seq = ?", last);
            assertThat(audit.verify().problems())
                    .containsExactly("the chain head (entry " + last + ") does not match the last entry (" + middle
                            + "): entries were removed from the end or added outside the application");
        } finally {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE seq = ?", Integer.class, middle) == 0) {
                reinsert(middleRow);
            }
            if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE seq = ?", Integer.class, last) == 0) {
                reinsert(lastRow);
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    void reinsert(Map<String, Object> row) {
        jdbc.update(
                "INSERT INTO audit_entry (id, seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("id"),
                row.get("seq"),
                row.get("at"),
                row.get("actor"),
                row.get("action"),
                row.get("subject"),
                row.get("details"),
                row.get("prev_hash"),
                row.get("hash"));
    }

    @Test
    void concurrent_appends_from_many_threads_stay_one_linear_gap_free_chain() throws Exception {
        long before = head();
        int threads = 8;
        int each = 25;
        String marker = "concurrent-" + TestData.uniqueSuffix();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    audit.append("thread-" + thread, AuditAction.EXPORT, marker, "n=" + i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        long after = head();
        assertThat(after - before).isGreaterThanOrEqualTo(threads * each);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject = ?", Integer.class, marker))
                .isEqualTo(threads * each);
        // every seq from the start to the head exists exactly once, and each entry links to the one before
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT seq, prev_hash, hash FROM audit_entry WHERE seq > ? ORDER BY seq", before);
        assertThat(rows).hasSize((int) (after - before));
        for (int i = 1; i < rows.size(); i++) {
            assertThat((Long) rows.get(i).get("seq"))
                    .isEqualTo((Long) rows.get(i - 1).get("seq") + 1);
            assertThat((byte[]) rows.get(i).get("prev_hash"))
                    .isEqualTo(rows.get(i - 1).get("hash"));
        }
        signIn("AUDITOR");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void the_csv_export_holds_the_filtered_entries_and_is_itself_audited() throws Exception {
        String marker = "csv-" + TestData.uniqueSuffix();
        audit.append("frank", AuditAction.CONFIGURATION_CHANGED, marker, "x, \"quoted\"");
        signIn("AUDITOR");
        long before = head();

        byte[] csv = audit.csv(new AuditLog.Query(null, null, AuditAction.CONFIGURATION_CHANGED, "frank"), 100);

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFseq,at,actor,action,subject,details,sha256");
        var records =
                CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(1).get(4)).isEqualTo(marker);
        assertThat(records.get(1).get(5)).isEqualTo("x, \"quoted\"");
        assertThat(head()).isEqualTo(before + 1);
        AuditLog.Entry export = audit.entries(new AuditLog.Query(null, null, AuditAction.EXPORT, "auditor-test"), 1)
                .getFirst();
        assertThat(export.subject()).isEqualTo("audit log (CSV)");
        assertThat(export.details()).contains("action CONFIGURATION_CHANGED", "user frank");
    }

    @Test
    void text_in_the_csv_export_that_a_spreadsheet_would_evaluate_arrives_as_text() throws Exception {
        String marker = "=HYPERLINK(\"http://example.invalid/" + TestData.uniqueSuffix() + "\",\"Xem\")";
        audit.append("-grace", AuditAction.CONFIGURATION_CHANGED, marker, "@SUM(A1:A9)");
        signIn("AUDITOR");

        byte[] csv = audit.csv(new AuditLog.Query(null, null, AuditAction.CONFIGURATION_CHANGED, "-grace"), 100);

        String text = new String(csv, StandardCharsets.UTF_8);
        var records =
                CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        var entry = records.stream()
                .filter(r -> r.get(4).contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get(2)).isEqualTo("'-grace");
        assertThat(entry.get(4)).isEqualTo("'" + marker);
        assertThat(entry.get(5)).isEqualTo("'@SUM(A1:A9)");
        assertThat(Long.parseLong(entry.get(0)))
                .as("the sequence stays a number")
                .isPositive();
    }

    @Test
    void only_auditors_and_administrators_read_the_log() {
        for (String role : List.of("PROVINCE_MANAGER", "UNIT_MANAGER", "OFFICER")) {
            signIn(role);
            assertThatThrownBy(() -> audit.entries(AuditLog.Query.all(), 1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.csv(AuditLog.Query.all(), 1)).isInstanceOf(AccessDeniedException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> audit.verify())
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        signIn("ADMIN");
        assertThat(audit.entries(AuditLog.Query.all(), 1)).hasSize(1);
    }
}
