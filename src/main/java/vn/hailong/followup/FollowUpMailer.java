package vn.hailong.followup;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

/**
 * E-mails about follow-up cases: a new case to the unit's managers, an overdue case (past its
 * deadline, neither resolved nor closed) to the province managers.
 *
 * <p>Each e-mail is a row of {@code follow_up_mail}, keyed by (case, kind), so it exists once even
 * when several nodes look for overdue cases at the same time. Any node sends due rows; it first
 * claims a row with a conditional UPDATE (only one node's UPDATE matches), then sends, then marks
 * it sent. A failed send is kept and retried later with a growing delay; a node that dies between
 * sending and marking leaves a claim that expires, so the mail is sent again (at least once, never
 * lost).
 *
 * <p>Other modules queue notifications of their own on the same rows through {@link MailOutbox}:
 * those are composed when queued (subject, body and recipients on the row) and sent as stored.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(FollowUpMailProperties.class)
class FollowUpMailer {

    private static final Logger log = LoggerFactory.getLogger(FollowUpMailer.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int BATCH = 50;

    enum Kind {
        NEW_CASE,
        ESCALATION
    }

    /** A composed e-mail, or the reason there is none to send. */
    record Composed(List<String> to, String subject, String text, String skipped) {

        static Composed skip(String why) {
            return new Composed(List.of(), null, null, why);
        }
    }

    private final JdbcTemplate jdbc;
    private final JavaMailSender sender;
    private final ManagerContacts contacts;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final QuestionnaireService questionnaires;
    private final FollowUpMailProperties properties;
    private final Clock clock;
    private final String node;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.@Nullable TransactionTemplate transaction;

    /** Without events and with a transaction per statement (tests playing a second node). */
    FollowUpMailer(
            JdbcTemplate jdbc,
            JavaMailSender sender,
            ManagerContacts contacts,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            FollowUpMailProperties properties,
            Clock clock) {
        this(jdbc, sender, contacts, directory, intake, ratings, questionnaires, properties, clock, event -> {}, null);
    }

    @Autowired
    FollowUpMailer(
            JdbcTemplate jdbc,
            JavaMailSender sender,
            ManagerContacts contacts,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            QuestionnaireService questionnaires,
            FollowUpMailProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            org.springframework.transaction.@Nullable PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = transactions == null ? null : new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.sender = sender;
        this.contacts = contacts;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.questionnaires = questionnaires;
        this.properties = properties;
        this.clock = clock;
        this.node = nodeName();
    }

    /** Queues an e-mail of a case, once: a second call for the same case and kind does nothing. */
    static void queue(JdbcTemplate jdbc, UUID caseId, Kind kind, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO follow_up_mail (case_id, kind, status, created_at, next_attempt_at) VALUES (?, ?, 'PENDING', ?, ?)
                ON DUPLICATE KEY UPDATE kind = kind""", caseId.toString(), kind.name(), at, at);
    }

    /**
     * Queues a notification composed now, once per (what it is about, kind): a second call with the
     * same key does nothing. Addresses that do not fit the row (2,000 characters) are left out.
     */
    static void queueComposed(
            JdbcTemplate jdbc, UUID about, String kind, List<String> to, String subject, String text, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        StringBuilder recipients = new StringBuilder();
        for (String address : to.stream().distinct().toList()) {
            String next = recipients.isEmpty() ? address : ", " + address;
            if (recipients.length() + next.length() > 2000) {
                log.warn("{} e-mail about {}: recipients beyond 2000 characters left out", kind, about);
                break;
            }
            recipients.append(next);
        }
        jdbc.update("""
                INSERT INTO follow_up_mail (case_id, kind, status, created_at, next_attempt_at, recipients, subject, body)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE kind = kind""", about.toString(), kind, at, at, recipients.toString(), subject, text);
    }

    /**
     * Queues the escalation of every overdue case that has none yet, one short transaction per
     * case (idempotent across runs and nodes thanks to the key): the insert that queues it also
     * publishes {@link FollowUpOverdue} (webhooks listen), so the event exists once per case.
     *
     * @return how many escalations were queued now
     */
    @Scheduled(
            fixedDelayString = "${hailong.followup.mail.escalation-check:PT5M}",
            initialDelayString = "${hailong.followup.mail.escalation-check:PT5M}")
    int escalateOverdue() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        record Overdue(UUID caseId, UUID ratingId, UUID dossierId, UUID unitId, LocalDate dueOn) {}
        List<Overdue> overdue = jdbc.query(
                """
                SELECT c.id, c.rating_id, c.dossier_id, c.responsible_unit_id, c.due_on FROM follow_up_case c
                WHERE c.status IN ('OPEN', 'CONTACTED') AND c.due_on < ?
                  AND NOT EXISTS (SELECT 1 FROM follow_up_mail m WHERE m.case_id = c.id AND m.kind = 'ESCALATION')""",
                (rs, i) -> new Overdue(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class)),
                Date.valueOf(LocalDate.now(clock)));
        int queued = 0;
        for (Overdue o : overdue) {
            Supplier<Integer> escalate = () -> {
                int inserted = jdbc.update("""
                        INSERT IGNORE INTO follow_up_mail (case_id, kind, status, created_at, next_attempt_at)
                        VALUES (?, 'ESCALATION', 'PENDING', ?, ?)""", o.caseId().toString(), now, now);
                if (inserted == 1) {
                    events.publishEvent(
                            new FollowUpOverdue(o.caseId(), o.ratingId(), o.dossierId(), o.unitId(), o.dueOn()));
                }
                return inserted;
            };
            Integer inserted = transaction == null ? escalate.get() : transaction.execute(tx -> escalate.get());
            queued += inserted == null ? 0 : inserted;
        }
        return queued;
    }

    /**
     * Sends the queued e-mails that are due, each claimed first so that one node sends it.
     *
     * @return how many were sent
     */
    @Scheduled(
            fixedDelayString = "${hailong.followup.mail.poll:PT30S}",
            initialDelayString = "${hailong.followup.mail.poll:PT30S}")
    int sendPending() {
        Instant now = clock.instant();
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        /** A row due; {@code subject} is set for a notification composed when queued. */
        record Due(UUID caseId, String kind, int attempts, String recipients, String subject, String body) {}
        List<Due> due = jdbc.query(
                """
                SELECT case_id, kind, attempts, recipients, subject, body FROM follow_up_mail
                WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at LIMIT ?""",
                (rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                at,
                at,
                BATCH);
        int sent = 0;
        for (Due d : due) {
            int claimed = jdbc.update(
                    """
                    UPDATE follow_up_mail SET claimed_by = ?, claimed_until = ?
                    WHERE case_id = ? AND kind = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""",
                    node,
                    LocalDateTime.ofInstant(now.plus(CLAIM), ZoneOffset.UTC),
                    d.caseId().toString(),
                    d.kind(),
                    at);
            if (claimed == 0) {
                continue; // another node has it
            }
            try {
                Composed mail = d.subject() != null
                        ? stored(d.recipients(), d.subject(), d.body())
                        : compose(d.caseId(), Kind.valueOf(d.kind()));
                if (mail.skipped() != null) {
                    jdbc.update("""
                            UPDATE follow_up_mail SET status = 'SKIPPED', last_error = ?, claimed_by = NULL, claimed_until = NULL
                            WHERE case_id = ? AND kind = ?""", mail.skipped(), d.caseId().toString(), d.kind());
                    log.info("e-mail {} about {} not sent: {}", d.kind(), d.caseId(), mail.skipped());
                    continue;
                }
                send(mail);
                jdbc.update(
                        """
                        UPDATE follow_up_mail SET status = 'SENT', sent_at = ?, recipients = ?, attempts = attempts + 1,
                               claimed_by = NULL, claimed_until = NULL, last_error = NULL
                        WHERE case_id = ? AND kind = ?""",
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        truncate(String.join(", ", mail.to()), 2000),
                        d.caseId().toString(),
                        d.kind());
                sent++;
            } catch (RuntimeException | MessagingException e) {
                Duration wait = backoff(d.attempts());
                jdbc.update(
                        """
                        UPDATE follow_up_mail SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                               claimed_by = NULL, claimed_until = NULL
                        WHERE case_id = ? AND kind = ?""",
                        LocalDateTime.ofInstant(now.plus(wait), ZoneOffset.UTC),
                        truncate(String.valueOf(e.getMessage()), 500),
                        d.caseId().toString(),
                        d.kind());
                log.warn(
                        "e-mail {} about {} failed (try {}), retrying in {}: {}",
                        d.kind(),
                        d.caseId(),
                        d.attempts() + 1,
                        wait,
                        e.toString());
            }
        }
        return sent;
    }

    /** The e-mail of a case as it stands now. */
    Composed compose(UUID caseId, Kind kind) {
        record Case(UUID ratingId, UUID dossierId, UUID unitId, CaseStatus status, LocalDate dueOn) {}
        Case c = jdbc.queryForObject(
                "SELECT rating_id, dossier_id, responsible_unit_id, status, due_on FROM follow_up_case WHERE id = ?",
                (rs, i) -> new Case(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        CaseStatus.valueOf(rs.getString(4)),
                        rs.getDate(5).toLocalDate()),
                caseId.toString());
        String code = intake.codesOf(List.of(c.dossierId())).getOrDefault(c.dossierId(), "?");
        String unit = directory.findUnit(c.unitId()).map(AgencySummary::name).orElse("?");
        String link = properties.baseUrl() + "/theo-doi/" + caseId;
        String due = DAY.format(c.dueOn());
        if (kind == Kind.NEW_CASE) {
            if (c.status() == CaseStatus.CLOSED) {
                // Closed before its mail went out (its rating was excluded or superseded): nothing to follow up.
                return Composed.skip("the case was closed before its e-mail was sent");
            }
            List<String> to = emails(contacts.unitManagersOf(c.unitId()));
            if (to.isEmpty()) {
                return Composed.skip("no unit manager of the unit has an e-mail address");
            }
            String subject = "[Hài Lòng] Phản ánh mới: người dân không hài lòng với hồ sơ " + code;
            String text = "Kính gửi lãnh đạo " + unit + ",\n\n"
                    + "Người dân đã đánh giá \"Không hài lòng\" đối với hồ sơ " + code + ".\n"
                    + "Lý do: " + reasons(c.ratingId()) + "\n"
                    + "Hạn theo dõi, xử lý phản ánh: " + due + ".\n\n"
                    + "Xem phản ánh và cập nhật kết quả: " + link + "\n\n"
                    + "Thư này được gửi tự động từ hệ thống Hài Lòng.\n\n"
                    + "---\n"
                    + "A citizen rated dossier " + code + " \"not satisfied\". Please follow it up by " + due + ": "
                    + link + "\n";
            return new Composed(to, subject, text, null);
        }
        if (c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED) {
            return Composed.skip("the case was " + c.status() + " before the escalation was sent");
        }
        List<String> to = emails(contacts.withRole(Role.PROVINCE_MANAGER));
        if (to.isEmpty()) {
            return Composed.skip("no province manager has an e-mail address");
        }
        String subject = "[Hài Lòng] Quá hạn xử lý phản ánh: hồ sơ " + code + " (" + unit + ")";
        String text = "Kính gửi lãnh đạo Sở Nội vụ,\n\n"
                + "Phản ánh \"Không hài lòng\" về hồ sơ " + code + " của " + unit + " đã quá hạn xử lý (hạn " + due
                + ") mà chưa được giải quyết. Trạng thái hiện tại: "
                + c.status().label() + ".\n\n"
                + "Xem phản ánh: " + link + "\n\n"
                + "Thư này được gửi tự động từ hệ thống Hài Lòng.\n\n"
                + "---\n"
                + "The follow-up of dossier " + code + " at " + unit + " is overdue (due " + due
                + ") and not resolved: " + link + "\n";
        return new Composed(to, subject, text, null);
    }

    /** A notification as it was composed when queued; without an address there is nothing to send. */
    static Composed stored(String recipients, String subject, String text) {
        List<String> to = recipients == null || recipients.isBlank()
                ? List.of()
                : Arrays.stream(recipients.split(","))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .toList();
        return to.isEmpty()
                ? Composed.skip("no recipient has an e-mail address")
                : new Composed(to, subject, text, null);
    }

    /** One message per recipient: managers do not see each other's addresses. */
    private void send(Composed mail) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (String to : mail.to()) {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            messages.add(message);
        }
        sender.send(messages.toArray(MimeMessage[]::new));
    }

    private String reasons(UUID ratingId) {
        Map<String, String> labels = new HashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .reasons()
                .forEach(r -> labels.put(r.code(), r.label().vi()));
        List<String> named = ratings.facts(ratingId).map(RatingFacts::reasons).orElse(Set.of()).stream()
                .map(code -> labels.getOrDefault(code, code))
                .sorted()
                .toList();
        return named.isEmpty() ? "(không nêu)" : String.join("; ", named);
    }

    private static List<String> emails(List<ManagerContacts.Contact> people) {
        return people.stream()
                .map(ManagerContacts.Contact::email)
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
    }

    private Duration backoff(int attemptsBefore) {
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(attemptsBefore, 10));
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }
}
