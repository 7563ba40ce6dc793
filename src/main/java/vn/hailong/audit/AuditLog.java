package vn.hailong.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.platform.Ids;
import vn.hailong.platform.Retries;
import vn.hailong.platform.Roles;
import vn.hailong.platform.SpreadsheetCells;

/**
 * The audit log. Entries are only ever inserted (the application has no statement that changes or
 * deletes one); each is chained to the previous by SHA-256, and {@link #verify()} recomputes the
 * chain to find entries altered, removed or reordered behind the application's back.
 */
@Service
public class AuditLog {

    /** Another node held the chain head: append again, on the head as it is now. */
    private static final RetryTemplate HEAD_RACES = Retries.onWriteConflict(4);

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** The most entries one query or export answers. */
    public static final int MAX_ROWS = 100_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One entry as the auditor reads it; {@code hash} in hex. */
    public record Entry(
            long seq, Instant at, String actor, String action, String subject, String details, String hash) {}

    /** The outcome of a verification: how many entries were checked, and what is wrong (empty when intact). */
    public record Verification(long entriesChecked, List<String> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    @EventListener
    void on(AuditEvent event) {
        append(event.actor() == null ? currentUser() : event.actor(), event.action(), event.subject(), event.details());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        // API clients authenticate on every call with their key: those are not log-ins.
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            append(
                    event.getAuthentication().getName(),
                    AuditAction.LOGIN_SUCCEEDED,
                    "user " + event.getAuthentication().getName(),
                    "");
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof AuthenticationServiceException) {
            // The password was never checked (the database did not answer, ADR 085): no log-in
            // was tried, and the entry could not be written either; the user is asked to try again.
            return;
        }
        String name = event.getAuthentication() == null
                ? "?"
                : String.valueOf(event.getAuthentication().getName());
        append(
                name,
                AuditAction.LOGIN_FAILED,
                "user " + name,
                event.getException().getClass().getSimpleName());
    }

    /**
     * Appends an entry, in the caller's transaction if there is one (the entry then stands or
     * falls with the action), else in its own; retried when another node held the chain head.
     */
    void append(String actor, AuditAction action, String subject, String details) {
        String who = clip(actor == null ? "system" : actor, 100);
        String what = clip(subject == null ? "" : subject, 200);
        String more = clip(details == null ? "" : details, 2000);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside the caller's transaction a retry cannot help (it is marked for rollback): the
            // caller's own retry, or the user, repeats the whole action.
            transaction.executeWithoutResult(tx -> appendLocked(who, action, what, more));
        } else {
            HEAD_RACES.invoke(() -> transaction.executeWithoutResult(tx -> appendLocked(who, action, what, more)));
        }
    }

    private void appendLocked(String actor, AuditAction action, String subject, String details) {
        Object[] head = jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", (rs, i) ->
                new Object[] {rs.getLong(1), rs.getBytes(2)});
        long seq = (Long) head[0] + 1;
        byte[] previous = (byte[]) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = AuditChain.hash(previous, AuditChain.canonical(seq, at, actor, action.name(), subject, details));
        jdbc.update(
                "INSERT INTO audit_entry (id, seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Ids.newId().toString(),
                seq,
                Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)),
                actor,
                action.name(),
                subject,
                details,
                previous,
                hash);
        jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
    }

    /**
     * What the auditor asks for: a period of days (Vietnam time, both ends included, either may be
     * open), a kind of action and part of a user name; null means "any".
     */
    public record Query(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable AuditAction action,
            @Nullable String actor) {

        public static Query all() {
            return new Query(null, null, null, null);
        }

        @Override
        public String toString() {
            return "from " + (from == null ? "-" : from) + " to " + (to == null ? "-" : to) + ", action "
                    + (action == null ? "any" : action) + ", user "
                    + (actor == null || actor.isBlank() ? "any" : actor);
        }
    }

    /** The newest entries first that match the query, at most {@code limit}. */
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    public List<Entry> entries(Query query, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.from() != null) {
            where.append(" AND at >= ?");
            args.add(Timestamp.valueOf(LocalDateTime.ofInstant(
                    query.from().atStartOfDay(clock.getZone()).toInstant(), ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where.append(" AND at < ?");
            args.add(Timestamp.valueOf(LocalDateTime.ofInstant(
                    query.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant(), ZoneOffset.UTC)));
        }
        if (query.action() != null) {
            where.append(" AND action = ?");
            args.add(query.action().name());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" AND actor LIKE ?");
            args.add("%"
                    + query.actor()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%");
        }
        args.add(Math.max(1, Math.min(limit, MAX_ROWS)));
        return jdbc.query(
                "SELECT seq, at, actor, action, subject, details, hash FROM audit_entry" + where
                        + " ORDER BY seq DESC LIMIT ?",
                (rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        HexFormat.of().formatHex(rs.getBytes(7))),
                args.toArray());
    }

    /** Recomputes the whole chain from the first entry and compares it with the head. */
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    public Verification verify() {
        List<String> problems = new ArrayList<>();
        long[] checked = {0};
        byte[][] previous = {AuditChain.GENESIS};
        long[] expectedSeq = {1};
        jdbc.query(
                "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_entry ORDER BY seq",
                rs -> {
                    long seq = rs.getLong(1);
                    if (seq != expectedSeq[0]) {
                        problems.add("entries " + expectedSeq[0] + "–" + (seq - 1) + " are missing (removed)");
                    }
                    Instant at = rs.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC);
                    byte[] prevHash = rs.getBytes(7);
                    byte[] hash = rs.getBytes(8);
                    if (!Arrays.equals(prevHash, previous[0])) {
                        problems.add("entry " + seq + " does not follow the entry before it (previous hash differs)");
                    }
                    byte[] expected = AuditChain.hash(
                            prevHash,
                            AuditChain.canonical(
                                    seq, at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    if (!Arrays.equals(expected, hash)) {
                        problems.add("entry " + seq + " was altered (its content does not match its hash)");
                    }
                    previous[0] = hash;
                    expectedSeq[0] = seq + 1;
                    checked[0]++;
                });
        Object[] head = jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head WHERE id = 1", (rs, i) ->
                new Object[] {rs.getLong(1), rs.getBytes(2)});
        if ((Long) head[0] != expectedSeq[0] - 1 || !Arrays.equals((byte[]) head[1], previous[0])) {
            problems.add("the chain head (entry " + head[0] + ") does not match the last entry (" + (expectedSeq[0] - 1)
                    + "): entries were removed from the end or added outside the application");
        }
        if (!problems.isEmpty()) {
            log.warn("Audit chain verification found {} problem(s): {}", problems.size(), problems);
        }
        return new Verification(checked[0], List.copyOf(problems));
    }

    /** The latest entries matching the query (at most {@code limit}) as CSV in UTF-8 with a byte order mark. */
    @PreAuthorize(Roles.ADMIN_OR_AUDITOR)
    public byte[] csv(Query query, int limit) {
        List<Entry> entries = entries(query, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (CSVPrinter csv =
                    new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
                csv.printRecord("seq", "at", "actor", "action", "subject", "details", "sha256");
                for (Entry e : entries) {
                    // Actors, subjects and details carry what users typed: neutralised against formulas.
                    csv.printRecord(SpreadsheetCells.row(
                            Arrays.asList(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details(), e.hash())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        append(currentUser(), AuditAction.EXPORT, "audit log (CSV)", query + " · " + entries.size() + " entries");
        return out.toByteArray();
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
