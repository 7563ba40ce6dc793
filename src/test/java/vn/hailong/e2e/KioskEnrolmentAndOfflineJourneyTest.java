package vn.hailong.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.receipt.QrImages;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enrolment that lasts and a kiosk that survives reloads and reboots without its server, in real
 * chromium at tablet sizes: the administrator's enrolment QR drawn at full size and readable off
 * the screen (ZXing decodes a screenshot of it), the device cookie renewed by the page's heartbeat,
 * and — with the server cut off by a {@link CuttableProxy} — a rating queued, the page reloaded and
 * the browser restarted (a persistent profile, as a kiosk's chromium keeps), each time the offline
 * shell showing the unsent rating, which is sent (exactly once) when the server is back, before the kiosk returns.
 */
@HaiLongTest
@Tag("browser")
class KioskEnrolmentAndOfflineJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "kiosk-Passw0rd!";
    private static final String IDLE = "Xin mời ông/bà đánh giá mức độ hài lòng";
    private static final String OFFLINE = "Máy tính bảng đang mất kết nối";
    private static final LocatorAssertions.IsVisibleOptions BACK_ONLINE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    String base;

    @BeforeEach
    void setUp() {
        oneStop = new OneStopSoftware(port);
        base = "http://localhost:" + port;
    }

    @Test
    void the_enrolment_qr_fills_its_box_and_a_tablet_that_scans_it_is_enrolled() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        String admin = "kiosk-admin-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(admin, PASSWORD, "Quản trị kiosk", Role.ADMIN, null);

        String scanned = null;
        for (int[] size : new int[][] {{1280, 800}, {800, 1280}}) {
            Page desktop = browser.tablet(size[0], size[1]).newPage();
            logIn(desktop, admin);
            desktop.locator("vaadin-button[data-device='" + site.deviceCode() + "']")
                    .click();
            Locator link = desktop.locator("[data-enrolment-link]");
            assertThat(link).isVisible();
            Locator qr = desktop.locator(".kiosk-enrol-qr img");
            assertThat(qr).isVisible();
            desktop.waitForFunction("img => img.complete && img.naturalWidth > 0", qr.elementHandle());
            // The dialog opens with a short zoom: measure once it has settled (no overlay opening, and
            // the same size two frames apart).
            desktop.waitForFunction(
                    "img => !document.querySelector('[opening]') && new Promise(done => { const w = img.getBoundingClientRect()"
                            + ".width; requestAnimationFrame(() => requestAnimationFrame(() => done(Math.abs(img.getBoundingClientRect().width - w) < 0.01))); })",
                    qr.elementHandle());

            // Drawn at its full 288 px (it was 37 px while the SVG's viewBox reached the page as "viewbox").
            BoundingBox box = qr.boundingBox();
            assertThat(box.width).as("rendered QR width, px").isBetween(287.0, 289.0);
            assertThat(box.height).as("rendered QR height, px").isBetween(287.0, 289.0);
            assertThat(((Number) qr.evaluate("img => img.naturalWidth")).intValue())
                    .as("the SVG scales to its box")
                    .isGreaterThan(0);
            TestBrowser.screenshot(desktop, "kiosk-enrol-admin-qr-" + size[0] + "x" + size[1]);
            Accessibility.assertNoSeriousViolations(desktop, "kiosk enrolment dialog " + size[0] + "x" + size[1]);

            // What a tablet's camera sees: a screenshot of the code on screen decodes to the one-time link.
            String decoded = QrImages.decodePng(qr.screenshot());
            assertThat(decoded).isEqualTo(link.getAttribute("href"));
            scanned = decoded;
        }

        // The tablet opens the link it scanned (the second one: a new link replaces an unused one).
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(base + URI.create(scanned).getRawPath());
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible();
        assertThat(tablet.getByText(site.centreName())).isVisible();
        assertThat((String) tablet.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)"))
                .endsWith("/kiosk");
        assertThat(tablet.locator("link[rel=manifest]")).hasAttribute("href", "kiosk-device/manifest.webmanifest");
        assertThat(((Number) tablet.evaluate("""
                () => fetch(document.querySelector('link[rel=apple-touch-icon]').href).then(r => r.ok && r.headers.get('Content-Type') === 'image/png'
                  ? r.blob().then(b => createImageBitmap(b)).then(i => i.width) : 0)""")).intValue()).isEqualTo(192);
    }

    @Test
    void the_tablet_that_is_not_enrolled_says_so_in_both_orientations() {
        for (int[] size : new int[][] {{1280, 800}, {800, 1280}}) {
            Page tablet = browser.tablet(size[0], size[1]).newPage();
            tablet.navigate(base + "/kiosk");
            assertThat(tablet.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                    .isVisible();
            assertThat((Boolean) tablet.evaluate(
                            "() => navigator.serviceWorker.getRegistrations().then(all => all.length === 0)"))
                    .as("an unenrolled browser is no kiosk: no offline shell")
                    .isTrue();
            TestBrowser.screenshot(tablet, "kiosk-enrol-tablet-not-enrolled-" + size[0] + "x" + size[1]);
        }
    }

    @Test
    void the_kiosk_page_s_heartbeat_renews_a_cookie_near_its_end_for_the_full_lifetime_and_revocation_still_stops_it() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(base + site.enrolmentPath(devices));
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible();

        // A tablet enrolled 179 days ago: its credential and its cookie have a day left.
        Cookie cookie = deviceCookie(tablet.context());
        long oneDayLeft = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        tablet.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName(KioskDeviceService.COOKIE));
        tablet.context()
                .addCookies(List.of(new Cookie(cookie.name, cookie.value)
                        .setDomain(cookie.domain)
                        .setPath(cookie.path)
                        .setHttpOnly(true)
                        .setSameSite(SameSiteAttribute.STRICT)
                        .setExpires(oneDayLeft)));
        jdbc.update(
                "UPDATE kiosk_device SET credential_renewed_at = credential_renewed_at - INTERVAL 179 DAY WHERE code = ?",
                site.deviceCode());

        tablet.evaluate("() => window.hlKiosk.heartbeat()");

        Cookie renewed = deviceCookie(tablet.context());
        assertThat(renewed.value).isEqualTo(cookie.value);
        assertThat(renewed.expires)
                .as("expires, epoch s")
                .isGreaterThan(Instant.now().plus(Duration.ofDays(179)).getEpochSecond());
        assertThat(renewed.expires)
                .isLessThanOrEqualTo(Instant.now().plus(Duration.ofDays(180)).getEpochSecond() + 60);
        tablet.reload();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                .isVisible();

        // Revoked: the renewed cookie opens nothing, the page returns to the enrolment screen.
        site.revoke(devices);
        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
        tablet.reload();
        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
        assertThat(((Number) tablet.evaluate("""
                () => fetch('kiosk-device/heartbeat', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hailong-Kiosk': '1' },
                  body: '{"unsentRatings": 0}' }).then(r => r.status)""")).intValue()).isEqualTo(401);
        assertThat((Boolean) tablet.evaluate(
                        "() => navigator.serviceWorker.getRegistrations().then(all => all.length === 0)"))
                .as("a revoked tablet drops its offline shell")
                .isTrue();
    }

    @Test
    void a_reload_and_a_reboot_while_offline_show_the_queued_rating_which_is_stored_once_when_the_server_is_back()
            throws Exception {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 2);
        Path profile = Paths.get(
                System.getProperty("hailong.build-dir", "target"),
                "kiosk-profiles",
                UUID.randomUUID().toString());
        Files.createDirectories(profile);
        try (CuttableProxy network = new CuttableProxy(port)) {
            BrowserContext chromium = browser.persistentTablet(profile, 1280, 800);
            Page tablet = firstPage(chromium);
            tablet.navigate(network.base() + site.enrolmentPath(devices));
            assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                    .isVisible();
            tablet.waitForFunction("() => navigator.serviceWorker.controller !== null");
            assertThat((Boolean) tablet.evaluate("() => caches.has('hl-kiosk-shell-v1')"))
                    .isTrue();

            String dossier = oneStop.sendsReceivedDossier(site.unit());
            assertThat(oneStop.api()
                            .post(
                                    "/api/v1/counters/" + site.counterCode() + "/handover",
                                    Map.of("dossierCode", dossier, "officerId", "cb-16"))
                            .status())
                    .isEqualTo(201);
            KioskJourneyTest.face(tablet, "Hài lòng").click();
            assertThat(KioskJourneyTest.send(tablet)).isVisible();

            // The network drops; the citizen finishes and sends: the rating waits in the outbox.
            network.cut();
            tablet.locator("[data-q=convenience][data-o=SATISFIED]").click();
            KioskJourneyTest.send(tablet).click();
            tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 1");
            String key = (String)
                    tablet.evaluate("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox'))[0].idempotencyKey");

            // Someone reloads the page: the offline shell, with the rating still queued.
            tablet.reload();
            assertOfflineShell(tablet, site);
            TestBrowser.screenshot(tablet, "kiosk-offline-1280x800");
            Accessibility.assertNoSeriousViolations(tablet, "kiosk offline shell 1280x800");
            tablet.setViewportSize(800, 1280);
            TestBrowser.screenshot(tablet, "kiosk-offline-800x1280");
            Accessibility.assertNoSeriousViolations(tablet, "kiosk offline shell 800x1280");

            // Only the shell is cached: no Vaadin answer, no API answer, no other page.
            assertThat(tablet.evaluate("""
                    async () => {
                      const names = await caches.keys();
                      const entries = [];
                      for (const name of names) for (const r of await (await caches.open(name)).keys()) entries.push(new URL(r.url).pathname);
                      return names.concat(entries);
                    }""")).isEqualTo(List.of("hl-kiosk-shell-v1", "/kiosk-device/offline"));
            Page other = chromium.newPage();
            assertThatThrownBy(() -> other.navigate(network.base() + "/kiosks"))
                    .as("other pages are never answered from a cache")
                    .isInstanceOf(PlaywrightException.class);
            other.close();

            // The tablet reboots, still offline: the shell again, the rating still queued.
            chromium.close();
            chromium = browser.persistentTablet(profile, 800, 1280);
            tablet = firstPage(chromium);
            tablet.navigate(network.base() + "/kiosk");
            assertOfflineShell(tablet, site);
            TestBrowser.screenshot(tablet, "kiosk-offline-after-reboot-800x1280");
            assertThat(ratingsOf(dossier)).isZero();

            // The server is reachable again: the rating is sent, once, and the kiosk comes back by itself
            // on its idle screen (the stored rating used up its handover: no dossier already rated).
            network.restore();
            assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                    .isVisible(BACK_ONLINE);
            assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(OFFLINE)))
                    .isHidden();
            assertThat(tablet.locator("[data-q]")).hasCount(0);
            tablet.waitForFunction(
                    "() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            waitForRatings(dossier, 1);
            assertThat(jdbc.queryForObject(
                            "SELECT r.idempotency_key FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                            String.class,
                            dossier))
                    .isEqualTo(key);
            assertThat(jdbc.queryForList("""
                    SELECT a.criterion_key, a.option_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                    JOIN rating_answer a ON a.rating_id = r.id WHERE d.code = ? AND r.channel = 'KIOSK' ORDER BY a.criterion_key""", dossier))
                    .containsExactly(
                            Map.of("criterion_key", "convenience", "option_key", "SATISFIED"),
                            Map.of("criterion_key", "overall", "option_key", "SATISFIED"));
            tablet.reload();
            assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE)))
                    .isVisible();
            Thread.sleep(1500); // a resend would have happened by now
            assertThat(ratingsOf(dossier)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertOfflineShell(Page tablet, KioskFixture site) {
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(OFFLINE)))
                .isVisible();
        Locator queue = tablet.getByRole(AriaRole.STATUS);
        assertThat(queue).containsText("1 đánh giá");
        assertThat(queue).containsText("tự động gửi khi có kết nối trở lại");
        assertThat(tablet.getByText(site.centreName())).isVisible();
        assertThat(tablet.getByText("Quầy số 3 – Đất đai")).isVisible();
        assertThat(KioskJourneyTest.outbox(tablet)).as("nothing queued is lost").isEqualTo(1);
    }

    private static Page firstPage(BrowserContext chromium) {
        return chromium.pages().isEmpty()
                ? chromium.newPage()
                : chromium.pages().get(0);
    }

    private static Cookie deviceCookie(BrowserContext context) {
        return context.cookies().stream()
                .filter(c -> c.name.equals(KioskDeviceService.COOKIE))
                .findFirst()
                .orElseThrow();
    }

    private void logIn(Page page, String user) {
        page.navigate(base + "/kiosks");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thiết bị kiosk (Kiosk devices)")))
                .isVisible();
    }

    private int ratingsOf(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                dossierCode);
    }

    private void waitForRatings(String dossierCode, int expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (ratingsOf(dossierCode) != expected && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(ratingsOf(dossierCode)).as("ratings of " + dossierCode).isEqualTo(expected);
    }
}
