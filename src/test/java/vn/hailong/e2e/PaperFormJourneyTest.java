package vn.hailong.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * Paper forms keyed in chromium: a clerk keys a form (a mistake first, named on its field), keys
 * the same serial again (refused), a second clerk keys it blind with a different reason, and the
 * unit head reads the mismatch on the paper-form checks page.
 */
@HaiLongTest
@Tag("browser")
class PaperFormJourneyTest {

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

    static void logIn(Page page, String username) {
        AuditAndAccountsJourneyTest.logIn(page, username, PASSWORD);
    }

    static void choose(Page page, String criterion, String label) {
        page.locator("#answer-" + criterion)
                .getByRole(
                        AriaRole.RADIO,
                        new Locator.GetByRoleOptions().setName(label).setExact(true))
                .check();
    }

    static void keyForm(Page page, String serial, String dossierCode, String overall, String reason) {
        if (serial != null) {
            page.locator("#serial input").fill(serial);
        }
        page.locator("#dossier-code input").fill(dossierCode);
        choose(page, "overall", overall);
        if (reason != null) {
            page.locator("#reasons")
                    .getByRole(
                            AriaRole.CHECKBOX,
                            new Locator.GetByRoleOptions().setName(reason).setExact(true))
                    .check();
        }
        page.locator("#save").click();
    }

    @Test
    void two_clerks_key_a_form_blind_and_the_unit_head_sees_where_they_differ() {
        String suffix = TestData.uniqueSuffix().toLowerCase();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("DEPARTMENT");
        String dossier = oneStop.sendsReturnedDossier(unit, Instant.now().minus(3, ChronoUnit.HOURS));
        String clerk = "e2e-nhap1-" + suffix;
        String secondClerk = "e2e-nhap2-" + suffix;
        String head = "e2e-lanhdao-" + suffix;
        accounts.ensureAccount(clerk, PASSWORD, "Nhập phiếu Một", Role.DATA_ENTRY, unit);
        accounts.ensureAccount(secondClerk, PASSWORD, "Nhập phiếu Hai", Role.DATA_ENTRY, null);
        accounts.ensureAccount(head, PASSWORD, "Lãnh đạo Sở", Role.UNIT_MANAGER, unit);
        String serial = "PK-" + suffix.toUpperCase();

        Page page = browser.desktop().newPage();
        page.navigate(base() + "/nhap-phieu");
        logIn(page, clerk);
        assertThat(page.locator("#serial")).isVisible();

        // "Không hài lòng" without its reason: refused on the reasons, nothing stored.
        page.locator("#serial input").fill(serial);
        page.locator("#dossier-code input").fill(dossier);
        choose(page, "overall", "Không hài lòng");
        assertThat(page.locator("#reasons")).isVisible();
        page.locator("#save").click();
        assertThat(page.locator("#result")).containsText("Chưa lưu");
        assertThat(page.locator("#reasons")).hasAttribute("invalid", "");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM paper_form WHERE serial = ?", Long.class, serial))
                .isZero();

        page.locator("#reasons")
                .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Giải quyết chậm, trễ hẹn"))
                .check();
        page.locator("#save").click();
        assertThat(page.locator("#result")).containsText("Đã lưu phiếu " + serial + " của hồ sơ " + dossier);
        assertThat(page.locator("#serial input")).hasValue("");
        assertThat(page.locator("#answer-overall")
                        .getByRole(
                                AriaRole.RADIO,
                                new Locator.GetByRoleOptions()
                                        .setName("Không hài lòng")
                                        .setExact(true)))
                .not()
                .isChecked();
        TestBrowser.screenshot(page, "paper-form-keyed");
        Accessibility.assertNoSeriousViolations(page, "paper form");

        // The same form keyed again (a double tap, a second pile): refused on the serial.
        keyForm(page, serial, dossier, "Không hài lòng", "Giải quyết chậm, trễ hẹn");
        assertThat(page.locator("#serial")).hasAttribute("invalid", "");
        assertThat(page.locator("#serial")).containsText("đã được nhập");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        Long.class,
                        dossier))
                .isEqualTo(1);

        // The second clerk keys it blind, ticking another reason.
        Page second = browser.desktop().newPage();
        second.navigate(base() + "/nhap-phieu/lan-hai");
        logIn(second, secondClerk);
        second.locator("#awaiting").getByText(serial).click();
        assertThat(second.locator("#serial input")).hasValue(serial);
        keyForm(second, null, dossier, "Không hài lòng", "Thái độ cán bộ chưa tốt");
        assertThat(second.locator("#result")).containsText("KHÁC nhau ở lý do");
        TestBrowser.screenshot(second, "paper-form-second-keying");

        // The unit head reads the mismatch.
        Page manager = browser.desktop().newPage();
        manager.navigate(base() + "/phieu-giay");
        logIn(manager, head);
        assertThat(manager.locator("#paper-form-figures")).containsText("Đã nhập 1 phiếu");
        assertThat(manager.locator("#paper-form-figures")).containsText("1 phiếu có hai lần nhập khác nhau");
        assertThat(manager.locator("#paper-form-mismatches")).containsText(serial);
        assertThat(manager.locator("#paper-form-mismatches")).containsText(dossier);
        TestBrowser.screenshot(manager, "paper-form-checks");
        // And on the dashboard's integrity panel, with the way to the list.
        manager.navigate(base() + "/bang-dieu-khien");
        manager.locator("#breakdowns").getByText("Kiểm tra số liệu").click();
        assertThat(manager.locator("#integrity-paper-forms")).containsText("đã nhập 1");
        assertThat(manager.locator("#integrity-paper-forms")).containsText("hai lần nhập khác nhau: 1");
        manager.locator("#integrity-paper-forms")
                .getByText("Xem các phiếu khác nhau")
                .click();
        assertThat(manager.locator("#paper-form-mismatches")).containsText(serial);

        // A clerk sees nothing of the managers' pages.
        page.navigate(base() + "/phieu-giay");
        assertThat(page.locator("#paper-form-mismatches")).hasCount(0);
    }
}
