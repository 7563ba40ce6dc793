package vn.hailong.e2e;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.LoginThrottlePolicy;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords in real chromium: after a few, the log-in page says politely how long to wait
 * and whom to ask; an administrator lifts the lock from the accounts page, and the user logs in.
 * Each browser comes "from" an address of its own (X-Forwarded-For through the loopback proxy).
 */
@HaiLongTest
@Tag("browser")
class LogInLockJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    LoginThrottlePolicy policy;

    @Autowired
    JdbcTemplate jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    Page from(String address) {
        BrowserContext context = browser.desktop();
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", address));
        return context.newPage();
    }

    @Test
    void a_locked_manager_is_told_how_long_to_wait_and_an_administrator_unlocks_them() {
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String manager = "e2e-pm-" + suffix;
        String admin = "e2e-admin-" + suffix;
        accounts.ensureAccount(manager, PASSWORD, "Lãnh đạo Thử", Role.PROVINCE_MANAGER, null);
        accounts.ensureAccount(admin, PASSWORD, "Quản trị Thử", Role.ADMIN, null);

        Page page = from("203.0.113.70");
        for (int i = 0; i < policy.freeFailures(); i++) {
            page.navigate(base() + "/login");
            AuditAndAccountsJourneyTest.logIn(page, manager, "sai-mat-khau-" + i);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        }
        // The test profile's locks last seconds; this one lasts as a production lock would (10 min).
        jdbc.update(
                "UPDATE login_throttle SET locked_until = ? WHERE subject = ?",
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10)),
                "A:" + manager);

        // The right password now: refused, with the wait and whom to ask.
        page.navigate(base() + "/login");
        AuditAndAccountsJourneyTest.logIn(page, manager, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?locked.*"));
        // (the message lives in the log-in form's shadow DOM, which getByText reaches)
        assertThat(page.getByText("Tạm thời chưa thể đăng nhập")).isVisible();
        assertThat(page.getByText(Pattern.compile("thử lại sau khoảng 10 phút, hoặc nhờ quản trị viên mở khoá")))
                .isVisible();
        TestBrowser.screenshot(page, "login-locked");
        Accessibility.assertNoSeriousViolations(page, "login-locked");

        // Where the password could not be checked (the database did not answer, ADR 085), the page
        // says so instead of "wrong password" (SecurityConfiguration.failureUrl sends it there).
        Page busy = from("203.0.113.71");
        busy.navigate(base() + "/login?unavailable");
        assertThat(busy.getByText("Hệ thống đang bận")).isVisible();
        assertThat(busy.getByText(Pattern.compile("Chưa kiểm tra được mật khẩu vì hệ thống tạm thời gián đoạn")))
                .isVisible();
        assertThat(busy.getByText("Sai tên đăng nhập hoặc mật khẩu")).isHidden();
        TestBrowser.screenshot(busy, "login-unavailable");
        Accessibility.assertNoSeriousViolations(busy, "login-unavailable");

        // The administrator (from their own desk) sees the lock and lifts it.
        Page desk = from("10.1.2.3");
        desk.navigate(base() + "/tai-khoan");
        AuditAndAccountsJourneyTest.logIn(desk, admin, PASSWORD);
        assertThat(desk.locator("#accounts")).containsText("tạm khóa đăng nhập đến");
        desk.locator("#accounts vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(manager))
                .first()
                .click();
        assertThat(desk.locator("#unlock-login")).isVisible();
        TestBrowser.screenshot(desk, "accounts-login-locked");
        desk.locator("#unlock-login").click();
        assertThat(desk.locator("#accounts-message")).containsText("Đã mở khóa đăng nhập cho " + manager);
        assertThat(desk.locator("#unlock-login")).isHidden();

        // And the manager logs in, from where the attack came or anywhere else.
        page.navigate(base() + "/login");
        AuditAndAccountsJourneyTest.logIn(page, manager, PASSWORD);
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-app-layout")).containsText(manager);
    }
}
