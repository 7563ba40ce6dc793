package vn.hailong.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.TestPropertySource;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.Page;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.receipt.QrImages;
import vn.hailong.security.AccountAdminService;
import vn.hailong.security.AccountService;
import vn.hailong.security.LoginThrottlePolicy;
import vn.hailong.security.Role;
import vn.hailong.security.TwoFactorService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor log-in as production has it (administrators and province managers), in real
 * chromium: the first log-in enrols an authenticator app (its QR code, read back with ZXing, and
 * a code the test computes as the app would), the recovery codes are shown once; later log-ins
 * ask for the code, take a recovery code once, refuse a replayed code, and lock after wrong ones.
 */
@HaiLongTest
@Tag("browser")
@TestPropertySource(properties = "hailong.security.two-factor.roles=ADMIN,PROVINCE_MANAGER")
// A context of its own next to the shared one: put the shared one's security strategy back afterwards.
@ExtendWith(KeepsSecurityStrategy.class)
class TwoFactorLogInJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";
    private static final TimeBasedOneTimePasswordGenerator APP =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAdminService admin;

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    LoginThrottlePolicy policy;

    @Autowired
    JdbcTemplate jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    /** What the authenticator app shows at {@code at} for a secret as the enrolment page prints it. */
    static String code(String secret, Instant at) throws Exception {
        byte[] key = new Base32().decode(secret.replace(" ", ""));
        return APP.generateOneTimePasswordString(new SecretKeySpec(key, "HmacSHA1"), at);
    }

    Page logIn(String username, String address) {
        var context = browser.desktop();
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", address));
        Page page = context.newPage();
        page.navigate(base() + "/bang-dieu-khien");
        AuditAndAccountsJourneyTest.logIn(page, username, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/xac-thuc-hai-buoc"));
        return page;
    }

    @Test
    void a_province_manager_enrols_an_app_then_logs_in_with_its_codes_or_a_recovery_code() throws Exception {
        String manager = "e2e-2fa-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, PASSWORD, "Lãnh đạo Sở Nội vụ", Role.PROVINCE_MANAGER, null);

        // First log-in: the password alone opens nothing; the app must be enrolled.
        Page page = logIn(manager, "10.0.0.21");
        assertThat(page.locator("#totp-qr")).isVisible();
        page.navigate(base() + "/bang-dieu-khien");
        assertThat(page).hasURL(Pattern.compile(".*/xac-thuc-hai-buoc"));
        String secret = page.locator("#totp-secret").innerText();
        // The QR code carries the same secret, readable by a phone's camera (once the browser has
        // decoded the image: a screenshot taken before that is blank, seen once in CI).
        page.waitForFunction("() => { const i = document.querySelector('#totp-qr');"
                + " return i !== null && i.complete && i.naturalWidth > 0; }");
        String scanned = QrImages.decodePng(page.locator("#totp-qr").screenshot());
        assertThat(scanned)
                .startsWith("otpauth://totp/")
                .contains("secret=" + secret.replace(" ", ""))
                .contains(manager);
        TestBrowser.screenshot(page, "two-factor-enrol");
        Accessibility.assertNoSeriousViolations(page, "two-factor-enrol");

        page.locator("#enrol-code input").fill("123 45");
        page.locator("#confirm-enrolment").click();
        assertThat(page.locator("#second-factor-message")).containsText("Mã không đúng");
        page.locator("#enrol-code input").fill(code(secret, Instant.now()));
        page.locator("#confirm-enrolment").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        List<String> recovery = page.locator("#recovery-codes li").allInnerTexts();
        TestBrowser.screenshot(page, "two-factor-recovery-codes");
        page.locator("#continue-after-enrolment").click();
        assertThat(page.locator("#dashboard")).isVisible();
        assertThat(page.locator("vaadin-app-layout")).containsText(manager);

        // Next log-in, elsewhere: the code is asked for; a wrong one is refused, a recovery code works once.
        Page second = logIn(manager, "10.0.0.22");
        assertThat(second.locator("#second-factor-code")).isVisible();
        assertThat(second.locator("#totp-qr")).hasCount(0);
        TestBrowser.screenshot(second, "two-factor-code");
        Accessibility.assertNoSeriousViolations(second, "two-factor-code");
        second.locator("#second-factor-code input").fill(wrongCode(secret));
        second.locator("#verify-code").click();
        assertThat(second.locator("#second-factor-message")).containsText("Mã không đúng");
        second.locator("#second-factor-code input").fill(recovery.getFirst().toLowerCase());
        second.locator("#verify-code").click();
        assertThat(second.locator("#dashboard")).isVisible();
        assertThat(twoFactor.recoveryCodesLeft(manager)).isEqualTo(9);

        // And with the app's code (the next one: the enrolment's was already used).
        Page third = logIn(manager, "10.0.0.23");
        third.locator("#second-factor-code input")
                .fill(code(secret, Instant.now().plusSeconds(30)));
        third.locator("#verify-code").click();
        assertThat(third.locator("#dashboard")).isVisible();

        // A used recovery code never works again.
        Page fourth = logIn(manager, "10.0.0.24");
        fourth.locator("#second-factor-code input").fill(recovery.getFirst());
        fourth.locator("#verify-code").click();
        assertThat(fourth.locator("#second-factor-message")).containsText("Mã không đúng");

        assertThat(jdbc.queryForList(
                        "SELECT details FROM audit_entry WHERE action = 'LOGIN_SUCCEEDED' AND actor = ? ORDER BY seq",
                        String.class,
                        manager))
                .contains("second factor: recovery code", "second factor: authenticator code");
    }

    @Test
    void a_code_works_once_wrong_codes_lock_and_an_administrator_can_reset_the_app() throws Exception {
        String manager = "e2e-2fb-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, PASSWORD, "Lãnh đạo Sở", Role.PROVINCE_MANAGER, null);
        var details = new WebAuthenticationDetails("203.0.113.50", null);
        var pending = UsernamePasswordAuthenticationToken.authenticated(
                manager, null, List.of(new SimpleGrantedAuthority(TwoFactorService.PENDING_AUTHORITY)));
        pending.setDetails(details);
        TwoFactorService.Enrolment enrolment = twoFactor.newEnrolment(manager);
        twoFactor.enrol(pending, enrolment.secret(), code(enrolment.secret(), Instant.now()));

        String next = code(enrolment.secret(), Instant.now().plusSeconds(30));
        assertThat(twoFactor.verify(pending, next)).isEqualTo(TwoFactorService.Outcome.ACCEPTED);
        assertThat(twoFactor.verify(pending, next)).as("replayed").isEqualTo(TwoFactorService.Outcome.WRONG);
        for (int i = 1; i < policy.freeFailures(); i++) {
            assertThat(twoFactor.verify(pending, wrongCode(enrolment.secret())))
                    .isEqualTo(TwoFactorService.Outcome.WRONG);
        }
        assertThat(twoFactor.verify(pending, code(enrolment.secret(), Instant.now())))
                .as("even the right code, once locked")
                .isEqualTo(TwoFactorService.Outcome.LOCKED);

        String administrator = "e2e-adm-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(administrator, PASSWORD, "Quản trị", Role.ADMIN, null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        administrator, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            assertThat(admin.resetTwoFactor(manager).twoFactorEnrolled()).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(twoFactor.enrolled(manager)).isFalse();
        assertThat(twoFactor.recoveryCodesLeft(manager)).isZero();
    }

    /** A six-digit code the app shows at no step around now. */
    static String wrongCode(String secret) throws Exception {
        List<String> valid = List.of(
                code(secret, Instant.now().minusSeconds(30)),
                code(secret, Instant.now()),
                code(secret, Instant.now().plusSeconds(30)),
                code(secret, Instant.now().plusSeconds(60)));
        for (int candidate = 100000; ; candidate++) {
            if (!valid.contains(String.valueOf(candidate))) {
                return String.valueOf(candidate);
            }
        }
    }
}
