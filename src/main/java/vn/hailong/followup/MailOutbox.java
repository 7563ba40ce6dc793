package vn.hailong.followup;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The e-mail outbox of this module, open to other modules' notifications: a notification queued
 * here is sent like the follow-up e-mails, by whichever node claims it first (a conditional UPDATE,
 * so two nodes never both send it), retried with a growing delay while the mail server is down,
 * and marked sent or skipped on its row of {@code follow_up_mail}.
 *
 * <p>Unlike follow-up e-mails (composed when sent, as the case then stands), a notification is
 * composed by its module when it is queued and sent as it was.
 */
@Service
public class MailOutbox {

    /** The notifications other modules queue; each names what its {@code about} id is. */
    public enum Kind {
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

    private final JdbcTemplate jdbc;
    private final FollowUpMailer mailer;
    private final FollowUpMailProperties properties;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, FollowUpMailer mailer, FollowUpMailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a notification once: a second call for the same {@code about} and kind does nothing.
     * It joins the caller's transaction, so the notification commits (and is sent) only with what
     * it tells about. Without any address the row is kept, marked skipped when its turn comes.
     * Not {@code @Transactional} itself: a failure here must not mark the caller's transaction for
     * rollback behind its back; the caller's exception handling decides.
     *
     * @param to the addresses, one message each (recipients do not see each other)
     */
    public void queue(UUID about, Kind kind, List<String> to, String subject, String text) {
        if (about == null || kind == null || subject == null || subject.isBlank() || text == null) {
            throw new IllegalArgumentException("a notification needs what it is about, a kind, a subject and a text");
        }
        String shortSubject =
                subject.length() <= SUBJECT_MAX_LENGTH ? subject : subject.substring(0, SUBJECT_MAX_LENGTH - 1) + "…";
        FollowUpMailer.queueComposed(
                jdbc, about, kind.name(), to == null ? List.of() : to, shortSubject, text, clock.instant());
    }

    /** A link to a page of the managers' screens, as e-mails give it ({@code hailong.followup.mail.base-url}). */
    public String link(String path) {
        return properties.baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Sends what is due now, as the scheduler does every {@code hailong.followup.mail.poll}: for
     * tests and for operators who do not want to wait.
     *
     * @return how many e-mails were sent
     */
    public int sendDue() {
        return mailer.sendPending();
    }

    /**
     * Queues the escalations of overdue cases now, as the scheduler does every
     * {@code hailong.followup.mail.escalation-check}: for tests and operators.
     *
     * @return how many were queued
     */
    public int escalateOverdueNow() {
        return mailer.escalateOverdue();
    }
}
