package vn.hailong.index;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.followup.WorkingDays;
import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Words;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

/**
 * The index that runs itself: each month's draft computed on the first working day of the next
 * month, the province managers told by e-mail, and reminded when a draft waits unpublished.
 *
 * <p>Every node's timer may look; each act is claimed by the insert of its {@code index_schedule_run}
 * row in the act's own transaction (ADR 094), so it happens once however many nodes look at once,
 * and a node dying mid-act leaves nothing half done for the next look to trip over.
 */
@Service
@EnableConfigurationProperties({IndexScheduleProperties.class, IndexPublicationProperties.class})
public class IndexSchedule {

    private static final Logger log = LoggerFactory.getLogger(IndexSchedule.class);

    /** What one look did: the periods computed, skipped (already drafted or published) and the drafts reminded of. */
    public record Run(List<String> computed, List<String> skipped, List<UUID> reminded) {}

    private final IndexSnapshotService snapshots;
    private final IndexComputationService computations;
    private final IndexScheduleProperties properties;
    private final IndexScheduleCalendar calendar;
    private final MailOutbox outbox;
    private final ManagerContacts contacts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Formats formats;
    private final String node = nodeName();

    IndexSchedule(
            IndexSnapshotService snapshots,
            IndexComputationService computations,
            IndexScheduleProperties properties,
            MailOutbox outbox,
            ManagerContacts contacts,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            Formats formats) {
        this.snapshots = snapshots;
        this.computations = computations;
        this.properties = properties;
        this.calendar = new IndexScheduleCalendar(
                new WorkingDays(new HashSet<>(properties.holidays())),
                properties.runAt(),
                properties.remindAfterWorkingDays());
        this.outbox = outbox;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.formats = formats;
    }

    // The interval is the bound IndexScheduleProperties.checkEvery (its default written there, once).
    @Scheduled(
            fixedDelayString = "#{@'hailong.index.schedule-vn.hailong.index.IndexScheduleProperties'.checkEvery()}",
            initialDelayString = "#{@'hailong.index.schedule-vn.hailong.index.IndexScheduleProperties'.checkEvery()}")
    void onTimer() {
        if (properties.enabled()) {
            try {
                runDue();
            } catch (RuntimeException e) {
                log.warn("index schedule: the look failed, the next one tries again: {}", e.toString());
            }
        }
    }

