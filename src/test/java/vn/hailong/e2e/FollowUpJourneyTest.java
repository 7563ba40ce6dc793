package vn.hailong.e2e;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real chromium: a citizen's "Không hài lòng" with consent becomes a case that the unit head
 * calls back, resolves and closes (the number disappears); and a disputed rating is excluded by a
 * second person, which the dashboard then shows. Screenshots land in {@code target/screenshots/}.
 */
@HaiLongTest
@Tag("browser")
class FollowUpJourneyTest {

    /** A mobile number of this run's own (other tests in the shared database leave theirs). */
    static final String NUMBER = "0912" + String.format("%06d", new Random().nextInt(1_000_000));

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    RatingService ratings;

    ApiClient api;
    String base;
    String unit;
    String head;
    String province;

    @BeforeEach
    void aUnitWithItsHeadAndTheProvince() {
        api = new ApiClient(port, HaiLongTest.API_KEY);
        base = "http://localhost:" + port;
        unit = TestData.agencyCode();
        ApiClient.Response created = api.put(
                "/api/v1/units/" + unit, Map.of("name", "Sở Tài nguyên và Môi trường thử", "kind", "DEPARTMENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        head = "e2e-head-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(head, PASSWORD, "Trưởng phòng Thử", Role.UNIT_MANAGER, unit);
        province = "e2e-tinh-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(province, PASSWORD, "Sở Nội vụ Thử", Role.PROVINCE_MANAGER, null);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_unhappy_citizen_is_called_back_and_the_number_is_gone_once_the_case_closes() {
        String code = TestData.dossierCode(unit, 7001);
        String link = dossier(code);

        // The citizen, on their phone.
        BrowserContext citizen = browser.phone();
        citizen.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2.201"));
        Page phone = citizen.newPage();
        phone.navigate(link);
        phone.locator("#q-overall")
                .getByText("Không hài lòng", new Locator.GetByTextOptions().setExact(true))
                .tap();
        phone.getByText("Giải quyết chậm, trễ hẹn", new Page.GetByTextOptions().setExact(true))
                .tap();
        phone.locator("#contact").check();
        phone.locator("#phone").fill(NUMBER.substring(0, 4) + " " + NUMBER.substring(4, 7) + " " + NUMBER.substring(7));
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();

        // The unit head sees the case and the number.
        Page page = logIn(browser.desktop(), head, "/theo-doi");
        assertThat(page.locator("#cases")).containsText(code);
        assertThat(page.locator("#cases")).containsText("Có số điện thoại");
        TestBrowser.screenshot(page, "followup-list");
        Accessibility.assertNoSeriousViolations(page, "followup-list");
        page.locator("#cases a", new Page.LocatorOptions().setHasText(code)).click();
        assertThat(page.locator("#case-title")).hasText("Phản ánh về hồ sơ " + code);
        assertThat(page.locator("#case-summary")).containsText("Mới mở");
        assertThat(page.locator("#case-rating")).containsText("Không hài lòng");
        assertThat(page.locator("#case-rating")).containsText("Giải quyết chậm, trễ hẹn");
        assertThat(page.locator("#dossier-link")).hasAttribute("href", "ho-so/" + code);
        assertThat(page.locator("#contact-number"))
                .hasText(NUMBER.substring(0, 4) + " " + NUMBER.substring(4, 7) + " " + NUMBER.substring(7));
        assertThat(page.locator("#contact-number")).hasAttribute("href", "tel:" + NUMBER);
        String caseUrl = page.url();
        TestBrowser.screenshot(page, "followup-case");
        Accessibility.assertNoSeriousViolations(page, "followup-case");

        // The province manager sees that there is a number, not the number.
        Page other = logIn(browser.desktop(), province, URI.create(caseUrl).getPath());
        assertThat(other.locator("#case-contact")).containsText("Chỉ lãnh đạo đơn vị phụ trách xem được số này");
        assertThat(other.locator("#contact-number")).hasCount(0);
        assertThat(other.locator("body")).not().containsText(NUMBER.substring(4, 7) + " " + NUMBER.substring(7));
        TestBrowser.screenshot(other, "followup-case-province");

        // Contacted, resolved (an outcome is required), closed.
        page.locator("#case-text").locator("textarea").fill("Đã gọi, người dân phải chờ 2 tuần vì thiếu giấy tờ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đã liên hệ người dân"))
                .click();
        assertThat(page.locator("#case-summary")).containsText("Đã liên hệ");
        assertThat(page.locator("#case-notes")).containsText("Đã gọi, người dân phải chờ 2 tuần");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đã giải quyết"))
                .click();
        assertThat(page.locator("#case-error")).containsText("Vui lòng nhập kết quả xử lý");
        TestBrowser.screenshot(page, "followup-outcome-required");
        page.locator("#case-text")
                .locator("textarea")
                .fill("Đã hướng dẫn bổ sung giấy tờ qua điện thoại; hồ sơ trả đúng hạn mới");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đã giải quyết"))
                .click();
        assertThat(page.locator("#case-summary")).containsText("Đã giải quyết");
        assertThat(page.locator("#contact-number"))
                .hasText(NUMBER.substring(0, 4) + " " + NUMBER.substring(4, 7) + " " + NUMBER.substring(7));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đóng phản ánh"))
                .click();
        assertThat(page.locator("#case-summary")).containsText("Đã đóng");
        assertThat(page.locator("#contact-number")).hasCount(0);
        assertThat(page.locator("#case-contact")).containsText("đã được xoá");
        assertThat(page.locator("#case-outcome")).containsText("Đã hướng dẫn bổ sung giấy tờ");
        assertThat(page.locator("#case-actions")).hasCount(0);
        TestBrowser.screenshot(page, "followup-closed");
        Accessibility.assertNoSeriousViolations(page, "followup-closed");

        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_contact WHERE case_id = ?", Integer.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM follow_up_contact WHERE phone = ?", Integer.class, NUMBER))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM follow_up_case WHERE id = ?", String.class, caseId))
                .isEqualTo("CLOSED");
    }

    @Test
    void a_disputed_rating_is_excluded_by_a_second_person_and_the_dashboard_shows_it() {
        String happy = TestData.dossierCode(unit, 7101);
        String abusive = TestData.dossierCode(unit, 7102);
        dossier(happy);
        dossier(abusive);
        rate(happy, "SATISFIED", null);
        RatingOutcome disputed = rate(abusive, "DISSATISFIED", "Cán bộ *** làm việc như ***");

        Page page = logIn(browser.desktop(), head, "/bang-dieu-khien");
        TestBrowser.dashboardOnThisMonth(page);
        assertThat(page.locator("#card-ratings .value")).hasText("2");
        assertThat(page.locator("#card-satisfaction .value")).hasText("50,0 %");

        // The unit head finds the rating by its dossier and disputes it.
        page.navigate(base + "/kiem-duyet");
        page.locator("#dossier-code input").fill(abusive);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm"))
                .click();
        assertThat(page.locator("#dossier-ratings")).containsText("Cán bộ *** làm việc như ***");
        page.locator("#dossier-ratings a").first().click();
        assertThat(page.locator("#rating-status")).hasText("Được tính");
        page.locator("#dispute-send").click();
        assertThat(page.locator("#moderation-error")).containsText("Vui lòng chọn lý do");
        page.locator("#dispute-reason")
                .getByText("Lời lẽ xúc phạm (abusive text)")
                .click();
        page.locator("#dispute-note textarea").fill("Bình luận xúc phạm cán bộ tiếp nhận");
        TestBrowser.screenshot(page, "moderation-dispute");
        Accessibility.assertNoSeriousViolations(page, "moderation-dispute");
        page.locator("#dispute-send").click();
        assertThat(page.locator("#awaiting-decision")).isVisible();
        assertThat(page.locator("#decision-form")).hasCount(0);
        assertThat(page.locator("#rating-status")).hasText("Được tính");

        // A second person, at the province, decides.
        Page second = logIn(browser.desktop(), province, "/kiem-duyet");
        assertThat(second.locator("#open-disputes")).containsText(abusive);
        TestBrowser.screenshot(second, "moderation-open");
        Accessibility.assertNoSeriousViolations(second, "moderation-open");
        second.locator("#open-disputes a", new Page.LocatorOptions().setHasText(abusive))
                .click();
        assertThat(second.locator("#decision-form")).containsText("Bình luận xúc phạm cán bộ tiếp nhận");
        second.locator("#decision-note textarea").fill("Đồng ý: lời lẽ không phù hợp");
        second.locator("#decision-uphold").click();
        assertThat(second.locator("#rating-status")).hasText("ĐÃ LOẠI (kiểm duyệt)");
        assertThat(second.locator("#dispute-history")).containsText("Chấp thuận");
        assertThat(second.locator("#dispute-history")).containsText(province);
        // The content is still there, untouched.
        assertThat(second.locator("body")).containsText("Cán bộ *** làm việc như ***");
        TestBrowser.screenshot(second, "moderation-decided");
        Accessibility.assertNoSeriousViolations(second, "moderation-decided");

        // The dashboard: one rating left in the rate, one shown as excluded.
        page.navigate(base + "/bang-dieu-khien");
        TestBrowser.dashboardOnThisMonth(page);
        assertThat(page.locator("#card-ratings .value")).hasText("1");
        assertThat(page.locator("#card-satisfaction .value")).hasText("100,0 %");
        page.locator("#breakdowns").getByText("Kiểm tra số liệu").click();
        assertThat(page.locator("#integrity")).containsText("đã loại qua kiểm duyệt: 1");
        page.locator("#integrity").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "moderation-dashboard-excluded");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM rating WHERE id = ?",
                        String.class,
                        disputed.ratingId().toString()))
                .isEqualTo("EXCLUDED");
    }

    private Page logIn(BrowserContext context, String username, String path) {
        Page page = context.newPage();
        page.navigate(base + path);
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        // (Playwright turns the pattern into a JavaScript regex: no \\Q...\\E quoting.)
        assertThat(page).hasURL(Pattern.compile(".*" + path.replace(".", "\\.") + "(\\?continue)?$"));
        return page;
    }

    private RatingOutcome rate(String code, String overall, String comment) {
        SecurityContextHolder.clearContext();
        return ratings.submit(new RatingSubmission(
                code,
                "QR",
                "e2e-" + UUID.randomUUID(),
                Map.of("overall", overall),
                overall.equals("DISSATISFIED") ? List.of("OTHER") : List.of(),
                comment,
                null));
    }

    /** A dossier returned an hour ago; its survey link. */
    private String dossier(String code) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime received = now.minusDays(10);
        Map<String, Object> body = new HashMap<>(Map.of(
                "procedureCode",
                "1.004227",
                "procedureName",
                "Cấp giấy phép môi trường",
                "receivingUnit",
                unit,
                "competentUnit",
                unit,
                "channel",
                "IN_PERSON",
                "applicantKind",
                "CITIZEN",
                "status",
                "RETURNED",
                "receivedAt",
                received.toString(),
                "dueAt",
                received.plusDays(14).toString()));
        body.put("returnedAt", now.minusHours(1).toString());
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return base + URI.create(response.json().get("surveyLink").asString()).getRawPath();
    }
}
