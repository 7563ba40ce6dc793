package vn.hailong.kiosk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.e2e.TestBrowser;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kiosk silent too long during opening hours raises one alert (also when nodes check at the same
 * moment), shown in the fleet view, closed when the kiosk is heard again. The check is run at
 * chosen instants (a Monday morning in the province's zone) instead of the scheduler's clock.
 */
@HaiLongTest
@Tag("browser")
class OfflineAlertTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    OfflineAlertService alerts;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void
            a_kiosk_silent_fifteen_minutes_in_opening_hours_raises_one_alert_shown_in_the_fleet_and_closed_when_heard_again()
                    throws Exception {
        KioskFixture site = KioskFixture.create(new OneStopSoftware(port), directory, devices, 60, 2);
        String path = site.enrolmentPath(devices);
        assertThat(devices.enrol(path.substring(path.lastIndexOf('/') + 1))).isPresent();
        heard(site, OfflineRuleTest.at("2026-11-23T09:00:00"));

        alerts.check(OfflineRuleTest.at("2026-11-23T09:14:00"));
        assertThat(openAlerts(site)).isZero();

        // Two nodes check at the same moment: one alert.
        Instant late = OfflineRuleTest.at("2026-11-23T09:20:00");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(nodes.submit((Callable<Integer>) () -> alerts.check(late)));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        nodes.shutdown();
        alerts.check(late);
        assertThat(openAlerts(site)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                                "SELECT offline_since FROM kiosk_offline_alert WHERE device_id = ?",
                                LocalDateTime.class,
                                site.device().id())
                        .toInstant(ZoneOffset.UTC))
                .isEqualTo(OfflineRuleTest.at("2026-11-23T09:00:00"));
        assertThat(summary(site).offlineAlertSince()).isEqualTo(OfflineRuleTest.at("2026-11-23T09:00:00"));

        // The fleet view shows it.
        String admin = "fleet-admin-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(admin, "fleet-Passw0rd!", "Quản trị kiosk", Role.ADMIN, null);
        Page desktop = browser.desktop().newPage();
        desktop.navigate("http://localhost:" + port + "/kiosks");
        desktop.locator("input[name=username]").fill(admin);
        desktop.locator("input[name=password]").fill("fleet-Passw0rd!");
        desktop.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        Locator badge = desktop.locator("[data-offline-alert='" + site.deviceCode() + "']");
        badge.scrollIntoViewIfNeeded();
        assertThat(badge).hasText("Cảnh báo: mất kết nối từ 23/11/2026 09:00");
        TestBrowser.screenshot(desktop, "kiosk-15-fleet-offline-alert");

        // Heard again: closed; silent again later: a new alert.
        heard(site, OfflineRuleTest.at("2026-11-23T09:25:00"));
        alerts.check(OfflineRuleTest.at("2026-11-23T09:26:00"));
        assertThat(openAlerts(site)).isZero();
        assertThat(summary(site).offlineAlertSince()).isNull();
        alerts.check(OfflineRuleTest.at("2026-11-23T09:45:00"));
        assertThat(openAlerts(site)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_offline_alert WHERE device_id = ? AND closed_at IS NOT NULL",
                        Integer.class,
                        site.device().id()))
                .isEqualTo(1);

        // Revoked: its alert closes.
        site.revoke(devices);
        alerts.check(OfflineRuleTest.at("2026-11-23T09:46:00"));
        assertThat(openAlerts(site)).isZero();
    }

    @Test
    void no_alert_outside_opening_hours() {
        KioskFixture site = KioskFixture.create(new OneStopSoftware(port), directory, devices, 60, 2);
        String path = site.enrolmentPath(devices);
        devices.enrol(path.substring(path.lastIndexOf('/') + 1));
        heard(site, OfflineRuleTest.at("2026-11-23T16:00:00"));
        alerts.check(OfflineRuleTest.at("2026-11-23T18:30:00"));
        alerts.check(OfflineRuleTest.at("2026-11-29T10:00:00")); // Sunday
        assertThat(openAlerts(site)).isZero();
    }

    /** The kiosk's last heartbeat (stored in UTC, as Hibernate writes it). */
    private void heard(KioskFixture site, Instant at) {
        jdbc.update(
                "UPDATE kiosk_device SET last_seen_at = ? WHERE code = ?",
                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                site.deviceCode());
    }

    private int openAlerts(KioskFixture site) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM kiosk_offline_alert WHERE device_id = ? AND closed_at IS NULL",
                Integer.class,
                site.device().id());
    }

    private DeviceSummary summary(KioskFixture site) {
        return KioskFixture.asAdmin(() -> devices.devices()).stream()
                .filter(d -> d.code().equals(site.deviceCode()))
                .findFirst()
                .orElseThrow();
    }
}
