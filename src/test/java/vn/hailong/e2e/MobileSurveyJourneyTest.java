package vn.hailong.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

/**
 * The citizen's survey page in real chromium, as a citizen meets it after scanning the QR code on
 * the receipt: a 390×844 touch phone, a 320 px phone, and a phone with JavaScript off. Screenshots
 * land in {@code target/screenshots/mobile-*.png}.
 */
@HaiLongTest
@Tag("browser")
class MobileSurveyJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PROCEDURE = "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất";
    private static final AtomicInteger CITIZENS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    ApiClient api;
    String base;
    String unit;

    @BeforeEach
    void aUnit() {
        api = new ApiClient(port, HaiLongTest.API_KEY);
        base = "http://localhost:" + port;
        unit = TestData.agencyCode();
        ApiClient.Response created = api.put("/api/v1/units/" + unit,
                Map.of("name", "Sở Tài nguyên thử " + unit.substring(unit.lastIndexOf('.') + 1), "kind", "DEPARTMENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A fresh phone context that presents itself as another citizen (the survey links are rate-limited per address). */
    private BrowserContext citizen(BrowserContext context) {
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2." + (CITIZENS.incrementAndGet() % 250 + 1)));
        return context;
    }

    @Test
    void a_citizen_scans_the_receipt_rates_and_is_thanked() {
        String code = TestData.dossierCode(unit, 5101);
        String link = dossier(code, "PROCESSING", null);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(link);

        assertThat(phone.locator("html")).hasAttribute("lang", "vi");
        assertThat(phone.locator("h1")).hasText("Đánh giá sự hài lòng");
        assertThat(phone.locator("#procedure")).hasText(PROCEDURE);
        assertThat(phone.locator("#dossier-ref")).containsText("Hồ sơ số …5101 · đang xử lý, hẹn trả");
        assertThat(phone.locator("#dissatisfied")).isHidden();
        assertNoHorizontalScrolling(phone);
        assertTouchTargets(phone);
        TestBrowser.screenshot(phone, "mobile-survey");
        Accessibility.assertNoSeriousViolations(phone, "mobile-survey");

        // A+ makes every text larger (the root font size scales the page), without JavaScript.
        double before = fontSize(phone, "#q-overall legend");
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("html")).hasClass(java.util.regex.Pattern.compile(".*t115.*"));
        assertThat(fontSize(phone, "#q-overall legend")).isGreaterThan(before * 1.1);
        phone.locator("#text-larger").tap();
        TestBrowser.screenshot(phone, "mobile-survey-larger-text");
        assertNoHorizontalScrolling(phone);

        phone.locator("#q-overall").getByText("Rất hài lòng", new Locator.GetByTextOptions().setExact(true)).tap();
        assertThat(phone.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Rất hài lòng")).first()).isChecked();
        phone.locator("#q-attitude").getByText("Hài lòng", new Locator.GetByTextOptions().setExact(true)).tap();
        phone.locator("#submit").tap();

        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("h1")).hasText("Xin cảm ơn!");
        // The larger text stays with the citizen through the post and the redirect.
        assertThat(phone.locator("html")).hasClass(java.util.regex.Pattern.compile(".*t130.*"));
        assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/r/[A-Za-z0-9_-]{22}/thanks\\?size=3$"));
        TestBrowser.screenshot(phone, "mobile-thank-you");
        Accessibility.assertNoSeriousViolations(phone, "mobile-thank-you");
        assertThat(ratingsOf(code)).isEqualTo(1);

        // Back and send again, or reload the thank-you page: still one rating.
        phone.goBack();
        phone.reload();
        assertThat(phone.locator("#survey-notice")).containsText("Hồ sơ này đã được đánh giá");
        assertThat(ratingsOf(code)).isEqualTo(1);
    }

    @Test
    void not_satisfied_needs_a_reason_and_may_leave_a_number_to_be_called() {
        String code = TestData.dossierCode(unit, 5102);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(dossier(code, "RETURNED", null));

        phone.locator("#q-overall").getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true)).tap();
        assertThat(phone.locator("#dissatisfied")).isVisible();
        assertThat(phone.locator("#reasons legend")).hasText("Vì sao ông/bà chưa hài lòng? (chọn ít nhất một lý do)");
        assertThat(phone.locator("#contact-block")).containsText("Tôi đồng ý để cơ quan gọi điện cho tôi về việc này");
        TestBrowser.screenshot(phone, "mobile-not-satisfied");
        phone.locator("#submit").tap();

        // The server says what is missing, next to the field and at the top, with the answer kept.
        assertThat(phone).hasTitle("Cần sửa: Đánh giá sự hài lòng");
        assertThat(phone.locator("#errors")).isFocused();
        assertThat(phone.locator("#reasons-error")).hasText("Vui lòng chọn ít nhất một lý do hoặc ghi góp ý");
        assertThat(phone.locator("#reasons")).hasAttribute("aria-describedby", "reasons-error");
        assertThat(phone.locator("#q-overall-DISSATISFIED")).isChecked();
        assertThat(phone.locator("#dissatisfied")).isVisible();
        TestBrowser.screenshot(phone, "mobile-reason-required");
        Accessibility.assertNoSeriousViolations(phone, "mobile-reason-required");
        assertThat(ratingsOf(code)).isZero();

        // The link in the summary takes the citizen to the first reason.
        phone.locator("#errors a").first().tap();
        assertThat(phone.locator("#reason-SLOW")).isFocused();
        phone.getByText("Giải quyết chậm, trễ hẹn", new Page.GetByTextOptions().setExact(true)).tap();
        // The phone field appears once the citizen agrees to be called.
        assertThat(phone.locator("#phone")).isHidden();
        phone.locator("#contact").check();
        assertThat(phone.locator("#phone")).isVisible();
        phone.locator("#phone").fill("0912 34 567");
        phone.locator("#submit").tap();
        assertThat(phone.locator("#phone-error")).containsText("Số điện thoại di động chưa đúng");
        assertThat(phone.locator("#phone")).hasValue("0912 34 567");
        assertThat(phone.locator("#reason-SLOW")).isChecked();
        TestBrowser.screenshot(phone, "mobile-phone-invalid");
        Accessibility.assertNoSeriousViolations(phone, "mobile-phone-invalid");

        phone.locator("#phone").fill("0912 345 678");
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("#follow-up-note")).containsText("Cơ quan sẽ gọi lại");
        TestBrowser.screenshot(phone, "mobile-thank-you-follow-up");
        assertThat(ratingsOf(code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM follow_up_contact fc JOIN follow_up_case c ON c.id = fc.case_id
                JOIN dossier d ON d.id = c.dossier_id WHERE d.code = ? AND fc.phone = '0912345678'""", Integer.class, code)).isEqualTo(1);
    }

    @Test
    void an_expired_link_an_unknown_link_and_a_rated_dossier_each_say_so_politely() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        String expired = dossier(TestData.dossierCode(unit, 5103), "RETURNED", now.minusDays(31));
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(expired);
        assertThat(phone.locator("#survey-notice")).containsText("Đường dẫn đánh giá đã hết hạn");
        assertThat(phone.locator("form")).hasCount(0);
        TestBrowser.screenshot(phone, "mobile-expired");
        Accessibility.assertNoSeriousViolations(phone, "mobile-expired");
        phone.locator("#language").tap();
        assertThat(phone.locator("html")).hasAttribute("lang", "en");
        assertThat(phone.locator("#survey-notice")).containsText("This survey link has expired");

        phone.navigate(base + "/r/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(phone.locator("#survey-notice")).containsText("Không tìm thấy phiếu đánh giá này");
        TestBrowser.screenshot(phone, "mobile-unknown-link");

        String code = TestData.dossierCode(unit, 5104);
        String link = dossier(code, "RECEIVED", null);
        api.post("/api/v1/ratings", Map.of("dossierCode", code, "channel", "PAPER", "idempotencyKey", "paper-" + code,
                "answers", Map.of("overall", "SATISFIED")));
        phone.navigate(link);
        assertThat(phone.locator("#survey-notice")).containsText("Hồ sơ này đã được đánh giá");
        TestBrowser.screenshot(phone, "mobile-already-rated");
        Accessibility.assertNoSeriousViolations(phone, "mobile-already-rated");
    }

    @Test
    void the_page_fits_a_320_px_phone_in_english_with_the_largest_text() {
        String code = TestData.dossierCode(unit, 5105);
        Page phone = citizen(browser.smallPhone()).newPage();
        phone.navigate(dossier(code, "SUPPLEMENT_REQUESTED", null));
        assertNoHorizontalScrolling(phone);
        TestBrowser.screenshot(phone, "mobile-320");
        phone.locator("#language").tap();
        assertThat(phone.locator("#q-overall legend")).containsText("How satisfied are you with how your dossier was handled?");
        assertThat(phone.locator("#dossier-ref")).containsText("Dossier …5105 · more documents needed, due");
        phone.locator("#text-larger").tap();
        phone.locator("#text-larger").tap();
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("#text-larger")).hasCount(0);
        assertNoHorizontalScrolling(phone);
        phone.locator("#q-overall").getByText("Not satisfied", new Locator.GetByTextOptions().setExact(true)).tap();
        TestBrowser.screenshot(phone, "mobile-320-en-largest");
        phone.evaluate("() => window.scrollTo(0, 0)");
        phone.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.screenshotDir().resolve("mobile-320-en-largest-top.png")));
        Accessibility.assertNoSeriousViolations(phone, "mobile-320-en-largest");
    }

    @Test
    void without_javascript_the_reasons_are_always_there_and_the_form_still_works() {
        String code = TestData.dossierCode(unit, 5106);
        Page phone = citizen(browser.phoneWithoutJavaScript()).newPage();
        phone.navigate(dossier(code, "PROCESSING", null));
        assertThat(phone.locator("#dissatisfied")).isVisible();
        phone.locator("#q-overall-DISSATISFIED").check();
        phone.locator("#reason-OTHER").check();
        phone.locator("#submit").click();
        // "Other reason" needs a description: the server says so.
        assertThat(phone.locator("#comment-error")).hasText("Vui lòng ghi rõ lý do");
        TestBrowser.screenshot(phone, "mobile-no-js-describe-reason");
        phone.locator("#comment").fill("Phải xếp hàng hai lần vì hệ thống lỗi");
        phone.locator("#submit").click();
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(ratingsOf(code)).isEqualTo(1);
    }

    @Test
    void an_officer_logged_in_on_the_browser_is_told_staff_cannot_rate() {
        String officer = "mob-cb-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(officer, "Mob-passw0rd!", "Cán Bộ Thử", Role.OFFICER, unit);
        String code = TestData.dossierCode(unit, 5107);
        String link = dossier(code, "PROCESSING", null);
        Page page = citizen(browser.phone()).newPage();
        page.navigate(base + "/login");
        page.locator("input[name=username]").fill(officer);
        page.locator("input[name=password]").fill("Mob-passw0rd!");
        page.locator("vaadin-login-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));

        page.navigate(link);
        assertThat(page.locator("#survey-notice")).containsText("Tài khoản cán bộ đang đăng nhập trên trình duyệt này không được phép đánh giá");
        assertThat(page.locator("form")).hasCount(0);
        TestBrowser.screenshot(page, "mobile-staff-session");
        assertThat(ratingsOf(code)).isZero();
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.locator(selector).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
    }

    private static void assertNoHorizontalScrolling(Page page) {
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    /** Every option, switch and the send button is at least 48 px tall (WCAG 2.5.5 / Android guidance). */
    private static void assertTouchTargets(Page page) {
        for (Locator target : page.locator(".option:visible, .tool, #submit").all()) {
            var box = target.boundingBox();
            assertThat(box.height).as("height of " + target.textContent().strip()).isGreaterThanOrEqualTo(48);
            assertThat(box.width).as("width of " + target.textContent().strip()).isGreaterThanOrEqualTo(48);
        }
        assertThat(page.locator("#submit").boundingBox().width).as("send button width").isGreaterThan(300);
    }

    private int ratingsOf(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class, code);
    }

    /** Pushes a dossier through the API as the one-stop software does; answers its survey link on this test's server. */
    private String dossier(String code, String status, OffsetDateTime returnedAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime received = (returnedAt != null ? returnedAt : now).minusDays(10);
        Map<String, Object> body = new HashMap<>(Map.of(
                "procedureCode", "1.004227", "procedureName", PROCEDURE,
                "receivingUnit", unit, "competentUnit", unit, "channel", "IN_PERSON", "applicantKind", "CITIZEN",
                "status", status, "receivedAt", received.toString(), "dueAt", received.plusDays(14).toString()));
        if ("RETURNED".equals(status)) {
            body.put("returnedAt", (returnedAt != null ? returnedAt : now.minusHours(1)).toString());
        }
        body.put("officers", List.of(Map.of("id", "cb-" + unit, "name", "Lê Thị Tiếp Nhận", "role", "RECEIVING")));
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return base + URI.create(response.json().get("surveyLink").asString()).getRawPath();
    }
}
