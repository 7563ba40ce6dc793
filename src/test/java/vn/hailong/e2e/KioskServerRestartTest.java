package vn.hailong.e2e;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.OneStopSoftware;
import vn.hailong.directory.DirectoryService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk's server really goes away and comes back: a second node of the application (its own
 * Spring context and Tomcat on a fixed port, the shared test database) serves the tablet, and is
 * stopped mid-journey and started again on the same port. The tablet keeps the rating in its
 * outbox with its idempotency key, shows the calm reconnecting state, and the rating is stored
 * exactly once, also when the server stored it but its acknowledgement was lost.
 * The shared context (node A) doubles as a second node for the cross-node handover.
 */
@HaiLongTest
@Tag("browser")
@ExtendWith(KeepsSecurityStrategy.class)
class KioskServerRestartTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final LocatorAssertions.IsVisibleOptions AFTER_RESTART =
            new LocatorAssertions.IsVisibleOptions().setTimeout(90_000);
    private static final String IDLE = "Xin mời ông/bà đánh giá mức độ hài lòng";

    static AppNode node;

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startNode(@Autowired EmbeddedMariaDb db) {
        node = new AppNode(db.jdbcUrl()).start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_server_stops_before_the_rating_is_sent_and_after_its_restart_the_rating_is_stored_once() {
        ensureRunning();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 3);
        Page tablet = enrolledTablet(site);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        assertThat(handOverOn(port, site, dossier))
                .isEqualTo(201); // on node A; the kiosk on node B learns it by its poll
        KioskJourneyTest.face(tablet, "Rất hài lòng").click();
        assertThat(KioskJourneyTest.send(tablet)).isVisible();

        // The server process dies mid-journey: its port closes and its sessions are gone.
        node.stop();
        tablet.locator("[data-q=convenience][data-o=SATISFIED]").click();
        KioskJourneyTest.send(tablet).click();
        tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 1");
        Locator reconnecting = tablet.locator("#kiosk-reconnecting");
        assertThat(reconnecting).isVisible();
        assertThat(reconnecting).containsText("Đang kết nối lại");
        assertThat(reconnecting).containsText("đã được lưu trên máy");
        TestBrowser.screenshot(tablet, "kiosk-11-server-down-rating-kept");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk reconnecting while the server is down");
        assertThat(ratingsOf(dossier)).isZero();
        String key =
                (String) tablet.evaluate("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox'))[0].idempotencyKey");

        // Started again on the same port: the tablet resends with the same key, forgets the rating
        // once acknowledged, and (its old session gone) reloads to the idle screen.
        node.start();
        waitForRatings(dossier, 1);
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible(AFTER_RESTART);
        tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0");
        assertThat(reconnecting).isHidden();
        TestBrowser.screenshot(tablet, "kiosk-12-after-restart-idle");
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT idempotency_key FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .isEqualTo(key);
        assertThat(jdbc.queryForList("""
                SELECT a.criterion_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                JOIN rating_answer a ON a.rating_id = r.id WHERE d.code = ? AND r.channel = 'KIOSK' ORDER BY a.criterion_key""", String.class, dossier)).containsExactly("convenience", "overall");
    }

    @Test
    void the_server_stores_the_rating_but_dies_before_acknowledging_it_and_the_resend_stores_nothing_more() {
        ensureRunning();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 3);
        Page tablet = enrolledTablet(site);
        String dossier = oneStop.sendsReceivedDossier(site.unit());

        // The first send reaches the server (it stores the rating); its answer never reaches the
        // tablet. Until the server is down, every resend is lost the same way.
        AtomicBoolean serverDown = new AtomicBoolean();
        AtomicBoolean delivered = new AtomicBoolean();
        AtomicInteger firstStatus = new AtomicInteger();
        AtomicInteger resentAfterRestart = new AtomicInteger();
        tablet.route("**/kiosk-device/ratings", route -> {
            if (serverDown.get()) {
                resentAfterRestart.incrementAndGet();
                route.resume();
                return;
            }
            if (!delivered.getAndSet(true)) {
                firstStatus.set(route.fetch().status());
            }
            route.abort("connectionreset");
        });

        assertThat(handOverOn(port, site, dossier))
                .isEqualTo(201); // on node A; the kiosk on node B learns it by its poll
        KioskJourneyTest.face(tablet, "Hài lòng").click();
        KioskJourneyTest.send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cảm ơn ông/bà!")))
                .isVisible();
        waitForRatings(dossier, 1);
        assertThat(firstStatus.get()).isEqualTo(201);
        assertThat(KioskJourneyTest.outbox(tablet))
                .as("kept: the server's answer was lost")
                .isEqualTo(1);

        node.stop();
        serverDown.set(true);
        Locator reconnecting = tablet.locator("#kiosk-reconnecting");
        assertThat(reconnecting).isVisible();
        assertThat(reconnecting).containsText("đã được lưu trên máy");
        TestBrowser.screenshot(tablet, "kiosk-13-ack-lost-server-down");
        assertThat(KioskJourneyTest.outbox(tablet)).isEqualTo(1);

        node.start();
        tablet.waitForFunction(
                "() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0",
                null,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible(AFTER_RESTART);
        assertThat(resentAfterRestart.get()).isPositive();
        assertThat(ratingsOf(dossier)).isEqualTo(1);
    }

    @Test
    void a_handover_recorded_on_one_node_reaches_the_kiosk_connected_to_another_within_the_poll_interval() {
        ensureRunning();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 3);
        Page tablet = enrolledTablet(site); // connected to node B
        String dossier = oneStop.sendsReceivedDossier(site.unit());

        long start = System.nanoTime();
        assertThat(handOverOn(port, site, dossier)).isEqualTo(201); // recorded on node A
        KioskJourneyTest.face(tablet, "Rất hài lòng").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // One poll interval (2 s) plus the push and rendering; a busy 2-core machine gets some slack.
        assertThat(millis)
                .as("handover on node A → survey on the kiosk of node B, ms")
                .isLessThan(5_000);
        System.out.println("Kiosk cross-node handover: recorded on node A, survey visible on the kiosk of node B after "
                + millis + " ms");
        assertThat(tablet.getByText("Hồ sơ …" + dossier.substring(dossier.length() - 4)))
                .isVisible();
        TestBrowser.screenshot(tablet, "kiosk-14-cross-node-handover");

        KioskJourneyTest.face(tablet, "Rất hài lòng").click();
        KioskJourneyTest.send(tablet).click();
        waitForRatings(dossier, 1);
    }

    // ------------------------------------------------------------------ helpers

    private static void ensureRunning() {
        if (!node.running()) {
            node.start();
        }
    }

    private Page enrolledTablet(KioskFixture site) {
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(node.base() + site.enrolmentPath(devices));
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible();
        return tablet;
    }

    private static int handOverOn(int nodePort, KioskFixture site, String dossier) {
        return new OneStopSoftware(nodePort)
                .api()
                .post(
                        "/api/v1/counters/" + site.counterCode() + "/handover",
                        Map.of("dossierCode", dossier, "officerId", "cb-09"))
                .status();
    }

    private int ratingsOf(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                dossierCode);
    }

    private void waitForRatings(String dossierCode, int expected) {
        long until = System.currentTimeMillis() + 90_000;
        while (ratingsOf(dossierCode) != expected && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(ratingsOf(dossierCode)).as("ratings of " + dossierCode).isEqualTo(expected);
    }
}
