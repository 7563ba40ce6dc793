package vn.hailong.e2e;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account management and the audit log in real chromium, with real log-ins through the form: an
 * administrator creates an account, its owner must replace the one-time password, a disabled
 * account can no longer log in, and the auditor reads (intact chain), filters and exports the
 * log in which all of it — log-ins, failures, account changes, the export — is recorded.
 */
@HaiLongTest
@Tag("browser")
class AuditAndAccountsJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    static void logIn(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
    }

    List<Map<String, Object>> audit(String action, String actor) {
        return jdbc.queryForList(
                "SELECT seq, actor, subject, details FROM audit_entry WHERE action = ? AND actor = ? ORDER BY seq",
                action,
                actor);
    }

    @Test
    void an_administrator_manages_an_account_and_the_auditor_reads_and_exports_the_log() throws Exception {
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String admin = "e2e-admin-" + suffix;
        String auditor = "e2e-auditor-" + suffix;
        String user = "e2e-user-" + suffix;
        accounts.ensureAccount(admin, PASSWORD, "Quản trị Thử", Role.ADMIN, null);
        accounts.ensureAccount(auditor, PASSWORD, "Kiểm tra viên Thử", Role.AUDITOR, null);
        String unit = new OneStopSoftware(port).registersUnit("COMMUNE");

        // The administrator logs in: recorded.
        Page page = browser.desktop().newPage();
        page.navigate(base() + "/tai-khoan");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        logIn(page, admin, PASSWORD);
        assertThat(page.locator("#accounts")).isVisible();
        assertThat(audit("LOGIN_SUCCEEDED", admin)).hasSize(1);

        // A password that breaks the policy is refused with a readable message; nothing is created.
        page.locator("#new-username input").fill(user);
        page.locator("#new-display-name input").fill("Nguyễn Văn Thử");
        page.locator("#new-role").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Lãnh đạo đơn vị"))
                .click();
        page.locator("#new-unit input").fill(unit);
        page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText(unit))
                .first()
                .click();
        page.locator("#new-password input").fill("ngan1");
        page.locator("#create-account").click();
        assertThat(page.locator("#accounts-message")).containsText("ít nhất 10 ký tự");
        assertThat(accounts.find(user)).isEmpty();

        String initial = "Khoi-tao-2026x";
        page.locator("#new-password input").fill(initial);
        page.locator("#create-account").click();
        assertThat(page.locator("#accounts-message")).containsText("Đã tạo tài khoản " + user);
        assertThat(page.locator("#accounts")).containsText("Nguyễn Văn Thử");
        assertThat(accounts.find(user)).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.UNIT_MANAGER);
            assertThat(a.enabled()).isTrue();
        });
        assertThat(accounts.mustChangePassword(user)).isTrue();
        assertThat(audit("ACCOUNT_CHANGED", admin)).last().satisfies(e -> {
            assertThat(e.get("subject")).isEqualTo("account " + user);
            assertThat((String) e.get("details"))
                    .contains("created", "UNIT_MANAGER", unit)
                    .doesNotContain(initial);
        });
        TestBrowser.screenshot(page, "accounts-created");
        Accessibility.assertNoSeriousViolations(page, "accounts");

        // Its owner logs in with the one-time password and is made to choose their own first.
        Page owner = browser.desktop().newPage();
        owner.navigate(base() + "/bang-dieu-khien");
        logIn(owner, user, initial);
        assertThat(owner).hasURL(Pattern.compile(".*/doi-mat-khau"));
        owner.navigate(base() + "/bang-dieu-khien");
        assertThat(owner).hasURL(Pattern.compile(".*/doi-mat-khau"));
        TestBrowser.screenshot(owner, "change-password");
        owner.locator("#current-password input").fill(initial);
        owner.locator("#new-password input").fill("Cua-toi-rieng-77");
        owner.locator("#new-password-again input").fill("Cua-toi-rieng-77");
        owner.locator("#change-password").click();
        assertThat(owner).not().hasURL(Pattern.compile(".*/doi-mat-khau"));
        assertThat(accounts.mustChangePassword(user)).isFalse();
        owner.navigate(base() + "/bang-dieu-khien");
        assertThat(owner.locator("#dashboard")).isVisible();

        // The administrator disables the account: its open session ends and it can no longer log in.
        // (the account just created is still selected)
        assertThat(page.locator("#selected-account")).containsText("Tài khoản " + user);
        assertThat(page.locator("#toggle-enabled")).hasText("Khóa tài khoản");
        page.locator("#toggle-enabled").click();
        assertThat(page.locator("#accounts-message")).containsText("Đã khóa " + user);
        assertThat(page.locator("#accounts")).containsText("ĐÃ KHÓA");
        TestBrowser.screenshot(page, "accounts-disabled");
        owner.navigate(base() + "/bang-dieu-khien");
        assertThat(owner).hasURL(Pattern.compile(".*/login.*"));
        logIn(owner, user, "Cua-toi-rieng-77");
        assertThat(owner).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(audit("LOGIN_FAILED", user))
                .last()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo("DisabledException"));

        // The auditor mistypes the password once (recorded), then logs in: the chain is intact,
        // the log filters by user, and the CSV download holds it.
        Page audit = browser.desktop().newPage();
        audit.navigate(base() + "/nhat-ky-kiem-toan");
        logIn(audit, auditor, "wrong-password-1");
        assertThat(audit).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(audit("LOGIN_FAILED", auditor))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo("BadCredentialsException"));
        logIn(audit, auditor, PASSWORD);
        assertThat(audit.locator("#audit-verification")).containsText("Toàn vẹn");
        audit.locator("#audit-actor input").fill(admin);
        assertThat(audit.locator("#audit-entries")).containsText("account " + user);
        assertThat(audit.locator("#audit-entries")).not().containsText(auditor);
        TestBrowser.screenshot(audit, "audit-log");
        Accessibility.assertNoSeriousViolations(audit, "audit-log");
        Download csv = audit.waitForDownload(() -> audit.locator("#audit-csv").click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).get(0)).isEqualTo("seq");
        assertThat(records.subList(1, records.size()))
                .allSatisfy(r -> assertThat(r.get(2)).contains(admin));
        assertThat(records.subList(1, records.size()))
                .extracting(r -> r.get(3))
                .contains("LOGIN_SUCCEEDED", "ACCOUNT_CHANGED");
        assertThat(audit("EXPORT", auditor))
                .last()
                .satisfies(e -> assertThat((String) e.get("details")).contains("user " + admin));

        // An auditor may not manage accounts.
        audit.navigate(base() + "/tai-khoan");
        assertThat(audit.locator("#access-denied")).isVisible();
    }
}
