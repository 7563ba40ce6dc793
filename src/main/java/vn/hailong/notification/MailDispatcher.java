package vn.hailong.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the rows of {@code mail_outbox} that are due, from any node: it first claims a row with a
 * conditional UPDATE (only one node's UPDATE matches), then composes it (a row queued composed, as
 * stored; else by its kind's {@link MailComposer}), sends, and marks it sent. A failed send is kept
 * and retried later with a growing delay; a node that dies between sending and marking leaves a
 * claim that expires, so the mail is sent again (at least once, never lost).
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(MailProperties.class)
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final JavaMailSender sender;
    private final Supplier<List<MailComposer>> composerBeans;
    private final MailProperties properties;
    private final Clock clock;
    private final String node;
    private volatile @Nullable Map<MailOutbox.Kind, MailComposer> composers;

    /**
     * The composers are looked up when the first mail is sent, not when this bean is made: a
     * composer's module uses {@link MailOutbox}, which uses this dispatcher.
     */
    @Autowired
    MailDispatcher(
            JdbcTemplate jdbc,
            JavaMailSender sender,
            ObjectProvider<MailComposer> composers,
            MailProperties properties,
            Clock clock) {
        this(jdbc, sender, () -> composers.orderedStream().toList(), properties, clock);
    }

    /** With these composers (tests playing another node, or a node without a module's composer). */
    MailDispatcher(
            JdbcTemplate jdbc,
            JavaMailSender sender,
            List<MailComposer> composers,
            MailProperties properties,
            Clock clock) {
        this(jdbc, sender, () -> composers, properties, clock);
    }

    private MailDispatcher(
            JdbcTemplate jdbc,
            JavaMailSender sender,
            Supplier<List<MailComposer>> composerBeans,
            MailProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.composerBeans = composerBeans;
        this.properties = properties;
        this.clock = clock;
        this.node = nodeName();
    }

    private Map<MailOutbox.Kind, MailComposer> composers() {
        Map<MailOutbox.Kind, MailComposer> known = composers;
        if (known == null) {
            known = new EnumMap<>(MailOutbox.Kind.class);
            for (MailComposer composer : composerBeans.get()) {
                for (MailOutbox.Kind kind : composer.kinds()) {
                    MailComposer earlier = known.put(kind, composer);
                    if (earlier != null) {
                        throw new IllegalStateException(
                                "two composers of " + kind + " mails: " + earlier + " and " + composer);
                    }
                }
            }
            composers = known;
        }
        return known;
    }

    /**
     * Sends the queued e-mails that are due, each claimed first so that one node sends it.
     *
     * @return how many were sent
     */
    // hailong.mail.poll's default is written here only (no record holds it, application.yaml does not repeat it).
    @Scheduled(fixedDelayString = "${hailong.mail.poll:PT30S}", initialDelayString = "${hailong.mail.poll:PT30S}")
    int sendPending() {
        Instant now = clock.instant();
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        /** A row due; {@code subject} is set for a mail composed when queued. */
        record Due(UUID about, String kind, int attempts, String recipients, String subject, String body) {}
        List<Due> due = jdbc.query(
                """
                SELECT about_id, kind, attempts, recipients, subject, body FROM mail_outbox
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
                    UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?
                    WHERE about_id = ? AND kind = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""",
                    node,
                    LocalDateTime.ofInstant(now.plus(CLAIM), ZoneOffset.UTC),
                    d.about().toString(),
                    d.kind(),
                    at);
            if (claimed == 0) {
                continue; // another node has it
            }
            try {
                ComposedMail mail = d.subject() != null
                        ? stored(d.recipients(), d.subject(), d.body())
                        : composed(d.about(), MailOutbox.Kind.valueOf(d.kind()));
                if (mail.skipped() != null) {
                    jdbc.update("""
                            UPDATE mail_outbox SET status = 'SKIPPED', last_error = ?, claimed_by = NULL, claimed_until = NULL
                            WHERE about_id = ? AND kind = ?""", mail.skipped(), d.about().toString(), d.kind());
                    log.info("e-mail {} about {} not sent: {}", d.kind(), d.about(), mail.skipped());
                    continue;
                }
                send(mail);
                jdbc.update(
                        """
                        UPDATE mail_outbox SET status = 'SENT', sent_at = ?, recipients = ?, attempts = attempts + 1,
                               claimed_by = NULL, claimed_until = NULL, last_error = NULL
                        WHERE about_id = ? AND kind = ?""",
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        truncate(String.join(", ", mail.to()), MailOutbox.RECIPIENTS_MAX_LENGTH),
                        d.about().toString(),
                        d.kind());
                sent++;
            } catch (RuntimeException | MessagingException e) {
                Duration wait = backoff(d.attempts());
                jdbc.update(
                        """
                        UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                               claimed_by = NULL, claimed_until = NULL
                        WHERE about_id = ? AND kind = ?""",
                        LocalDateTime.ofInstant(now.plus(wait), ZoneOffset.UTC),
                        truncate(String.valueOf(e.getMessage()), 500),
                        d.about().toString(),
                        d.kind());
                log.warn(
                        "e-mail {} about {} failed (try {}), retrying in {}: {}",
                        d.kind(),
                        d.about(),
                        d.attempts() + 1,
                        wait,
                        e.toString());
            }
        }
        return sent;
    }

    private ComposedMail composed(UUID about, MailOutbox.Kind kind) {
        MailComposer composer = composers().get(kind);
        if (composer == null) {
            throw new IllegalStateException("no composer of " + kind + " mails on this node");
        }
        return composer.compose(about, kind);
    }

    /** A mail as it was composed when queued; without an address there is nothing to send. */
    static ComposedMail stored(String recipients, String subject, String text) {
        List<String> to = recipients == null || recipients.isBlank()
                ? List.of()
                : Arrays.stream(recipients.split(","))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .toList();
        return to.isEmpty()
                ? ComposedMail.skip("no recipient has an e-mail address")
                : ComposedMail.of(to, subject, text);
    }

    /** One message per recipient: managers do not see each other's addresses. */
    private void send(ComposedMail mail) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (String to : mail.to()) {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            // Sent only when not skipped: a composed mail has its subject and text (ComposedMail.of).
            helper.setSubject(Objects.requireNonNull(mail.subject()));
            helper.setText(Objects.requireNonNull(mail.text()), false);
            messages.add(message);
        }
        sender.send(messages.toArray(MimeMessage[]::new));
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
