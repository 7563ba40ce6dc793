package vn.hailong.e2e;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's "Khoá API" page in real chromium: a key issued for a province manager is
 * shown once, works over HTTP at once and is refused once revoked; and the methodology form's
 * sources and roundings, looked at. Screenshots: {@code target/screenshots/api-keys-*.png},
 * {@code methodology-form-sources-and-roundings.png}.
 */
@HaiLongTest
@Tag("browser")
class ApiKeysJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    String base() {
        return "http://localhost:" + port;
    }

    int indexApiStatus(String key) {
        return new ApiClient(port, key)
                .get("/api/v1/index/drafts?scheme=default&period=2019-01")
                .status();
    }

    @Test
    void an_administrator_issues_a_managers_key_sees_it_once_and_revokes_it() {
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String admin = "e2e-khoa-" + suffix;
        String manager = "e2e-tinh-" + suffix;
        accounts.ensureAccount(admin, PASSWORD, "Quản trị Khoá", Role.ADMIN, null);
        accounts.ensureAccount(manager, PASSWORD, "Sở Nội vụ Thử", Role.PROVINCE_MANAGER, null);

        Page page = browser.desktop().newPage();
        page.navigate(base() + "/khoa-api");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        AuditAndAccountsJourneyTest.logIn(page, admin, PASSWORD);
        assertThat(page.locator("#api-key-list")).isVisible();

        String name = "bao-cao-" + suffix;
        page.locator("#key-name input").fill(name);
        page.locator("#key-holder input").fill(manager);
        page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText(manager))
                .first()
                .click();
        page.locator("#issue-key").click();
        assertThat(page.locator("#issued-key-warning")).containsText("sẽ không hiện lại");
        String key = page.locator("#issued-key").innerText().strip();
        assertThat(key).startsWith("hl_");
        TestBrowser.screenshot(page, "api-keys-issued-once");
        assertThat(indexApiStatus(key))
                .as("the key acts as the manager at once")
                .isEqualTo(404);

        page.locator("#issued-key-done").click();
        assertThat(page.locator("#issued-key")).hasCount(0);
        assertThat(page.locator("#api-key-list")).containsText(name);
        assertThat(page.locator("#api-key-list")).containsText(key.substring(0, 8) + "…");
        assertThat(page.content()).doesNotContain(key);
        Accessibility.assertNoSeriousViolations(page, "api keys");

        // The new key is selected and in view (the list may be long), ready to be rotated or revoked.
        assertThat(page.locator("#selected-key")).containsText(name);
        page.locator("#revoke-key").click();
        assertThat(page.locator("#api-keys-message")).containsText("Đã thu hồi khoá " + name);
        assertThat(page.locator("#api-key-list")).containsText("ĐÃ THU HỒI");
        TestBrowser.screenshot(page, "api-keys-revoked");
        assertThat(indexApiStatus(key)).as("refused once revoked").isEqualTo(401);

        // The methodology form: each indicator's source and every rounding rule are fields now.
        page.navigate(base() + "/index/methodology");
        page.locator("#methodology-edit").click();
        assertThat(page.locator("#m-indicators-2-criterion")).isVisible();
        assertThat(page.locator("#m-roundings")).isVisible();
        // The page scrolls inside the app layout: a viewport tall enough for the form, then the form itself.
        page.setViewportSize(1366, 4200);
        page.locator("#methodology-form")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(TestBrowser.screenshotDir().resolve("methodology-form-sources-and-roundings.png")));
    }
}