    /**
     * Does what is due now (by the application's clock), as the timer does every
     * {@code hailong.index.schedule.check-every}: for tests and for operators who do not want to
     * wait. Safe to call on several nodes at once.
     */
    public Run runDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<String> computed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<UUID> reminded = new ArrayList<>();
        calendar.draftDue(now).ifPresent(month -> {
            for (String scheme : properties.schemes()) {
                String outcome = claimed(() -> computeMonth(scheme, month));
                if ("COMPUTED".equals(outcome)) {
                    computed.add(scheme + " " + month);
                } else if ("SKIPPED".equals(outcome)) {
                    skipped.add(scheme + " " + month);
                }
            }
        });
        for (String scheme : properties.schemes()) {
            for (Snapshot draft : snapshots.waitingDrafts(scheme)) {
                LocalDate computedOn = LocalDate.ofInstant(draft.computedAt(), clock.getZone());
                if (calendar.reminderDue(computedOn, now.toLocalDate())
                        && "REMINDED".equals(claimed(() -> remind(draft, computedOn)))) {
                    reminded.add(draft.id());
                }
            }
        }
        return new Run(List.copyOf(computed), List.copyOf(skipped), List.copyOf(reminded));
    }

    /** Runs an act in its own transaction; null when another node has it (or had it) already. */
    private @Nullable String claimed(Supplier<@Nullable String> act) {
        try {
            return transaction.execute(tx -> act.get());
        } catch (DuplicateKeyException | ConcurrencyFailureException theOtherNode) {
            // Its run row is there (one server), or its commit won (Galera certification): done once, by it.
            return null;
        }
    }

    private boolean claim(String key, String kind, String scheme, String period) {
        if (!jdbc.queryForList("SELECT run_key FROM index_schedule_run WHERE run_key = ?", String.class, key)
                .isEmpty()) {
            return false;
        }
        // First in the transaction: a node racing for the same key waits on this row, then is refused.
        jdbc.update(
                "INSERT INTO index_schedule_run (run_key, kind, scheme, period, outcome, node, ran_at) VALUES (?, ?, ?, ?, 'SKIPPED', ?, ?)",
                key,
                kind,
                scheme,
                period,
                node,
                Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        return true;
    }

    private void record(String key, String outcome, @Nullable UUID snapshot, String detail) {
        jdbc.update(
                "UPDATE index_schedule_run SET outcome = ?, snapshot_id = ?, detail = ? WHERE run_key = ?",
                outcome,
                snapshot == null ? null : snapshot.toString(),
                detail.length() > 500 ? detail.substring(0, 499) + "…" : detail,
                key);
    }

    private @Nullable String computeMonth(String scheme, YearMonth month) {
        String period = month.toString();
        String key = "DRAFT " + scheme + " " + period;
        if (!claim(key, "DRAFT", scheme, period)) {
            return null;
        }
        // A manager got there first (a draft under review, or the period published): leave it be.
        if (snapshots.published(scheme, period).isPresent()) {
            record(key, "SKIPPED", null, "already published");
            return "SKIPPED";
        }
        var existing = snapshots.waitingDrafts(scheme).stream()
                .filter(s -> s.period().equals(period))
                .findFirst();
        if (existing.isPresent()) {
            record(key, "SKIPPED", existing.get().id(), "a draft exists already");
            return "SKIPPED";
        }
        Snapshot draft = computations.computeScheduled(scheme, period);
        record(key, "COMPUTED", draft.id(), draft.units() + " units, " + draft.computeMillis() + " ms");
        String monthText = String.format("%02d/%d", month.getMonthValue(), month.getYear());
        outbox.queue(
                draft.id(),
                MailOutbox.Kind.INDEX_DRAFT_READY,
                provinceManagers(),
                // The mails are Vietnamese with an English summary: index.mail.* (figures as written, not grouped).
                Words.of("index.mail.draftReady.subject", Words.VI, monthText),
                Words.of(
                        "index.mail.draftReady.text",
                        Words.VI,
                        monthText,
                        scheme,
                        String.valueOf(draft.methodologyVersion()),
                        String.valueOf(draft.units()),
                        outbox.link("/index"),
                        String.valueOf(draft.id()),
                        draft.inputsHash(),
                        period));
        log.info(
                "index schedule: computed the draft of {} {} ({} units) on node {}",
                scheme,
                period,
                draft.units(),
                node);
        return "COMPUTED";
    }

    private @Nullable String remind(Snapshot draft, LocalDate computedOn) {
        String key = "REMINDER " + draft.id();
        if (!claim(key, "REMINDER", draft.scheme(), draft.period())) {
            return null;
        }
        record(key, "REMINDED", draft.id(), "computed on " + computedOn);
        outbox.queue(
                draft.id(),
                MailOutbox.Kind.INDEX_DRAFT_WAITING,
                provinceManagers(),
                Words.of("index.mail.draftWaiting.subject", Words.VI, draft.period(), formats.day(computedOn)),
                Words.of(
                        "index.mail.draftWaiting.text",
                        Words.VI,
                        draft.period(),
                        draft.scheme(),
                        String.valueOf(draft.methodologyVersion()),
                        formats.day(computedOn),
                        String.valueOf(properties.remindAfterWorkingDays()),
                        outbox.link("/index"),
                        String.valueOf(draft.id()),
                        computedOn.toString()));
        return "REMINDED";
    }

    private List<String> provinceManagers() {
        return contacts.withRole(Role.PROVINCE_MANAGER).stream()
                .map(ManagerContacts.Contact::email)
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/"
                    + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }
}
