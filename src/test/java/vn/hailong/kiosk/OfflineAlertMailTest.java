package vn.hailong.kiosk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.TestMail;
import vn.hailong.directory.DirectoryService;
import vn.hailong.notification.MailOutbox;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new offline alert is e-mailed, once, to the managers of the unit owning the kiosk's service
 * centre, through the follow-up module's outbox; received by a real SMTP server (GreenMail).
 */
@HaiLongTest
class OfflineAlertMailTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    OfflineAlertService alerts;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerContacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    /** An enrolled kiosk last heard on a Monday at 09:00 (the province's time). */
    KioskFixture silentKiosk() {
        KioskFixture site = KioskFixture.create(new OneStopSoftware(port), directory, devices, 60, 2);
        String path = site.enrolmentPath(devices);
        assertThat(devices.enrol(path.substring(path.lastIndexOf('/') + 1))).isPresent();
        jdbc.update(
                "UPDATE kiosk_device SET last_seen_at = ? WHERE code = ?",
                LocalDateTime.ofInstant(OfflineRuleTest.at("2026-11-23T09:00:00"), ZoneOffset.UTC),
                site.deviceCode());
        return site;
    }

    String manager(String unitCode, String email) {
        String username = "kmail-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "Kmail-passw0rd!", "Lãnh đạo " + username, Role.UNIT_MANAGER, unitCode);
        contacts.setEmailAtStartup(username, email);
        return username;
    }

    UUID alertOf(KioskFixture site) {
        return jdbc.queryForObject(
                "SELECT id FROM kiosk_offline_alert WHERE device_id = ? AND closed_at IS NULL",
                UUID.class,
                site.device().id());
    }

    String mailStatus(UUID alertId) {
        return jdbc.queryForObject(
                "SELECT status FROM mail_outbox WHERE about_id = ? AND kind = 'KIOSK_OFFLINE'",
                String.class,
                alertId.toString());
    }

    List<MimeMessage> about(String address, String deviceCode) {
        return TestMail.to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(deviceCode);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static <T> List<T> twice(Callable<T> action) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(action));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            nodes.shutdown();
        }
    }

    /**
     * Two nodes send at the same moment, again until this alert's row is done: the shared test
     * database may hold older rows of other tests, and each run takes a batch, oldest first.
     */
    void twoNodesSendUntilDone(UUID alertId) throws Exception {
        for (int run = 0; run < 100 && "PENDING".equals(mailStatus(alertId)); run++) {
            twice(outbox::sendDue);
        }
    }

    @Test
    void a_new_alert_is_mailed_once_to_the_managers_of_the_centres_unit_only() throws Exception {
        KioskFixture site = silentKiosk();
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String own = "lanh-dao-trung-tam-" + suffix + "@example.vn";
        String elsewhere = "don-vi-khac-" + suffix + "@example.vn";
        manager(site.unit(), own);
        manager(new OneStopSoftware(port).registersUnit("DEPARTMENT"), elsewhere);

        // Two nodes check at the same moment, then one again: one alert, one e-mail queued.
        Instant late = OfflineRuleTest.at("2026-11-23T09:20:00");
        twice(() -> alerts.check(late));
        alerts.check(late);
        UUID alertId = alertOf(site);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM mail_outbox WHERE about_id = ?", Integer.class, alertId.toString()))
                .isEqualTo(1);
        assertThat(mailStatus(alertId)).isEqualTo("PENDING");

        // Two nodes send at the same moment: one message.
        twoNodesSendUntilDone(alertId);
        List<MimeMessage> received = about(own, site.deviceCode());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject())
                .isEqualTo("[Hài Lòng] Kiosk " + site.deviceCode() + " mất kết nối từ 09:00 23/11/2026 – "
                        + site.centreName());
        assertThat(TestMail.body(received.getFirst()))
                .contains("Máy đánh giá (kiosk) " + site.deviceCode() + " tại Quầy số 3 – Đất đai ("
                        + site.counterCode() + "), " + site.centreName())
                .contains("từ 09:00 23/11/2026")
                .contains(outbox.link("/kiosks"));
        assertThat(about(elsewhere, site.deviceCode())).isEmpty();
        assertThat(mailStatus(alertId)).isEqualTo("SENT");

        outbox.sendDue();
        assertThat(about(own, site.deviceCode())).hasSize(1);
    }

    @Test
    void an_alert_of_a_unit_whose_managers_left_no_address_is_kept_and_marked_skipped() throws Exception {
        KioskFixture site = silentKiosk();
        alerts.check(OfflineRuleTest.at("2026-11-23T09:20:00"));
        UUID alertId = alertOf(site);
        assertThat(mailStatus(alertId)).isEqualTo("PENDING");

        twoNodesSendUntilDone(alertId);
        assertThat(mailStatus(alertId)).isEqualTo("SKIPPED");
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM mail_outbox WHERE about_id = ?", String.class, alertId.toString()))
                .isEqualTo("no recipient has an e-mail address");
        assertThat(alertOf(site)).isEqualTo(alertId);
    }
}
