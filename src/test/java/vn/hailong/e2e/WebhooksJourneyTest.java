package vn.hailong.e2e;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import com.microsoft.playwright.Page;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;
import vn.hailong.webhook.WebhookEndpointDetails;
import vn.hailong.webhook.WebhookService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The administrator's Webhooks page in chromium at 1440 px: registering an endpoint shows its secret once and lists it. */
@HaiLongTest
@Tag("browser")
class WebhooksJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    WebhookService webhooks;

    @Test
    void an_administrator_registers_an_endpoint_and_sees_its_secret_once() {
        String admin = "e2e-webhook-admin-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(admin, PASSWORD, "Quản trị Thử", Role.ADMIN, null);
        Page page = browser.desktop().newPage();
        page.setViewportSize(1440, 900);
        page.navigate("http://localhost:" + port + "/webhooks");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        AuditAndAccountsJourneyTest.logIn(page, admin, PASSWORD);

        page.locator("#webhook-url input").fill("http://localhost:9/e2e-hook");
        page.locator("#webhook-description input").fill("e2e");
        page.locator("#webhook-owner input").fill("owner@example.vn");
        page.locator("#webhook-events vaadin-checkbox").first().click();
        page.locator("#webhook-register").click();

        assertThat(page.locator("#webhook-secret")).containsText("whsec_");
        assertThat(page.locator("#webhook-endpoints")).containsText("http://localhost:9/e2e-hook");
        TestBrowser.screenshot(page, "webhooks-page");

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "e2e", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            List<WebhookEndpointDetails> mine = webhooks.endpoints().stream()
                    .filter(e -> "e2e".equals(e.description()))
                    .toList();
            mine.forEach(e -> webhooks.delete(e.id()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
