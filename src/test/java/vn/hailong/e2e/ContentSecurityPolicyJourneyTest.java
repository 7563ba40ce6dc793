package vn.hailong.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.DashboardFixture;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vaadin pages still work under the Content-Security-Policy, in real chromium: log in, the
 * dashboard with its charts (ECharts), open data and the kiosk, with every CSP violation the
 * browser reports (console and {@code securitypolicyviolation} events) collected and none allowed.
 */
@HaiLongTest
@Tag("browser")
class ContentSecurityPolicyJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "csp-Passw0rd!";

    /** Collects violations from the first script on every page, before Vaadin starts. */
    private static final String COLLECT_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
            """;

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccountService accounts;

    @Test
    void login_dashboard_open_data_and_kiosk_work_under_the_policy_without_a_violation() {
        DashboardFixture f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        String head = "csp-head-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(head, PASSWORD, "Trưởng phòng Thử", Role.UNIT_MANAGER, f.parent);
        String base = "http://localhost:" + port;
        BrowserContext desktop = browser.desktop();
        desktop.addInitScript(COLLECT_VIOLATIONS);
        List<String> console = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        Page page = desktop.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("Content-Security-Policy")) {
                console.add(message.text());
            }
        });
        page.onResponse((Response response) -> {
            if (response.request().isNavigationRequest()) {
                policies.add(response.url() + " " + response.headers().get("content-security-policy"));
            }
        });

        page.navigate(base + "/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        TestBrowser.screenshot(page, "csp-login");
        page.locator("input[name=username]").fill(head);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        page.navigate(base + "/bang-dieu-khien");
        assertThat(page.locator("#dashboard")).isVisible();
        TestBrowser.dashboardOnThisMonth(page);
        assertThat(page.locator("#card-ratings .value")).hasText("12");
        assertThat(page.locator("#chart-rate-trend svg")).isVisible();
        // A server round trip after start (Vaadin's client builds functions from what the server sends).
        page.locator("#breakdowns").getByText("Ý kiến không hài lòng").click();
        assertThat(page.locator("#unhappy")).containsText("Trả kết quả chậm");
        TestBrowser.screenshot(page, "csp-dashboard");
        List<String> violations = new ArrayList<>(violations(page));

        page.navigate(base + "/open-data");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Dữ liệu mở: chỉ số hài lòng của các đơn vị")))
                .isVisible();
        TestBrowser.screenshot(page, "csp-open-data");
        violations.addAll(violations(page));

        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.context().addInitScript(COLLECT_VIOLATIONS);
        tablet.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                console.add(message.text());
            }
        });
        tablet.navigate(base + "/kiosk");
        assertThat(tablet.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Máy tính bảng này chưa được đăng ký")))
                .isVisible();
        TestBrowser.screenshot(tablet, "csp-kiosk");
        violations.addAll(violations(tablet));

        assertThat(policies)
                .as("the pages were served with the policy")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'"));
        assertThat(violations).as("securitypolicyviolation events").isEmpty();
        assertThat(console).as("CSP messages in the console").isEmpty();

        // Both collectors work: a script from a foreign origin is refused and reported by each.
        tablet.evaluate(
                "() => { const s = document.createElement('script'); s.src = 'https://example.invalid/x.js'; document.head.appendChild(s); }");
        tablet.waitForCondition(() -> !violations(tablet).isEmpty() && !console.isEmpty());
        assertThat(violations(tablet)).singleElement().asString().contains("script-src", "example.invalid");
        assertThat(console).singleElement().asString().contains("example.invalid");
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        return (List<String>) page.evaluate("() => window.__cspViolations || ['collector missing']");
    }
}
