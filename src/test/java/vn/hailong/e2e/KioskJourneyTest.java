package vn.hailong.e2e;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.directory.DirectoryService;
import vn.hailong.kiosk.AbandonedSurveys;
import vn.hailong.kiosk.Branding;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.kiosk.UnboundRatings;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter kiosk in real chromium at tablet size: enrolment, the officer's handover switching
 * the tablet to the survey by server push, rating with faces, keypad entry, the idle timeout, the
 * reason required for "Không hài lòng", revocation, and a server that goes away mid-journey.
 * Screenshots of every kiosk screen land in {@code target/screenshots/kiosk-*.png}.
 */
@HaiLongTest
@Tag("browser")
class KioskJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "kiosk-Passw0rd!";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Autowired
    RollupDrainer rollups;

    OneStopSoftware oneStop;
    String base;

    @BeforeEach
    void setUp() {
        oneStop = new OneStopSoftware(port);
        base = "http://localhost:" + port;
    }

    @Test
    void an_unenrolled_tablet_is_asked_to_enrol_and_never_sees_a_survey() {
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(base + "/kiosk");

        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
        assertThat(tablet.locator("[data-q]")).hasCount(0);
        TestBrowser.screenshot(tablet, "kiosk-01-unenrolled");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk unenrolled");
    }

    @Test
    void an_admin_enrols_the_tablet_then_a_handover_rate_thank_you_and_idle_again() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);

        // The administrator opens the device's one-time enrolment QR code and link.
        String admin = "kiosk-admin-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(admin, PASSWORD, "Quản trị kiosk", Role.ADMIN, null);
        Page desktop = browser.desktop().newPage();
        desktop.navigate(base + "/kiosks");
        desktop.locator("input[name=username]").fill(admin);
        desktop.locator("input[name=password]").fill(PASSWORD);
        desktop.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        Locator row = desktop.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(site.deviceCode()));
        assertThat(row).isVisible();
        desktop.locator("vaadin-button[data-device='" + site.deviceCode() + "']")
                .click();
        Locator link = desktop.locator("[data-enrolment-link]");
        assertThat(link).isVisible();
        assertThat(desktop.locator(".kiosk-enrol-qr img")).isVisible();
        TestBrowser.screenshot(desktop, "kiosk-00-admin-enrolment");
        String url = link.getAttribute("href");
        String enrolPath = url.substring(url.indexOf("/kiosk-device/"));

        // The tablet opens it once: it is enrolled and shows the idle screen.
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(base + enrolPath);
        assertThat(tablet).hasURL(Pattern.compile(".*/kiosk$"));
        assertThat(tablet.getByText(site.centreName())).isVisible();
        assertThat(tablet.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Xin mời ông/bà đánh giá mức độ hài lòng")))
                .isVisible();
        assertThat(tablet.context().cookies()).anySatisfy(c -> {
            assertThat(c.name).isEqualTo(KioskDeviceService.COOKIE);
            assertThat(c.httpOnly).isTrue();
        });
        assertThat(tablet.locator("link[rel=manifest]")).hasAttribute("href", "kiosk-device/manifest.webmanifest");
        TestBrowser.screenshot(tablet, "kiosk-02-idle");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk idle");

        // The officer hands a dossier over: the survey appears without a tap.
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        assertThat(handOver(site, dossier).status()).isEqualTo(201);
        assertThat(face(tablet, "Rất hài lòng")).isVisible();
        assertThat(tablet.getByText("Cấp giấy phép môi trường")).isVisible();
        assertThat(tablet.getByText("Hồ sơ …" + dossier.substring(dossier.length() - 4)))
                .isVisible();
        assertThat(tablet.getByText(dossier)).hasCount(0);
        TestBrowser.screenshot(tablet, "kiosk-03-overall");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk overall question");

        face(tablet, "Rất hài lòng").click();
        Locator attitude = tablet.locator("[data-q=attitude][data-o=SATISFIED]");
        assertThat(attitude).isVisible();
        attitude.click();
        assertThat(attitude).hasAttribute("aria-pressed", "true");
        TestBrowser.screenshot(tablet, "kiosk-04-details");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk details");
        send(tablet).click();

        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cảm ơn ông/bà!")))
                .isVisible();
        TestBrowser.screenshot(tablet, "kiosk-05-thanks");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk thank you");
        assertThat(tablet.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Xin mời ông/bà đánh giá mức độ hài lòng")))
                .isVisible();

        waitForRatings(dossier, 1);
        assertThat(jdbc.queryForList("""
                SELECT a.criterion_key, a.option_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                JOIN rating_answer a ON a.rating_id = r.id WHERE d.code = ? AND r.channel = 'KIOSK' ORDER BY a.criterion_key""", dossier))
                .containsExactly(
                        Map.of("criterion_key", "attitude", "option_key", "SATISFIED"),
                        Map.of("criterion_key", "overall", "option_key", "VERY_SATISFIED"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_handover h JOIN dossier d ON d.id = h.dossier_id "
                                + "WHERE d.code = ? AND h.ended_at IS NOT NULL",
                        Integer.class,
                        dossier))
                .isEqualTo(1);
        assertThat(outbox(tablet)).isZero();
    }

    @Test
    void a_citizen_types_only_the_sequence_number_after_the_offered_prefix_and_no_message_moves_the_keys() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 800, 1280);
        String dossier =
                oneStop.sendsDossierOfTodayReturned(site.unit(), Instant.now().minusSeconds(600));
        String notReturned = oneStop.sendsReceivedDossier(site.unit());

        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập mã hồ sơ"))
                .tap();
        Locator prefix = tablet.locator("[data-code-prefix]");
        assertThat(dossier).startsWith(prefix.getAttribute("data-code-prefix"));
        Locator one = tablet.locator(".kiosk-keypad")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("1").setExact(true));
        double keyTop = topInPanel(one);

        // A dossier whose result is not returned yet is not opened, with a message that says why
        // (typed in full: it is not from today) — and the keys stay where they were.
        typeCode(tablet, notReturned);
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm hồ sơ"))
                .tap();
        assertThat(tablet.getByRole(AriaRole.ALERT))
                .hasText("Hồ sơ này chưa trả kết quả. Xin đánh giá khi nhận kết quả.");
        assertThat(topInPanel(one))
                .as("the keys do not move when a code is typed or a message appears")
                .isEqualTo(keyTop);
        TestBrowser.screenshot(tablet, "kiosk-06-keypad-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk keypad");
        assertLabelsContainTheVisibleText(tablet, "kiosk keypad");
        tablet.setViewportSize(1280, 800);
        double landscapeTop = topInPanel(one);
        prefix.tap();
        assertThat(tablet.getByRole(AriaRole.ALERT)).isHidden();
        assertThat(topInPanel(one)).isEqualTo(landscapeTop);
        for (String digit : List.of("0", "0", "0", "0")) {
            tablet.locator(".kiosk-keypad")
                    .getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName(digit).setExact(true))
                    .tap();
        }
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm hồ sơ"))
                .tap();
        assertThat(tablet.getByRole(AriaRole.ALERT)).containsText("Không tìm thấy hồ sơ với mã này.");
        assertThat(topInPanel(one)).isEqualTo(landscapeTop);
        TestBrowser.screenshot(tablet, "kiosk-27-keypad-not-found-landscape");
        tablet.setViewportSize(800, 1280);

        // The citizen's own code: the offered prefix, the last four digits, "Tìm hồ sơ" — six taps.
        int taps = 0;
        prefix.tap();
        taps++;
        for (char digit : dossier.substring(dossier.length() - 4).toCharArray()) {
            tablet.locator(".kiosk-keypad")
                    .getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions()
                                    .setName(String.valueOf(digit))
                                    .setExact(true))
                    .tap();
            taps++;
        }
        assertThat(tablet.locator(".kiosk-display")).hasText(dossier);
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm hồ sơ"))
                .tap();
        taps++;
        assertThat(taps).isEqualTo(6);

        face(tablet, "Hài lòng").tap();
        TestBrowser.screenshot(tablet, "kiosk-07-details-portrait");
        send(tablet).tap();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cảm ơn ông/bà!")))
                .isVisible();
        waitForRatings(dossier, 1);
        assertThat(jdbc.queryForObject(
                        "SELECT r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .contains("KEYED_CODE");
    }

    @Test
    void
            a_face_tapped_alone_and_walked_away_from_is_stored_as_not_sent_by_the_citizen_and_shows_on_the_integrity_panel() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 5, 2);
        Page tablet = enrolledTablet(site, 1280, 800);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        tablet.locator(".kiosk-face-dissatisfied").tap();
        assertThat(send(tablet)).isVisible();

        // The citizen never finds "Gửi đánh giá": after the idle timeout (5 s here) the answer is
        // stored as what it is, and counted.
        assertThat(idleHeading(tablet)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        assertThat(tablet.locator("[data-q]")).hasCount(0);
        waitForRatings(dossier, 1);
        tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0");
        assertThat(jdbc.queryForMap("""
                SELECT r.overall_option, r.status, r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?""", dossier))
                .containsEntry("overall_option", "DISSATISFIED")
                .containsEntry("status", "COUNTED")
                .hasEntrySatisfying(
                        "anomaly_flags",
                        f -> assertThat((String) f)
                                .contains("NOT_SENT_BY_CITIZEN")
                                .contains("REASON_NOT_GIVEN"));

        // Handed over and never touched: nothing is stored.
        String untouched = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, untouched);
        assertThat(dossierLine(tablet, untouched)).isVisible();
        assertThat(idleHeading(tablet)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        tablet.waitForTimeout(1000);
        assertThat(ratingsOf(untouched)).isZero();
        // And one citizen says the dossier handed over is not theirs.
        String notTheirs = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, notTheirs);
        tablet.locator("[data-not-mine]").tap();
        assertThat(idleHeading(tablet)).isVisible();

        // The unit's manager sees both on the integrity panel.
        String manager = "kiosk-head-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, PASSWORD, "Trưởng đơn vị kiosk", Role.UNIT_MANAGER, site.unit());
        rollups.drainAll();
        Page desktop = browser.desktop().newPage();
        desktop.navigate(base + "/bang-dieu-khien");
        desktop.locator("input[name=username]").fill(manager);
        desktop.locator("input[name=password]").fill(PASSWORD);
        desktop.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        assertThat(desktop.locator("#dashboard")).isVisible();
        TestBrowser.dashboardOnThisMonth(desktop);
        desktop.locator("#breakdowns").getByText("Kiểm tra số liệu").click();
        assertThat(desktop.locator("#integrity-kiosk"))
                .containsText("không bấm “Gửi đánh giá” (được lưu và tính): 1, "
                        + "trong đó “Không hài lòng” chưa nêu lý do: 1");
        assertThat(desktop.locator("#integrity-kiosk")).containsText("“Không phải hồ sơ của tôi”: 1");
        desktop.locator("#integrity-kiosk").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(desktop, "kiosk-22-integrity-panel-abandoned");
        Accessibility.assertNoSeriousViolations(desktop, "dashboard integrity panel");
    }

    @Test
    void a_reload_mid_survey_keeps_what_was_answered_and_does_not_bring_the_survey_back() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 800, 1280);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        tablet.locator(".kiosk-face-satisfied").tap();
        tablet.locator("[data-q=convenience][data-o=VERY_SATISFIED]").tap();

        tablet.reload();

        assertThat(idleHeading(tablet)).isVisible();
        waitForRatings(dossier, 1);
        assertThat(jdbc.queryForList("""
                SELECT a.criterion_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                JOIN rating_answer a ON a.rating_id = r.id WHERE d.code = ? ORDER BY a.criterion_key""", String.class, dossier)).containsExactly("convenience", "overall");
        assertThat(jdbc.queryForObject(
                        "SELECT r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .contains("NOT_SENT_BY_CITIZEN")
                .doesNotContain("REASON_NOT_GIVEN");
    }

    @Test
    void where_the_site_discards_abandoned_surveys_a_face_tapped_alone_stores_nothing() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 5, 2);
        KioskFixture.asAdmin(() -> {
            devices.configureAbandonedSurveys(site.deviceCode(), AbandonedSurveys.DISCARD);
            return null;
        });
        Page tablet = enrolledTablet(site, 1280, 800);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        tablet.locator(".kiosk-face-satisfied").tap();
        assertThat(send(tablet)).isVisible();

        assertThat(idleHeading(tablet)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        tablet.waitForTimeout(1000);
        assertThat(outbox(tablet)).isZero();
        assertThat(ratingsOf(dossier)).isZero();
    }

    @Test
    void not_satisfied_needs_a_reason() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 1280, 800);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);

        face(tablet, "Không hài lòng").click();
        assertThat(tablet.getByText("Vì sao ông/bà chưa hài lòng?", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.ALERT)).hasText("Xin chọn ít nhất một lý do chưa hài lòng.");
        assertThat(outbox(tablet)).isZero();
        TestBrowser.screenshot(tablet, "kiosk-08-reason-required");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk reason required");

        tablet.locator("[data-reason=SLOW]").click();
        send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(RECORDED)))
                .isVisible();
        waitForRatings(dossier, 1);
        assertThat(jdbc.queryForList(
                        "SELECT rr.reason_code FROM rating r JOIN dossier d ON d.id = r.dossier_id "
                                + "JOIN rating_reason rr ON rr.rating_id = r.id WHERE d.code = ?",
                        String.class,
                        dossier))
                .containsExactly("SLOW");
    }

    @Test
    void revoking_the_device_sends_its_open_page_back_to_the_enrolment_screen_at_once() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 1280, 800);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        assertThat(face(tablet, "Rất hài lòng")).isVisible();

        site.revoke(devices);

        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
        assertThat(tablet.locator("[data-q]")).hasCount(0);
        tablet.reload();
        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
    }

    @Test
    void english_larger_text_and_high_contrast_for_those_who_need_them() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 800, 1280);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        assertThat(face(tablet, "Rất hài lòng")).isVisible();

        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to English"))
                .click();
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A+ larger text"))
                .click();
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("High contrast"))
                .click();

        assertThat(face(tablet, "Very satisfied")).isVisible();
        assertThat(tablet.locator(".kiosk")).hasClass(Pattern.compile(".*kiosk-hc.*"));
        assertThat(tablet.locator("html")).hasAttribute("lang", "en");
        double fontSize = ((Number) tablet.locator(".kiosk").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
                .doubleValue();
        assertThat(fontSize).isGreaterThan(20);
        for (Object height : (List<?>)
                tablet.locator(".kiosk button")
                        .evaluateAll(
                                "bs => bs.map(b => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width))")) {
            assertThat(((Number) height).doubleValue()).as("touch target size").isGreaterThanOrEqualTo(64);
        }
        TestBrowser.screenshot(tablet, "kiosk-09-english-large-contrast-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk high contrast");
    }

    @Test
    void a_rating_completed_while_the_server_is_unreachable_is_kept_on_the_tablet_and_stored_exactly_once()
            throws Exception {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        try (CuttableProxy network = new CuttableProxy(port)) {
            Page tablet = enrolledTablet(site, network.base(), 1280, 800);
            String dossier = oneStop.sendsReceivedDossier(site.unit());
            handOver(site, dossier);
            face(tablet, "Rất hài lòng").click();
            assertThat(send(tablet)).isVisible();

            // The server goes away mid-journey: open connections are cut, new ones refused.
            network.cut();
            tablet.locator("[data-q=convenience][data-o=SATISFIED]").click();
            send(tablet).click();
            tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 1");
            assertThat(tablet.locator("#kiosk-reconnecting")).isVisible();
            assertThat(tablet.locator("#kiosk-reconnecting")).containsText("Đang kết nối lại");
            assertThat(tablet.locator("#kiosk-reconnecting")).containsText("đã được lưu trên máy");
            TestBrowser.screenshot(tablet, "kiosk-10-reconnecting");
            assertThat(ratingsOf(dossier)).isZero();

            // Back: the tablet resends (same key) and forgets the rating once the server acknowledged it.
            network.restore();
            waitForRatings(dossier, 1);
            tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0");
            assertThat(tablet.locator("#kiosk-reconnecting")).isHidden();
            tablet.reload();
            assertThat(tablet.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Xin mời ông/bà đánh giá mức độ hài lòng")))
                    .isVisible();
            assertThat(ratingsOf(dossier)).isEqualTo(1);
            assertThat(jdbc.queryForList("""
                    SELECT a.criterion_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                    JOIN rating_answer a ON a.rating_id = r.id WHERE d.code = ? AND r.channel = 'KIOSK' ORDER BY a.criterion_key""", String.class, dossier)).containsExactly("convenience", "overall");
        }
    }

    @Test
    void a_branded_kiosk_with_its_own_template_and_the_other_reason_typed_on_the_on_screen_keyboard() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 2);
        String template = "kiosk-short-" + TestData.uniqueSuffix().toLowerCase();
        // A template with the overall question only (and the default's reasons).
        ObjectNode definition = (ObjectNode) JSON.readTree(jdbc.queryForObject(
                "SELECT definition FROM survey_template WHERE template_key = 'default' AND active ORDER BY revision DESC LIMIT 1",
                String.class));
        ArrayNode overallOnly = JSON.createArrayNode();
        definition.get("criteria").forEach(c -> {
            if (c.get("key").asString().equals("overall")) {
                overallOnly.add(c);
            }
        });
        definition.set("criteria", overallOnly);
        jdbc.update(
                "INSERT INTO survey_template (id, version, template_key, revision, active, definition, created_at) "
                        + "VALUES (?, 0, ?, 1, TRUE, ?, NOW(6))",
                UUID.randomUUID().toString(),
                template,
                definition.toString());
        KioskFixture.asAdmin(() -> {
            devices.configureLook(
                    site.deviceCode(),
                    template,
                    new Branding("Trung tâm Hành chính công huyện Hài Lòng", "HCC", "#9b1c1c"));
            return null;
        });
        Page tablet = enrolledTablet(site, 800, 1280);
        assertThat(tablet.locator(".kiosk-centre")).hasText("Trung tâm Hành chính công huyện Hài Lòng");
        assertThat(tablet.locator(".kiosk-logo")).hasText("HCC");
        assertThat(tablet.locator(".kiosk-big").first()).isVisible();
        assertThat(tablet.locator(".kiosk")).hasCSS("--k-brand", "#9b1c1c");
        TestBrowser.screenshot(tablet, "kiosk-16-branded-idle-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk branded idle");

        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        face(tablet, "Không hài lòng").click();
        assertThat(tablet.locator("[data-q=attitude]"))
                .hasCount(0); // the device's template asks the overall question only

        // "Lý do khác" opens the keyboard; without words the rating is not sent.
        tablet.locator("[data-other-reason]").click();
        assertThat(tablet.locator(".kiosk-keyboard")).isVisible();
        send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.ALERT)).containsText("Xin viết vài chữ về lý do khác");
        assertThat(outbox(tablet)).isZero();
        for (Object size : (List<?>)
                tablet.locator(".kiosk-keyboard button")
                        .evaluateAll(
                                "bs => bs.map(b => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width))")) {
            assertThat(((Number) size).doubleValue()).as("key size").isGreaterThanOrEqualTo(64);
        }
        // "chờ lâu": c h ơ + huyền, space, l â u.
        for (String key : List.of("c", "h", "ơ")) {
            keyboardKey(tablet, key).click();
        }
        tablet.locator("[data-tone=huyen]").click();
        tablet.locator(".kiosk-kb-space").click();
        for (String key : List.of("l", "â", "u")) {
            keyboardKey(tablet, key).click();
        }
        assertThat(tablet.locator(".kiosk-other-text")).hasText("chờ lâu");
        assertThat(tablet.locator("[data-tone=nang]")).hasText("ụ");
        TestBrowser.screenshot(tablet, "kiosk-17-other-reason-keyboard-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk other reason keyboard");
        tablet.setViewportSize(1280, 800);
        // As when the chip is tapped in landscape: the keyboard is brought into view above the send button.
        tablet.locator(".kiosk-other").evaluate("e => e.scrollIntoView({block: 'end'})");
        assertThat(tablet.locator(".kiosk-kb-space")).isInViewport();
        TestBrowser.screenshot(tablet, "kiosk-18-other-reason-keyboard-landscape");

        send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(RECORDED)))
                .isVisible();
        waitForRatings(dossier, 1);
        assertThat(jdbc.queryForMap("""
                SELECT r.comment, t.template_key FROM rating r JOIN dossier d ON d.id = r.dossier_id
                JOIN survey_template t ON t.id = r.template_id WHERE d.code = ?""", dossier)).isEqualTo(Map.of("comment", "chờ lâu", "template_key", template));
        assertThat(jdbc.queryForList(
                        "SELECT rr.reason_code FROM rating r JOIN dossier d ON d.id = r.dossier_id "
                                + "JOIN rating_reason rr ON rr.rating_id = r.id WHERE d.code = ?",
                        String.class,
                        dossier))
                .containsExactly("OTHER");
    }

    @Test
    void where_the_device_takes_unbound_ratings_a_general_rating_is_stored_apart_and_never_counted() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 2);
        Page refusing = enrolledTablet(site, 1280, 800);
        assertThat(refusing.locator("[data-unbound]")).hasCount(0);

        KioskFixture.asAdmin(() -> {
            devices.configureUnboundRatings(site.deviceCode(), UnboundRatings.STORE);
            return null;
        });
        Page tablet = enrolledTablet(site, 1280, 800);
        Locator general = tablet.locator("[data-unbound]");
        assertThat(general).hasText("Đánh giá chung (không cần mã hồ sơ)");
        TestBrowser.screenshot(tablet, "kiosk-19-idle-with-general-rating");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk idle with general rating");
        general.click();
        assertThat(tablet.getByText("Đánh giá chung về trung tâm")).isVisible();
        face(tablet, "Hài lòng").click();
        TestBrowser.screenshot(tablet, "kiosk-20-general-rating-details");
        send(tablet).click();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cảm ơn ông/bà!")))
                .isVisible();
        tablet.waitForFunction("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length === 0");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_unbound_rating WHERE device_id = ? AND overall_option = 'SATISFIED'",
                        Integer.class,
                        site.device().id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE device_id = ?", Integer.class, site.deviceCode()))
                .isZero();
    }

    static final String RECORDED = "Chúng tôi đã ghi nhận ý kiến của ông/bà";

    /**
     * WCAG 2.5.3 (Label in Name): axe keeps this rule among its experimental ones, so it is asked for by name.
     */
    static void assertLabelsContainTheVisibleText(Page page, String what) {
        AxeResults results = new AxeBuilder(page)
                .withRules(List.of("label-content-name-mismatch"))
                .analyze();
        assertThat(results.getViolations())
                .as("label-content-name-mismatch on " + what)
                .extracting(r -> r.getId() + " "
                        + r.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList())
                .isEmpty();
    }

    @Test
    void after_not_satisfied_the_thank_you_is_calm_and_the_citizen_may_leave_a_number_to_be_called_back() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 3);
        Page tablet = enrolledTablet(site, 1280, 800);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        tablet.locator(".kiosk-face-dissatisfied").tap();
        tablet.locator("[data-reason=SLOW]").tap();
        Locator consent = tablet.locator("[data-consent]");
        assertThat(consent).hasText("Tôi muốn cán bộ gọi lại cho tôi (không bắt buộc)");
        consent.tap();
        assertThat(consent).hasAttribute("aria-pressed", "true");
        for (char digit : "091234567".toCharArray()) {
            tablet.locator("[data-phone-key='" + digit + "']").tap();
        }
        // Nine digits: not sent, and the message says why (nothing leaves the tablet).
        send(tablet).tap();
        assertThat(tablet.getByRole(AriaRole.ALERT)).containsText("Xin nhập đủ số điện thoại di động");
        assertThat(outbox(tablet)).isZero();
        tablet.locator("[data-phone-key='8']").tap();
        assertThat(tablet.locator(".kiosk-phone-number")).hasText("0912 345 678");
        tablet.locator(".kiosk-phone").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(tablet, "kiosk-24-call-back-number");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk call-back number");
        assertLabelsContainTheVisibleText(tablet, "kiosk call-back number");

        send(tablet).tap();

        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(RECORDED)))
                .isVisible();
        assertThat(tablet.locator(".kiosk-thanks")).containsText("Đơn vị sẽ xem xét");
        assertThat(tablet.locator(".kiosk-thanks")).containsText("gọi lại cho ông/bà");
        assertThat(tablet.locator(".kiosk-thanks .kiosk-face-very-satisfied, .kiosk-thanks .kiosk-face-satisfied"))
                .hasCount(0);
        TestBrowser.screenshot(tablet, "kiosk-25-thanks-not-satisfied");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk thank you after not satisfied");
        waitForRatings(dossier, 1);
        // The number is kept apart from the rating, with the follow-up case the rating opened.
        assertThat(jdbc.queryForObject("""
                SELECT k.phone FROM follow_up_contact k JOIN follow_up_case c ON c.id = k.case_id
                JOIN rating r ON r.id = c.rating_id JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?""", String.class, dossier)).isEqualTo("0912345678");
        assertThat(outbox(tablet)).isZero();
    }

    @Test
    void after_a_happy_answer_the_thank_you_smiles_and_no_call_back_is_offered() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 3);
        Page tablet = enrolledTablet(site, 800, 1280);
        assertLabelsContainTheVisibleText(tablet, "kiosk idle");
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        tablet.locator(".kiosk-face-satisfied").tap();
        assertThat(tablet.locator("[data-consent]")).hasCount(0);
        assertLabelsContainTheVisibleText(tablet, "kiosk details");

        send(tablet).tap();

        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cảm ơn ông/bà!")))
                .isVisible();
        assertThat(tablet.locator(".kiosk-thanks .kiosk-face-satisfied")).isVisible();
        TestBrowser.screenshot(tablet, "kiosk-26-thanks-satisfied-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk thank you after satisfied");
        waitForRatings(dossier, 1);
    }

    static final String IDLE = "Xin mời ông/bà đánh giá mức độ hài lòng";

    static Locator idleHeading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(IDLE));
    }

    static Locator dossierLine(Page page, String dossier) {
        return page.locator(".kiosk-code")
                .filter(new Locator.FilterOptions().setHasText("…" + dossier.substring(dossier.length() - 4)));
    }

    @Test
    void the_officers_next_handover_waits_while_the_citizen_is_complaining_and_comes_up_after_the_thank_you() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 120, 2);
        Page tablet = enrolledTablet(site, 1280, 800);
        String first = oneStop.sendsReceivedDossier(site.unit());
        String next = oneStop.sendsReceivedDossier(site.unit());
        assertThat(handOver(site, first).status()).isEqualTo(201);
        assertThat(dossierLine(tablet, first)).isVisible();

        // The citizen begins a complaint: not satisfied, the officer's attitude.
        tablet.locator(".kiosk-face-dissatisfied").tap();
        tablet.locator("[data-reason=ATTITUDE]").tap();
        assertThat(tablet.locator("[data-reason=ATTITUDE]")).hasAttribute("aria-pressed", "true");

        // The officer hands over the next dossier meanwhile: stored, answered "queued", and the
        // citizen's screen does not change.
        ApiClient.Response queued = handOver(site, next);
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("state").asString()).isEqualTo("QUEUED");
        tablet.waitForTimeout(2500); // longer than the cross-node poll: nothing may arrive late either
        assertThat(dossierLine(tablet, first)).isVisible();
        assertThat(tablet.locator(".kiosk-face-dissatisfied")).hasAttribute("aria-pressed", "true");
        assertThat(tablet.locator("[data-reason=ATTITUDE]")).hasAttribute("aria-pressed", "true");
        TestBrowser.screenshot(tablet, "kiosk-21-complaint-kept-while-next-handover-waits");

        send(tablet).tap();
        assertThat(tablet.locator(".kiosk-thanks")).isVisible();
        waitForRatings(first, 1);
        assertThat(jdbc.queryForList(
                        "SELECT rr.reason_code FROM rating r JOIN dossier d ON d.id = r.dossier_id "
                                + "JOIN rating_reason rr ON rr.rating_id = r.id WHERE d.code = ?",
                        String.class,
                        first))
                .containsExactly("ATTITUDE");

        // After the thank-you the waiting dossier comes up by itself.
        assertThat(dossierLine(tablet, next)).isVisible();
        assertThat(tablet.locator(".kiosk-face-button[aria-pressed=true]")).hasCount(0);
        Accessibility.assertNoSeriousViolations(tablet, "kiosk survey after a queued handover");
    }

    @Test
    void a_citizen_sends_back_a_dossier_that_is_not_theirs_and_the_kiosk_returns_to_idle_with_a_flag() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 2);
        Page tablet = enrolledTablet(site, 800, 1280);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, dossier);
        Locator notMine = tablet.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Không phải hồ sơ của tôi / Quay lại"));
        assertThat(notMine).isVisible();
        TestBrowser.screenshot(tablet, "kiosk-23-overall-with-not-my-dossier-portrait");
        Accessibility.assertNoSeriousViolations(tablet, "kiosk overall with not my dossier");

        notMine.tap();

        assertThat(idleHeading(tablet)).isVisible();
        tablet.reload();
        assertThat(idleHeading(tablet)).isVisible();
        assertThat(tablet.locator(".kiosk-code")).hasCount(0);
        assertThat(jdbc.queryForObject(
                        "SELECT h.outcome FROM kiosk_handover h JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .isEqualTo("NOT_MINE");
        assertThat(ratingsOf(dossier)).isZero();

        // Once a face is tapped the way out is gone: it would erase an answer in progress.
        String next = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, next);
        tablet.locator(".kiosk-face-dissatisfied").tap();
        assertThat(send(tablet)).isVisible();
        assertThat(tablet.locator("[data-not-mine]")).hasCount(0);
    }

    @Test
    void a_reload_after_the_thank_you_or_the_idle_reset_never_shows_the_earlier_citizens_dossier() {
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 5, 2);
        Page tablet = enrolledTablet(site, 800, 1280);
        String rated = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, rated);
        tablet.locator(".kiosk-face-satisfied").tap();
        send(tablet).tap();
        assertThat(tablet.locator(".kiosk-thanks")).isVisible();
        tablet.reload();
        assertThat(idleHeading(tablet)).isVisible();
        assertThat(tablet.locator(".kiosk-code")).hasCount(0);

        // Handed over, nobody touches the tablet: after the idle reset a reload shows idle too.
        String walkedAway = oneStop.sendsReceivedDossier(site.unit());
        handOver(site, walkedAway);
        assertThat(dossierLine(tablet, walkedAway)).isVisible();
        assertThat(idleHeading(tablet)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        tablet.reload();
        assertThat(idleHeading(tablet)).isVisible();
        assertThat(tablet.locator(".kiosk-code")).hasCount(0);
        assertThat(jdbc.queryForList("""
                SELECT h.outcome FROM kiosk_handover h JOIN dossier d ON d.id = h.dossier_id WHERE d.code IN (?, ?)
                ORDER BY h.handed_over_at""", String.class, rated, walkedAway)).containsExactly("SENT", "ABANDONED");
    }

    /** Where an element sits in the screen's panel, whatever the page's scroll. */
    static double topInPanel(Locator element) {
        return ((Number) element.evaluate(
                        "e => e.getBoundingClientRect().top - e.closest('.kiosk-panel').getBoundingClientRect().top"))
                .doubleValue();
    }

    static Locator keyboardKey(Page page, String key) {
        return page.locator(".kiosk-keyboard")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(key).setExact(true));
    }

    // ------------------------------------------------------------------ helpers

    Page enrolledTablet(KioskFixture site, int width, int height) {
        return enrolledTablet(site, base, width, height);
    }

    Page enrolledTablet(KioskFixture site, String origin, int width, int height) {
        Page tablet = browser.tablet(width, height).newPage();
        tablet.navigate(origin + site.enrolmentPath(devices));
        assertThat(tablet.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Xin mời ông/bà đánh giá mức độ hài lòng")))
                .isVisible();
        return tablet;
    }

    ApiClient.Response handOver(KioskFixture site, String dossier) {
        return oneStop.api()
                .post(
                        "/api/v1/counters/" + site.counterCode() + "/handover",
                        Map.of("dossierCode", dossier, "officerId", "cb-07"));
    }

    static Locator face(Page page, String label) {
        return page.locator(".kiosk-face-button")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\S*\\s*" + label + "$")));
    }

    static Locator send(Page page) {
        return page.locator("[data-send]");
    }

    static void typeCode(Page page, String code) {
        boolean letters = false;
        for (char c : code.toCharArray()) {
            boolean letter = Character.isLetter(c);
            if (letter != letters) {
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName(letter ? "Bàn phím chữ" : "Bàn phím số"))
                        .click();
                letters = letter;
            }
            String name = switch (c) {
                case '.' -> "dấu chấm";
                case '-' -> "gạch ngang";
                default -> String.valueOf(c);
            };
            page.locator(".kiosk-keypad, .kiosk-letters")
                    .getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName(name).setExact(true))
                    .click();
        }
    }

    static int outbox(Page page) {
        return ((Number) page.evaluate("() => JSON.parse(localStorage.getItem('hl-kiosk-outbox') || '[]').length"))
                .intValue();
    }

    int ratingsOf(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                dossierCode);
    }

    void waitForRatings(String dossierCode, int expected) {
        long until = System.currentTimeMillis() + 20_000;
        while (ratingsOf(dossierCode) != expected && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(ratingsOf(dossierCode)).as("ratings of " + dossierCode).isEqualTo(expected);
    }
}
