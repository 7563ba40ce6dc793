package vn.hailong.e2e;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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

    private static final String PROCEDURE =
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất";
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
        ApiClient.Response created = api.put(
                "/api/v1/units/" + unit,
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
        assertOverallQuestionAndSendOnFirstScreen(phone);
        TestBrowser.screenshot(phone, "mobile-survey");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(TestBrowser.screenshotDir().resolve("mobile-survey-first-screen.png")));
        accessible(phone, "mobile-survey");

        // A+ makes every text larger (the root font size scales the page), without JavaScript.
        double before = fontSize(phone, "#q-overall legend");
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t115.*"));
        assertThat(fontSize(phone, "#q-overall legend")).isGreaterThan(before * 1.1);
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t130.*"));
        TestBrowser.screenshot(phone, "mobile-survey-larger-text");
        assertNoHorizontalScrolling(phone);

        phone.locator("#q-overall")
                .getByText("Rất hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        assertThat(phone.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Rất hài lòng"))
                        .first())
                .isChecked();
        phone.locator("#q-attitude")
                .getByText("Hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#submit").tap();

        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("h1")).hasText("Xin cảm ơn!");
        // The larger text stays with the citizen through the post and the redirect.
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t130.*"));
        assertThat(phone).hasURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{22}/thanks\\?size=3$"));
        TestBrowser.screenshot(phone, "mobile-thank-you");
        accessible(phone, "mobile-thank-you");
        assertThat(ratingsOf(code)).isEqualTo(1);

        // Back (to the survey, as it was with the larger text) and reload: the thank-you again, no
        // "Confirm Form Resubmission", still one rating.
        goBackSafely(phone);
        assertThat(phone.locator("#thank-you")).isVisible();
        phone.reload();
        assertThat(phone.locator("#thank-you")).isVisible();
        goBackSafely(phone);
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("form")).hasCount(0);
        assertThat(ratingsOf(code)).isEqualTo(1);
    }

    @Test
    void back_after_a_validation_error_and_after_the_thank_you_never_asks_to_resend() {
        String code = TestData.dossierCode(unit, 5108);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(dossier(code, "RETURNED", null));
        phone.locator("#q-overall")
                .getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#q-attitude")
                .getByText("Hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#submit").tap();
        assertThat(phone.locator("#reasons-error")).isVisible();
        // The error page is a GET (post/redirect/get): Back returns to the first page without a
        // resubmission prompt, and the answers ticked are still there.
        goBackSafely(phone);
        assertThat(phone.locator("#q-overall-DISSATISFIED")).isChecked();
        assertThat(phone.locator("#q-attitude-SATISFIED")).isChecked();
        phone.goForward();
        assertThat(phone.locator("#reasons-error")).isVisible();
        phone.reload();
        assertThat(phone.locator("#reasons-error")).isVisible();
        assertThat(ratingsOf(code)).isZero();

        phone.getByText("Giải quyết chậm, trễ hẹn", new Page.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();
        // Back through the error page to the first page (the whole history of this tab).
        for (int i = 0; i < 2; i++) {
            goBackSafely(phone);
            assertThat(phone.locator("#thank-you")).isVisible();
            assertThat(phone.locator("form")).hasCount(0);
        }
        TestBrowser.screenshot(phone, "mobile-back-after-thank-you");
        accessible(phone, "mobile-back-after-thank-you");
        assertThat(ratingsOf(code)).isEqualTo(1);
    }

    @Test
    void a_plus_and_english_keep_the_answers_already_ticked() {
        String code = TestData.dossierCode(unit, 5109);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(dossier(code, "RETURNED", null));
        phone.locator("#q-overall")
                .getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.getByText("Thái độ cán bộ chưa tốt", new Page.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#reason-detail").fill("Cán bộ không giải thích");
        phone.locator("#contact").check();
        phone.locator("#phone").fill("0912 345 678");
        phone.locator("#q-contacts")
                .getByText("Một lần", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#comment").fill("Nên có thêm ghế chờ");

        // The switches' names start with what they show (speech input: "tap A+").
        assertThat(phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("A+ Tăng cỡ chữ").setExact(true)))
                .isVisible();
        assertThat(phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("English").setExact(true)))
                .isVisible();
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t115.*"));
        assertTicked(phone);
        accessible(phone, "mobile-larger-with-answers");

        phone.locator("#language").tap();
        assertThat(phone.locator("html")).hasAttribute("lang", "en");
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t115.*"));
        assertThat(phone.locator("#submit")).hasText("Send");
        assertTicked(phone);
        TestBrowser.screenshot(phone, "mobile-english-with-answers");
        accessible(phone, "mobile-english-with-answers");

        phone.locator("#text-smaller").tap();
        phone.locator("#language").tap();
        assertThat(phone.locator("html")).hasAttribute("lang", "vi");
        assertTicked(phone);
        assertThat(ratingsOf(code)).as("a switch sends nothing").isZero();

        // Enter in the phone field sends (the form's default button), it does not shrink the text.
        phone.locator("#phone").press("Enter");
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("#follow-up-note")).isVisible();
        assertThat(ratingsOf(code)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT r.comment FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        code))
                .isEqualTo("Cán bộ không giải thích\n\nNên có thêm ghế chờ");
    }

    private static void assertTicked(Page phone) {
        assertThat(phone.locator("#q-overall-DISSATISFIED")).isChecked();
        assertThat(phone.locator("#dissatisfied")).isVisible();
        assertThat(phone.locator("#reason-ATTITUDE")).isChecked();
        assertThat(phone.locator("#reason-detail")).hasValue("Cán bộ không giải thích");
        assertThat(phone.locator("#contact")).isChecked();
        assertThat(phone.locator("#phone")).hasValue("0912 345 678");
        assertThat(phone.locator("#q-contacts-ONCE")).isChecked();
        assertThat(phone.locator("#comment")).hasValue("Nên có thêm ghế chờ");
    }

    @Test
    void the_send_button_is_on_the_first_screen_and_the_optional_questions_come_after_it() {
        String code = TestData.dossierCode(unit, 5110);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(dossier(code, "PROCESSING", null));
        assertOverallQuestionAndSendOnFirstScreen(phone);
        // The optional questions follow the send button, under a heading that says they are optional.
        assertThat(phone.locator("#more-title")).hasText("Câu hỏi thêm (không bắt buộc)");
        double send = phone.locator("#submit").boundingBox().y;
        for (String q :
                List.of("#q-convenience", "#q-attitude", "#q-contacts", "#q-agencies", "#comment", "#submit-end")) {
            assertThat(phone.locator(q).boundingBox().y)
                    .as(q + " below the first send button")
                    .isGreaterThan(send);
        }
        // The "Lý do khác" hint only with the answer that asks for a reason.
        assertThat(phone.locator("#reason-detail-hint")).isHidden();
        assertThat(phone.getByText("Nếu chọn “Lý do khác”", new Page.GetByTextOptions().setExact(false)))
                .isHidden();
        phone.locator("#q-overall")
                .getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        assertThat(phone.locator("#reason-detail-hint")).isVisible();
        phone.locator("#reason-OTHER").check();
        phone.locator("#submit").tap();
        // "Other reason" without a description: the message is at the reasons' own text box, right below them.
        assertThat(phone.locator("#reason-detail-error")).hasText("Vui lòng ghi rõ lý do");
        var reasons = phone.locator("#reasons").boundingBox();
        var error = phone.locator("#reason-detail-error").boundingBox();
        assertThat(error.y - (reasons.y + reasons.height))
                .as("gap between the reasons and their error")
                .isLessThan(120);
        assertThat(phone.locator("#comment-error")).hasCount(0);
        phone.locator("#errors a").first().tap();
        assertThat(phone.locator("#reason-detail")).isFocused();
        TestBrowser.screenshot(phone, "mobile-describe-reason");
        accessible(phone, "mobile-describe-reason");

        phone.locator("#reason-OTHER").uncheck();
        phone.locator("#submit").tap();
        assertThat(phone.locator("#reasons-error")).isVisible();
        var chooseError = phone.locator("#reasons-error").boundingBox();
        var firstReason = phone.locator("#reason-SLOW").boundingBox();
        assertThat(firstReason.y - chooseError.y)
                .as("the error stands right above the reasons")
                .isBetween(0.0, 120.0);

        // In English too, at the smallest phone width with the largest text still no sideways scrolling.
        Page english = citizen(browser.phone()).newPage();
        english.navigate(dossier(TestData.dossierCode(unit, 5111), "PROCESSING", null) + "?lang=en");
        assertOverallQuestionAndSendOnFirstScreen(english);
    }

    @Test
    void not_satisfied_needs_a_reason_and_may_leave_a_number_to_be_called() {
        String code = TestData.dossierCode(unit, 5102);
        Page phone = citizen(browser.phone()).newPage();
        phone.navigate(dossier(code, "RETURNED", null));

        phone.locator("#q-overall")
                .getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        assertThat(phone.locator("#dissatisfied")).isVisible();
        assertThat(phone.locator("#reasons legend")).hasText("Vì sao ông/bà chưa hài lòng? (chọn ít nhất một lý do)");
        assertThat(phone.locator("#contact-block")).containsText("Tôi đồng ý để cơ quan gọi điện cho tôi về việc này");
        TestBrowser.screenshot(phone, "mobile-not-satisfied");
        accessible(phone, "mobile-not-satisfied");
        phone.locator("#submit").tap();

        // The server says what is missing, next to the field and at the top, with the answer kept.
        assertThat(phone).hasTitle("Cần sửa: Đánh giá sự hài lòng");
        assertThat(phone.locator("#errors")).isFocused();
        assertThat(phone.locator("#reasons-error"))
                .hasText("Vui lòng chọn ít nhất một lý do, hoặc ghi lý do vào ô bên dưới");
        assertThat(phone.locator("#reasons")).hasAttribute("aria-describedby", "reasons-error");
        assertThat(phone.locator("#q-overall-DISSATISFIED")).isChecked();
        assertThat(phone.locator("#dissatisfied")).isVisible();
        TestBrowser.screenshot(phone, "mobile-reason-required");
        accessible(phone, "mobile-reason-required");
        assertThat(ratingsOf(code)).isZero();

        // The link in the summary takes the citizen to the first reason.
        phone.locator("#errors a").first().tap();
        assertThat(phone.locator("#reason-SLOW")).isFocused();
        phone.getByText("Giải quyết chậm, trễ hẹn", new Page.GetByTextOptions().setExact(true))
                .tap();
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
        accessible(phone, "mobile-phone-invalid");

        phone.locator("#phone").fill("0912 345 678");
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(phone.locator("#follow-up-note")).containsText("Cơ quan sẽ gọi lại");
        TestBrowser.screenshot(phone, "mobile-thank-you-follow-up");
        accessible(phone, "mobile-thank-you-follow-up");
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
        // A next step: the counter, and the hotline as a link that dials (hailong.survey-page.help).
        assertThat(phone.locator("#help")).containsText("Bộ phận Một cửa nơi đã nộp hồ sơ");
        assertThat(phone.locator("#hotline a")).hasAttribute("href", "tel:02743822000");
        assertThat(phone.locator("#hotline"))
                .containsText("Đường dây nóng Trung tâm Phục vụ hành chính công tỉnh: 0274 3822 000");
        assertThat(phone.locator("#hotline a").boundingBox().height).isGreaterThanOrEqualTo(44);
        TestBrowser.screenshot(phone, "mobile-expired");
        accessible(phone, "mobile-expired");
        phone.locator("#language").tap();
        assertThat(phone.locator("html")).hasAttribute("lang", "en");
        assertThat(phone.locator("#survey-notice")).containsText("This survey link has expired");
        assertThat(phone.locator("#help")).containsText("ask at the one-stop counter where you handed it in");
        assertThat(phone.locator("#hotline")).containsText("Hotline");
        accessible(phone, "mobile-expired-en");

        phone.navigate(base + "/r/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(phone.locator("#survey-notice")).containsText("Không tìm thấy phiếu đánh giá này");
        assertThat(phone.locator("#help")).containsText("Quét lại mã QR trên giấy hẹn trả kết quả");
        assertThat(phone.locator("#hotline a")).hasAttribute("href", "tel:02743822000");
        TestBrowser.screenshot(phone, "mobile-unknown-link");
        accessible(phone, "mobile-unknown-link");

        String code = TestData.dossierCode(unit, 5104);
        String link = dossier(code, "RECEIVED", null);
        api.post(
                "/api/v1/ratings",
                Map.of(
                        "dossierCode",
                        code,
                        "channel",
                        "PAPER",
                        "idempotencyKey",
                        "paper-" + code,
                        "answers",
                        Map.of("overall", "SATISFIED")));
        phone.navigate(link);
        assertThat(phone.locator("#survey-notice")).containsText("Hồ sơ này đã được đánh giá");
        assertThat(phone.locator("#help")).containsText("Nếu không phải ông/bà đã đánh giá");
        assertThat(phone.locator("#hotline a")).isVisible();
        TestBrowser.screenshot(phone, "mobile-already-rated");
        accessible(phone, "mobile-already-rated");
    }

    @Test
    void the_page_fits_a_320_px_phone_in_english_with_the_largest_text() {
        String code = TestData.dossierCode(unit, 5105);
        Page phone = citizen(browser.smallPhone()).newPage();
        phone.navigate(dossier(code, "SUPPLEMENT_REQUESTED", null));
        assertNoHorizontalScrolling(phone);
        TestBrowser.screenshot(phone, "mobile-320");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(TestBrowser.screenshotDir().resolve("mobile-320-first-screen.png")));
        accessible(phone, "mobile-320");
        phone.locator("#language").tap();
        assertThat(phone.locator("#q-overall legend"))
                .containsText("How satisfied are you with how your dossier was handled?");
        assertThat(phone.locator("#dossier-ref")).containsText("Dossier …5105 · more documents needed, due");
        phone.locator("#text-larger").tap();
        phone.locator("#text-larger").tap();
        phone.locator("#text-larger").tap();
        assertThat(phone.locator("#text-larger")).hasCount(0);
        assertNoHorizontalScrolling(phone);
        phone.locator("#q-overall")
                .getByText("Not satisfied", new Locator.GetByTextOptions().setExact(true))
                .tap();
        TestBrowser.screenshot(phone, "mobile-320-en-largest");
        phone.evaluate("() => window.scrollTo(0, 0)");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(TestBrowser.screenshotDir().resolve("mobile-320-en-largest-top.png")));
        accessible(phone, "mobile-320-en-largest");
    }

    @Test
    void without_javascript_the_reasons_are_always_there_and_the_form_still_works() {
        String code = TestData.dossierCode(unit, 5106);
        Page phone = citizen(browser.phoneWithoutJavaScript()).newPage();
        phone.navigate(dossier(code, "PROCESSING", null));
        // Without JavaScript the reasons wait behind one line, so that the send button stays on the first screen.
        assertThat(phone.locator("#dissatisfied > summary")).hasText("Nếu ông/bà chưa hài lòng: cho biết lý do");
        assertThat(phone.locator("#reason-OTHER")).isHidden();
        assertOverallQuestionAndSendOnFirstScreen(phone);
        TestBrowser.screenshot(phone, "mobile-no-js");
        accessibleAsWithoutJavaScript(phone.url(), "mobile-no-js");
        phone.locator("#q-overall-DISSATISFIED").check();
        phone.locator("#dissatisfied > summary").click();
        phone.locator("#reason-OTHER").check();
        // A+ is a button of the form: the answers go along, without JavaScript too.
        phone.locator("#text-larger").click();
        assertThat(phone.locator("html")).hasClass(Pattern.compile(".*t115.*"));
        assertThat(phone.locator("#q-overall-DISSATISFIED")).isChecked();
        assertThat(phone.locator("#reason-OTHER")).isVisible();
        assertThat(phone.locator("#reason-OTHER")).isChecked();
        phone.locator("#submit").click();
        // "Other reason" needs a description: the server says so, at the reasons' own text box.
        assertThat(phone.locator("#reason-detail-error")).hasText("Vui lòng ghi rõ lý do");
        TestBrowser.screenshot(phone, "mobile-no-js-describe-reason");
        accessibleAsWithoutJavaScript(phone.url(), "mobile-no-js-describe-reason");
        phone.locator("#reason-detail").fill("Phải xếp hàng hai lần vì hệ thống lỗi");
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
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));

        page.navigate(link);
        assertThat(page.locator("#survey-notice"))
                .containsText("Tài khoản cán bộ đang đăng nhập trên trình duyệt này không được phép đánh giá");
        assertThat(page.locator("form")).hasCount(0);
        TestBrowser.screenshot(page, "mobile-staff-session");
        accessible(page, "mobile-staff-session");
        assertThat(ratingsOf(code)).isZero();
    }

    /**
     * axe-core as everywhere, plus {@code label-content-name-mismatch} (experimental in axe, so off
     * by default): a control's accessible name must contain the text it shows (speech input users
     * say what they see, e.g. "A+").
     */
    private static void accessible(Page page, String what) {
        Accessibility.assertNoSeriousViolations(page, what);
        AxeResults mismatch = new AxeBuilder(page)
                .withRules(List.of("label-content-name-mismatch"))
                .analyze();
        assertThat(mismatch.getViolations())
                .as("label-content-name-mismatch on " + what)
                .extracting(v -> v.getId() + " "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList())
                .isEmpty();
        // The rule ran (it applies only to controls named by aria-label, which the page no longer uses).
        assertThat(Stream.concat(
                                Objects.requireNonNullElse(mismatch.getPasses(), List.<Rule>of()).stream(),
                                Objects.requireNonNullElse(mismatch.getInapplicable(), List.<Rule>of()).stream())
                        .map(Rule::getId))
                .as("label-content-name-mismatch ran on " + what)
                .contains("label-content-name-mismatch");
    }

    /**
     * axe-core needs JavaScript, so a page as a phone without it shows it is scanned in a phone
     * with JavaScript, put back as the server sent it (the class no-js, the reasons closed unless
     * the server opened them). The same link shows the same answers and errors (they are kept
     * per link on the server).
     */
    private void accessibleAsWithoutJavaScript(String url, String what) {
        Page page = citizen(browser.phone()).newPage();
        page.navigate(url);
        page.evaluate("""
                () => {
                  document.documentElement.className = document.documentElement.className.replace(/\\bjs\\b/, 'no-js');
                  const reasons = document.getElementById('dissatisfied');
                  if (reasons && !reasons.classList.contains('open')) reasons.open = false;
                }""");
        assertThat(page.locator("html")).hasClass(Pattern.compile(".*no-js.*"));
        accessible(page, what);
    }

    /** Back, as the phone's back button: never Chrome's "Confirm Form Resubmission" (ERR_CACHE_MISS) page. */
    private static void goBackSafely(Page page) {
        Response response = page.goBack();
        assertThat(page.url()).as("after Back").doesNotStartWith("chrome-error:");
        if (response != null) {
            assertThat(response.status()).as("status after Back").isEqualTo(200);
        }
        assertThat(page.locator("body")).not().containsText("ERR_CACHE_MISS");
    }

    /** At the top of the page, the overall question and the send button lie within the viewport. */
    private static void assertOverallQuestionAndSendOnFirstScreen(Page page) {
        page.evaluate("() => window.scrollTo(0, 0)");
        double viewport = ((Number) page.evaluate("() => window.innerHeight")).doubleValue();
        var overall = page.locator("#q-overall").boundingBox();
        var send = page.locator("#submit").boundingBox();
        assertThat(overall.y + overall.height)
                .as("bottom of the overall question")
                .isLessThanOrEqualTo(viewport);
        assertThat(send.y + send.height)
                .as("bottom of the send button (viewport " + viewport + ")")
                .isLessThanOrEqualTo(viewport);
        assertThat(send.y).as("the send button follows the overall question").isGreaterThan(overall.y + overall.height);
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.locator(selector).evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
                .doubleValue();
    }

    private static void assertNoHorizontalScrolling(Page page) {
        Number overflow = (Number)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    /** Every option, switch and the send button is at least 48 px tall (WCAG 2.5.5 / Android guidance). */
    private static void assertTouchTargets(Page page) {
        for (Locator target : page.locator(".option:visible, .tool, #submit").all()) {
            var box = target.boundingBox();
            assertThat(box.height)
                    .as("height of " + target.textContent().strip())
                    .isGreaterThanOrEqualTo(48);
            assertThat(box.width).as("width of " + target.textContent().strip()).isGreaterThanOrEqualTo(48);
        }
        assertThat(page.locator("#submit").boundingBox().width)
                .as("send button width")
                .isGreaterThan(300);
    }

    private int ratingsOf(String code) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                code);
    }

    /** Pushes a dossier through the API as the one-stop software does; answers its survey link on this test's server. */
    private String dossier(String code, String status, OffsetDateTime returnedAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime received = (returnedAt != null ? returnedAt : now).minusDays(10);
        Map<String, Object> body = new HashMap<>(Map.of(
                "procedureCode",
                "1.004227",
                "procedureName",
                PROCEDURE,
                "receivingUnit",
                unit,
                "competentUnit",
                unit,
                "channel",
                "IN_PERSON",
                "applicantKind",
                "CITIZEN",
                "status",
                status,
                "receivedAt",
                received.toString(),
                "dueAt",
                received.plusDays(14).toString()));
        if ("RETURNED".equals(status)) {
            body.put("returnedAt", (returnedAt != null ? returnedAt : now.minusHours(1)).toString());
        }
        body.put("officers", List.of(Map.of("id", "cb-" + unit, "name", "Lê Thị Tiếp Nhận", "role", "RECEIVING")));
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return base + URI.create(response.json().get("surveyLink").asString()).getRawPath();
    }
}
