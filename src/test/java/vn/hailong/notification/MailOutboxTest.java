package vn.hailong.notification;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox of every module, against a real SMTP server (GreenMail): a mail composed when queued
 * is sent as stored, one message per recipient; a mail queued to be composed is composed when sent
 * by its kind's composer; a mail server that is down leaves the mail pending for a later try.
 */
@HaiLongTest
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailProperties properties;

    @Autowired
    Clock clock;

    final String suffix = TestData.uniqueSuffix().toLowerCase();

    Map<String, Object> row(UUID about) {
        return jdbc.queryForMap(
                "SELECT status, attempts, last_error, next_attempt_at > UTC_TIMESTAMP(6) AS later, claimed_until "
                        + "FROM mail_outbox WHERE about_id = ?",
                about.toString());
    }

    JavaMailSenderImpl working() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestMail.server().getSmtp().getPort());
        return sender;
    }

    @Test
    void a_mail_composed_when_queued_is_sent_once_one_message_per_recipient_and_its_subject_kept_short()
            throws Exception {
        UUID about = UUID.randomUUID();
        String first = "mot-" + suffix + "@example.vn";
        String second = "hai-" + suffix + "@example.vn";
        String subject = "Thử " + suffix + " " + "x".repeat(400);

        outbox.queue(about, MailOutbox.Kind.KIOSK_OFFLINE, List.of(first, second, first), subject, "Nội dung");
        outbox.queue(about, MailOutbox.Kind.KIOSK_OFFLINE, List.of(first), "a second queueing", "is ignored");
        outbox.sendDue();

        List<MimeMessage> toFirst = TestMail.to(first);
        assertThat(toFirst).hasSize(1);
        assertThat(toFirst.getFirst().getSubject())
                .hasSize(MailOutbox.SUBJECT_MAX_LENGTH)
                .endsWith("…");
        assertThat(toFirst.getFirst().getAllRecipients())
                .extracting(Object::toString)
                .containsExactly(first);
        assertThat(TestMail.body(toFirst.getFirst())).contains("Nội dung");
        assertThat(TestMail.to(second)).hasSize(1);
        assertThat(row(about).get("status")).isEqualTo("SENT");

        outbox.sendDue();
        assertThat(TestMail.to(first)).hasSize(1);
    }

    @Test
    void a_mail_queued_to_compose_is_composed_when_sent_or_skipped_with_the_composers_reason() throws Exception {
        UUID mailed = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        String to = "soan-" + suffix + "@example.vn";
        MailComposer composer = new MailComposer() {
            @Override
            public Set<MailOutbox.Kind> kinds() {
                return Set.of(MailOutbox.Kind.NEW_CASE);
            }

            @Override
            public ComposedMail compose(UUID about, MailOutbox.Kind kind) {
                if (about.equals(mailed)) {
                    return ComposedMail.of(List.of(to), "Soạn lúc gửi " + suffix, "như bây giờ");
                }
                if (about.equals(dropped)) {
                    return ComposedMail.skip("the case was closed before its e-mail was sent");
                }
                throw new IllegalStateException("not this test's mail");
            }
        };
        MailDispatcher dispatcher = new MailDispatcher(jdbc, working(), List.of(composer), properties, clock);

        assertThat(outbox.queueToCompose(mailed, MailOutbox.Kind.NEW_CASE)).isTrue();
        assertThat(outbox.queueToCompose(mailed, MailOutbox.Kind.NEW_CASE))
                .as("once")
                .isFalse();
        assertThat(outbox.queueToCompose(dropped, MailOutbox.Kind.NEW_CASE)).isTrue();
        dispatcher.sendPending();

        assertThat(TestMail.to(to))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Soạn lúc gửi " + suffix));
        assertThat(row(mailed).get("status")).isEqualTo("SENT");
        assertThat(row(dropped).get("status")).isEqualTo("SKIPPED");
        assertThat(row(dropped).get("last_error")).isEqualTo("the case was closed before its e-mail was sent");
    }

    @Test
    void a_kind_without_a_composer_on_this_node_is_a_failed_try_not_a_lost_mail() {
        UUID about = UUID.randomUUID();
        outbox.queueToCompose(about, MailOutbox.Kind.ESCALATION);

        new MailDispatcher(jdbc, working(), List.of(), properties, clock).sendPending();

        Map<String, Object> row = row(about);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("no composer of ESCALATION");
        assertThat(row.get("claimed_until")).isNull();
    }

    @Test
    void a_mail_server_that_is_down_leaves_the_mail_pending_and_it_is_sent_when_its_retry_comes() throws Exception {
        UUID about = UUID.randomUUID();
        String to = "cho-" + suffix + "@example.vn";
        outbox.queue(about, MailOutbox.Kind.WEBHOOK_DISABLED, List.of(to), "Máy chủ thư " + suffix, "thử lại");

        // A dispatcher whose SMTP server does not answer (a port nobody listens on).
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        JavaMailSenderImpl dead = new JavaMailSenderImpl();
        dead.setHost("127.0.0.1");
        dead.setPort(deadPort);
        new MailDispatcher(jdbc, dead, List.of(), properties, clock).sendPending();

        Map<String, Object> row = row(about);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(((Number) row.get("later")).intValue()).isEqualTo(1);
        assertThat(row.get("claimed_until")).isNull();
        assertThat(TestMail.to(to)).isEmpty();

        // Not due yet: the working outbox leaves it for later ...
        outbox.sendDue();
        assertThat(TestMail.to(to)).isEmpty();
        // ... and sends it once its retry time has come.
        jdbc.update(
                "UPDATE mail_outbox SET next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE about_id = ?",
                about.toString());
        outbox.sendDue();
        assertThat(TestMail.to(to)).hasSize(1);
        assertThat(row(about).get("attempts")).isEqualTo(2);
    }
}
