package vn.hailong.e2e;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin slice end to end, in real chromium: the one-stop software pushes a returned dossier
 * through the API, the citizen opens the survey link on a phone and rates, and a province manager
 * logs in on a desktop and sees the rating counted for the unit. Screenshots land in
 * {@code target/screenshots/}.
 */
@HaiLongTest
@Tag("browser")
class ThinSliceJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final String PROCEDURE = "Cấp giấy phép xây dựng nhà ở riêng lẻ";
    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    ApiClient api;
    String base;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, HaiLongTest.API_KEY);
        base = "http://localhost:" + port;
    }

    @Test
    void a_citizen_rates_on_a_phone_and_the_province_manager_sees_it_on_the_dashboard() {
        String unit = TestData.agencyCode();
        // Starts with "Ban" so that it sorts before the other tests' "Sở ..." units in the grid.
        String unitName = "Ban Thử nghiệm E2E " + unit.substring(unit.lastIndexOf('.') + 1);
        registerUnit(unit, unitName);

        // (a) the one-stop software pushes a returned dossier and gets its survey link
        String first = TestData.dossierCode(unit, 4821);
        String firstLink = returnedDossier(first);

        // (b) the citizen opens the link on a phone and rates "very satisfied"
        // (the phone page in detail: MobileSurveyJourneyTest)
        Page phone = browser.phone().newPage();
        phone.navigate(firstLink);
        assertThat(phone.locator("#procedure")).hasText(PROCEDURE);
        assertThat(phone.locator("#dossier-ref")).containsText("…4821");
        assertThat(phone.locator("#dossier-ref")).containsText("đã trả kết quả");
        phone.getByLabel("Rất hài lòng").first().tap();
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();

        // (c) stored once, and the API tells the one-stop software it is rated
        assertThat(api.get("/api/v1/dossiers/" + first).json().get("rated").asBoolean())
                .isTrue();
        assertThat(ratingsOf(first)).isEqualTo(1);

        // (e) a second dossier, "not satisfied" with a reason
        String second = TestData.dossierCode(unit, 4822);
        phone.navigate(returnedDossier(second));
        phone.locator("#q-overall").getByLabel("Không hài lòng").tap();
        phone.getByLabel("Giải quyết chậm, trễ hẹn").tap();
        phone.locator("#submit").tap();
        assertThat(phone.locator("#thank-you")).isVisible();
        assertThat(ratingsOf(second)).isEqualTo(1);

        // (f) a province manager logs in on a desktop and sees the unit's figures
        String manager = "e2e-pm-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(manager, PASSWORD, "Nguyễn Thị Quản Lý", Role.PROVINCE_MANAGER, null);
        Page desktop = browser.desktop().newPage();
        desktop.navigate(base + "/");
        assertThat(desktop).hasURL(Pattern.compile(literal(base) + "/login.*"));
        assertThat(desktop.locator("vaadin-login-form")).isVisible();
        assertThat(desktop.locator("input[name=username]")).isVisible();
        TestBrowser.screenshot(desktop, "login");
        Accessibility.assertNoSeriousViolations(desktop, "login");
        // The dashboard reads the rollups, a few milliseconds behind the ratings (ADR 070).
        rollups.drainAll();
        logIn(desktop, manager);

        // Whoever logs in lands where they may work: a manager on the dashboard (the landing page's
        // own table, a third way to count satisfaction, is gone).
        assertThat(desktop.locator("#dashboard")).isVisible();
        assertThat(desktop).hasURL(Pattern.compile(literal(base) + "/bang-dieu-khien.*"));
        assertThat(desktop.locator("vaadin-app-layout")).containsText(manager);
        TestBrowser.dashboardOnThisMonth(desktop);
        // dossiers returned, ratings, coverage, then the satisfaction rate (1 of 2 satisfied) over its interval
        List<String> row = gridRow(desktop, "#by-unit", unit, 6);
        assertThat(row.subList(0, 5)).containsExactly(unitName, unit, "2", "2", "100,0 %");
        assertThat(row.get(5)).startsWith("50,0 %").contains("9,5–90,5 %");
        TestBrowser.screenshot(desktop, "dashboard");
        Accessibility.assertNoSeriousViolations(desktop, "dashboard");
    }

    @Test
    void an_officer_logging_in_does_not_see_the_satisfaction_figures() {
        String unit = TestData.agencyCode();
        registerUnit(unit, "Ban Thử nghiệm E2E cán bộ " + unit.substring(unit.lastIndexOf('.') + 1));
        String officer = "e2e-cb-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(officer, PASSWORD, "Trần Văn Cán Bộ", Role.OFFICER, unit);

        Page desktop = browser.desktop().newPage();
        desktop.navigate(base + "/");
        assertThat(desktop).hasURL(Pattern.compile(literal(base) + "/login.*"));
        logIn(desktop, officer);
        assertThat(desktop).not().hasURL(Pattern.compile(".*/login.*"));
        assertThat(desktop.locator("vaadin-login-form")).hasCount(0);
        // An officer lands on a page of their own (their counter), not on "access denied".
        assertThat(desktop.locator("#counter-desk")).isVisible();
        assertThat(desktop).hasURL(Pattern.compile(literal(base) + "/quay-cua-toi.*"));
        assertThat(desktop.locator("body")).not().containsText("Tỷ lệ hài lòng");
        TestBrowser.screenshot(desktop, "officer-landing");
        // A page not for them explains itself and offers the way back, not only "Đăng xuất".
        desktop.navigate(base + "/bang-dieu-khien");
        assertThat(desktop.locator("#access-denied")).containsText("Không có quyền truy cập");
        assertThat(desktop.locator("#access-denied-links")).containsText("Quầy của tôi");
        assertThat(desktop.locator("#access-denied-links")).not().containsText("Bảng điều khiển");
        assertThat(desktop.locator("#dashboard")).hasCount(0);
        assertThat(desktop.locator("body")).not().containsText("Tỷ lệ hài lòng");
        TestBrowser.screenshot(desktop, "officer-denied");
        desktop.locator("#access-denied-links a")
                .filter(new Locator.FilterOptions().setHasText("Quầy của tôi"))
                .click();
        assertThat(desktop.locator("#counter-desk")).isVisible();
    }

    private void registerUnit(String code, String name) {
        ApiClient.Response response = api.put("/api/v1/units/" + code, Map.of("name", name, "kind", "DEPARTMENT"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** Pushes a dossier whose result was returned an hour ago; answers its survey link on this test's server. */
    private String returnedDossier(String code) {
        String unit = code.substring(0, code.indexOf('-'));
        OffsetDateTime now = OffsetDateTime.now(VIETNAM).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>(Map.of(
                "procedureCode",
                "1.009994",
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
                "RETURNED",
                "receivedAt",
                now.minusDays(10).toString(),
                "dueAt",
                now.plusDays(2).toString(),
                "returnedAt",
                now.minusHours(1).toString()));
        body.put("officers", List.of(Map.of("id", "cb-" + unit, "name", "Lê Thị Tiếp Nhận", "role", "RECEIVING")));
        ApiClient.Response response = api.put("/api/v1/dossiers/" + code, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("rated").asBoolean()).isFalse();
        URI link = URI.create(response.json().get("surveyLink").asString());
        assertThat(link.getPath()).matches("/r/[A-Za-z0-9_-]{22}");
        // The link carries the public address (http://localhost:8080 in tests); this server runs elsewhere.
        return base + link.getRawPath();
    }

    /**
     * A regular expression matching {@code text} literally. Not {@link Pattern#quote}: Playwright
     * runs patterns as JavaScript regular expressions, which know no {@code \Q...\E}.
     */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0");
    }

    private int ratingsOf(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                Integer.class,
                dossierCode);
    }

    private void logIn(Page page, String username) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
    }

    /** The texts of the first {@code cells} cells of the grid row whose unit-code cell reads {@code unitCode}, in column order. */
    @SuppressWarnings("unchecked")
    private static List<String> gridRow(Page page, String grid, String unitCode, int count) {
        Locator codeCell = page.locator(grid + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + literal(unitCode) + "$")));
        assertThat(codeCell).isVisible();
        List<String> cells = (List<String>) codeCell.evaluate("""
                cell => [...cell.assignedSlot.closest('tr').querySelectorAll('td slot')]
                    .map(slot => (slot.assignedElements()[0]?.textContent ?? '').trim())""");
        return cells.subList(0, Math.min(cells.size(), count));
    }
}
