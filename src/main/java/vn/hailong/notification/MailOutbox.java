package vn.hailong.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The e-mail outbox of every module: a mail queued here is a row of {@code mail_outbox}, keyed by
 * (what it is about, kind), so it exists once even when several nodes queue it at the same time.
 * It joins the caller's transaction, so it commits (and is sent) only with what it tells about, and
 * a mail server that is down never fails the caller. {@link MailDispatcher} sends it from any node.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** Every kind of mail; each names the module that queues it and what its {@code about} id is. */
    public enum Kind {
        /** A new follow-up case, to the unit's managers; {@code about} is the case (module {@code followup}, composed when sent). */
        NEW_CASE,
        /** An overdue follow-up case, to the province managers; {@code about} is the case (module {@code followup}, composed when sent). */
        ESCALATION,
        /** A kiosk went silent during opening hours; {@code about} is its offline alert (module {@code kiosk}). */
        KIOSK_OFFLINE,
        /** The schedule computed a month's index draft; {@code about} is the draft (module {@code index}). */
        INDEX_DRAFT_READY,
        /** An index draft has waited unpublished too long; {@code about} is the draft (module {@code index}). */
        INDEX_DRAFT_WAITING,
        /** A webhook endpoint was disabled after failing too long; {@code about} is the endpoint (module {@code webhook}). */
        WEBHOOK_DISABLED
    }

    static final int SUBJECT_MAX_LENGTH = 300;
    static final int RECIPIENTS_MAX_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final MailDispatcher dispatcher;
    private final MailProperties properties;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, MailDispatcher dispatcher, MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a mail composed now, once: a second call for the same {@code about} and kind does
     * nothing. Without any address the row is kept, marked skipped when its turn comes. Not
     * {@code @Transactional} itself: a failure here must not mark the caller's transaction for
     * rollback behind its back; the caller's exception handling decides. Addresses that do not fit
     * the row (2,000 characters) are left out.
     *
     * @param to the addresses, one message each (recipients do not see each other)
     */
    public void queue(UUID about, Kind kind, List<String> to, String subject, String text) {
        if (about == null || kind == null || subject == null || subject.isBlank() || text == null) {
            throw new IllegalArgumentException("a mail needs what it is about, a kind, a subject and a text");
        }
        String shortSubject =
                subject.length() <= SUBJECT_MAX_LENGTH ? subject : subject.substring(0, SUBJECT_MAX_LENGTH - 1) + "…";
        StringBuilder recipients = new StringBuilder();
        for (String address :
                (to == null ? List.<String>of() : to).stream().distinct().toList()) {
            String next = recipients.isEmpty() ? address : ", " + address;
            if (recipients.length() + next.length() > RECIPIENTS_MAX_LENGTH) {
                log.warn("{} e-mail about {}: recipients beyond 2000 characters left out", kind, about);
                break;
            }
            recipients.append(next);
        }
        LocalDateTime at = now();
        jdbc.update("""
                INSERT INTO mail_outbox (about_id, kind, status, created_at, next_attempt_at, recipients, subject, body)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE kind = kind""", about.toString(), kind.name(), at, at, recipients.toString(), shortSubject, text);
    }

    /**
     * Queues a mail that the {@link MailComposer} of its kind composes when it is sent, once.
     *
     * @return whether it was queued now (false: it was queued before, by this call's twin or another node)
     */
    public boolean queueToCompose(UUID about, Kind kind) {
        LocalDateTime at = now();
        return jdbc.update("""
                INSERT IGNORE INTO mail_outbox (about_id, kind, status, created_at, next_attempt_at)
                VALUES (?, ?, 'PENDING', ?, ?)""", about.toString(), kind.name(), at, at) == 1;
    }

    /** A link to a page of the managers' screens, as e-mails give it ({@code hailong.mail.base-url}). */
    public String link(String path) {
        return properties.baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Sends what is due now, as the scheduler does every {@code hailong.mail.poll}: for tests and
     * for operators who do not want to wait.
     *
     * @return how many e-mails were sent
     */
    public int sendDue() {
        return dispatcher.sendPending();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
