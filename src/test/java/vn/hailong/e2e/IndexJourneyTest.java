package vn.hailong.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.index.MethodologyService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index end to end in chromium: a province manager computes a month, reviews the draft (a unit
 * without ratings is flagged), publishes it and opens a unit's explanation; the unit's manager sees
 * the same explanation; a manager enters indicators; anyone reads the open data and downloads CSV.
 */
@HaiLongTest
@Tag("browser")
class IndexJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MethodologyService methodologies;

    @Test
    void compute_review_publish_and_explain() {
        String base = "http://localhost:" + port;
        OneStopSoftware oneStop = new OneStopSoftware(port);
        ApiClient api = oneStop.api();
        String group = "PG-" + TestData.uniqueSuffix();
        String scheme = "e2e-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        String manager = "e2e-tinh-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(manager, PASSWORD, "Nguyễn Thị Quản Lý", Role.PROVINCE_MANAGER, null);
        UserDetails user = accounts.loadUserByUsername(manager);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        methodologies.addVersion(
                scheme,
                "H56",
                null,
                "Thử nghiệm trình duyệt",
                methodologies.forYear("default", 2026).definition().withMinimumRatings(0));
        SecurityContextHolder.clearContext();

        String unitA = unit(api, group, "Sở Tư pháp");
        String unitB = unit(api, group, "Sở Công Thương");
        String unitC = unit(api, group, "Sở Ngoại vụ");
        LocalDate day = LocalDate.of(2026, 8, 12);
        int seq = 3000;
        for (String overall : List.of("VERY_SATISFIED", "VERY_SATISFIED", "SATISFIED", "DISSATISFIED")) {
            rate(oneStop, dossier(oneStop, unitA, day, ++seq, 3), overall);
        }
        rate(oneStop, dossier(oneStop, unitB, day, ++seq, 3), "VERY_SATISFIED");
        rate(oneStop, dossier(oneStop, unitB, day, ++seq, -2), "SATISFIED");
        dossier(oneStop, unitC, day, ++seq, 3);
        assertThat(api.put(
                                "/api/v1/units/" + unitA + "/indicators/2026-08",
                                Map.of("indicator5", 2, "indicator6", 2, "indicator9", 1.5))
                        .status())
                .isEqualTo(200);

        // compute
        Page page = browser.desktop().newPage();
        page.navigate(base + "/index");
        logIn(page, manager);
        assertThat(page.locator("#compute")).isVisible();
        page.locator("#scheme").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(scheme).setExact(true))
                .click();
        page.locator("#period input").fill("2026-8");
        page.locator("#compute").click();
        assertThat(page.locator("#period")).hasAttribute("invalid", "");
        assertThat(page.locator("#period")).containsText("Kỳ không hợp lệ");
        page.locator("#period input").fill("2026-08");
        page.locator("#compute").click();

        // review the draft
        assertThat(page.locator("#review-title")).containsText("Bản nháp kỳ 2026-08 · " + scheme + " v1");
        assertThat(page.locator("#publish")).isVisible();
        assertThat(page.locator("#review-summary")).containsText("Chưa ai đánh dấu đã kiểm tra");
        page.locator("#review").click();
        assertThat(page.locator("#review-summary")).containsText("Đã kiểm tra: " + manager);
        List<String> rowC = row(page, "#results", unitC);
        assertThat(rowC.get(1)).contains("Chưa có đánh giá").contains("Không xếp hạng");
        List<String> rowA = row(page, "#results", unitA);
        assertThat(rowA.getFirst()).contains("Sở Tư pháp").contains(unitA).contains(group);
        assertThat(rowA.subList(2, 10))
                .containsExactly(
                        "4", "4", "75,00 %KTC 95 %: 30,06–95,45 %; n = 4", rowA.get(5), rowA.get(6), "27,38", "2", "—");
        assertThat(row(page, "#results", unitB).get(8)).isEqualTo("1");
        page.locator("#review-title").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "index-1-draft-review");
        // scanned once the notification has faded out (mid-fade its text fails the contrast rule)
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "index review");

        // publish
        page.locator("#publish").click();
        assertThat(page.locator("#confirm-publish")).isVisible();
        TestBrowser.screenshot(page, "index-2-confirm-publish");
        page.locator("#confirm-publish").click();
        assertThat(page.locator("#review-title")).containsText("Kết quả đã công bố kỳ 2026-08");
        assertThat(page.locator("#publish")).isHidden();
        assertThat(page.locator("#snapshots")).containsText("Đã công bố");

        // explain a unit
        cell(page, "#results", unitA).click();
        assertThat(page).hasURL(Pattern.compile(".*/index/explain\\?.*"));
        assertThat(page.locator("#explanation")).containsText("9 chỉ số theo Thông tư 01/2018");
        assertThat(page.locator("#indicators")).containsText("Đơn vị nhập");
        assertThat(page.locator("#tt01-sum")).containsText("Tổng =");
        assertThat(page.locator("#par")).containsText("27,38");
        assertThat(page.locator("#ratios")).containsText("Hồ sơ hài lòng");
        String explainUrl = page.url();
        TestBrowser.screenshot(page, "index-3-explain");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "explain");

        // the unit's own manager sees the same explanation, and no other unit
        String head = "e2e-sotp-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(head, PASSWORD, "Trưởng phòng Sở Tư pháp", Role.UNIT_MANAGER, unitA);
        Page unitPage = browser.desktop().newPage();
        unitPage.navigate(explainUrl);
        logIn(unitPage, head);
        unitPage.navigate(explainUrl);
        assertThat(unitPage.locator("#par")).containsText("27,38");
        unitPage.locator("#explain-unit").click();
        assertThat(unitPage.getByRole(AriaRole.OPTION)).hasCount(1);
        unitPage.keyboard().press("Escape");
        TestBrowser.screenshot(unitPage, "index-4-explain-unit-manager");

        // indicator entry with history
        page.navigate(base + "/index/indicators");
        page.locator("#indicator-unit input").fill(unitA);
        page.getByRole(AriaRole.OPTION).first().click();
        page.locator("#indicator-period input").fill("2026-09");
        page.locator("#indicator5 input").fill("3");
        page.locator("#indicator-save").click();
        assertThat(page.locator("#indicator5")).hasAttribute("invalid", "");
        // the Vietnamese decimal comma
        page.locator("#indicator5 input").fill("1,5");
        page.locator("#indicator6 input").fill("2");
        page.locator("#indicator-save").click();
        assertThat(page.locator("#indicator-history")).containsText("Chỉ số 6");
        assertThat(page.locator("#indicator-history")).containsText(manager);
        assertThat(page.locator("#indicator5 input")).hasValue("1,50");
        TestBrowser.screenshot(page, "index-5-indicators");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "indicator entry");

        // open data, no log-in
        Page anonymous = browser.desktop().newPage();
        anonymous.navigate(base + "/open-data");
        assertThat(anonymous.locator("h1")).containsText("Dữ liệu mở");
        anonymous.locator("#open-data-period").click();
        anonymous
                .getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2026-08 · " + scheme))
                .click();
        assertThat(anonymous.locator("#open-data-results")).containsText(unitA);
        Download download = anonymous.waitForDownload(
                () -> anonymous.locator("#open-data-csv").click());
        try {
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(csv).contains(unitA + ",Sở Tư pháp " + unitA + "," + group + ",4,4,75.00,");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        TestBrowser.screenshot(anonymous, "index-6-open-data");
        Accessibility.assertNoSeriousViolations(anonymous, "open data");

        // on a phone the page is no wider than the screen: the table scrolls inside itself, nothing is cut off the page
        Page phone = browser.phone().newPage();
        phone.navigate(base + "/open-data");
        phone.locator("#open-data-period").click();
        phone.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2026-08 · " + scheme))
                .click();
        assertThat(phone.locator("#open-data-results")).containsText(unitA);
        assertThat(phone.locator("#open-data-results")).containsText("KTC 95 %");
        phone.keyboard().press("Escape");
        phone.waitForTimeout(400);
        Number pageWidth = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
        Assertions.assertThat(pageWidth.intValue()).isLessThanOrEqualTo(390);
        Number gridRight = (Number)
                phone.evaluate("() => document.querySelector('#open-data-results').getBoundingClientRect().right");
        Assertions.assertThat(gridRight.doubleValue()).isLessThanOrEqualTo(390);
        TestBrowser.screenshot(phone, "index-6b-open-data-phone");
        phone.locator("#open-data-results").evaluate("g => g.$.table.scrollLeft = 10000");
        TestBrowser.screenshot(phone, "index-6c-open-data-phone-scrolled");

        // a correction: unit C's rating arrives late; the province corrects the published month with a reason
        rate(oneStop, dossier(oneStop, unitC, day, ++seq, 3), "VERY_SATISFIED");
        page.navigate(base + "/index");
        page.locator("#scheme").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(scheme).setExact(true))
                .click();
        page.locator("#period input").fill("2026-08");
        page.locator("#compute").click();
        assertThat(page.locator("#period")).containsText("đã công bố");
        page.locator("#compute-correction").click();
        assertThat(page.locator("#review-title")).containsText("Bản nháp kỳ 2026-08");
        assertThat(page.locator("#review-summary")).containsText("bản đính chính");
        assertThat(page.locator("#publish")).hasText("Công bố bản đính chính");
        page.locator("#publish").click();
        page.locator("#confirm-publish").click();
        assertThat(page.locator("#correction-reason")).hasAttribute("invalid", "");
        page.locator("#correction-reason textarea").fill("Bổ sung đánh giá của Sở Ngoại vụ bị chậm đồng bộ");
        TestBrowser.screenshot(page, "index-7-confirm-correction");
        page.locator("#confirm-publish").click();
        assertThat(page.locator("#review-title")).containsText("Kết quả đã công bố kỳ 2026-08");
        assertThat(page.locator("#snapshots")).containsText("Đã được đính chính");
        assertThat(page.locator("#snapshots")).containsText("Đã công bố (đính chính)");
        assertThat(row(page, "#results", unitC).get(3)).isEqualTo("1");
        anonymous.navigate(base + "/open-data");
        anonymous.locator("#open-data-period").click();
        anonymous
                .getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2026-08 · " + scheme))
                .click();
        assertThat(anonymous.locator("main")).containsText("Bổ sung đánh giá của Sở Ngoại vụ");

        // a new methodology version from a copy; broken rules are named, nothing is stored
        page.navigate(base + "/index/methodology");
        page.locator("#methodology-scheme").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(scheme).setExact(true))
                .click();
        assertThat(page.locator("#methodology-title")).containsText(scheme + " phiên bản 1");
        assertThat(page.locator("#methodology-rules")).containsText("satisfiedMinPoints");
        page.locator("#methodology-copy").click();
        String rules = page.locator("#methodology-definition textarea").inputValue();
        page.locator("#methodology-definition textarea")
                .fill(rules.replace("\"withinPeerGroups\" : true", "\"withinPeerGroups\" : \"có\""));
        page.locator("#methodology-save").click();
        assertThat(page.locator("#methodology-definition")).hasAttribute("invalid", "");
        assertThat(page.locator("#methodology-definition")).containsText("withinPeerGroups");
        TestBrowser.screenshot(page, "index-8-methodology-error");
        page.locator("#methodology-definition textarea")
                .fill(rules.replace("\"withinPeerGroups\" : true", "\"withinPeerGroups\" : false"));
        page.locator("#methodology-name input").fill("Xếp hạng chung toàn tỉnh");
        page.locator("#methodology-year input").fill("2027");
        page.locator("#methodology-save").click();
        assertThat(page.locator("#methodology-title")).containsText(scheme + " phiên bản 2 — Xếp hạng chung toàn tỉnh");
        assertThat(page.locator("#m-ranking-rule")).containsText("chung mọi đơn vị");
        TestBrowser.screenshot(page, "index-9-methodology");
        // the form: a field at fault is named next to it, nothing is stored until all are valid
        page.locator("#methodology-edit").click();
        page.locator("#m-ranking-minimumRatings input").fill("-1");
        page.locator("#methodology-form-save").click();
        assertThat(page.locator("#m-ranking-minimumRatings")).hasAttribute("invalid", "");
        assertThat(page.locator("#m-ranking-minimumRatings")).containsText("từ 0 đến 100000");
        TestBrowser.screenshot(page, "index-9b-methodology-form-error");
        page.locator("#m-ranking-minimumRatings input").fill("30");
        page.locator("#methodology-form-save").click();
        assertThat(page.locator("#methodology-title")).containsText(scheme + " phiên bản 3");
        assertThat(page.locator("#m-ranking-rule")).containsText("dưới 30 lượt đánh giá");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "methodology");

        // the log-in page leads the public to the open data
        Page visitor = browser.desktop().newPage();
        visitor.navigate(base + "/login");
        visitor.locator("#open-data-link").click();
        assertThat(visitor.locator("h1")).containsText("Dữ liệu mở");
    }

    private static String unit(ApiClient api, String group, String name) {
        String code = TestData.agencyCode();
        assertThat(api.put(
                                "/api/v1/units/" + code,
                                Map.of("name", name + " " + code, "kind", "DEPARTMENT", "peerGroup", group))
                        .status())
                .isEqualTo(201);
        return code;
    }

    private static String dossier(OneStopSoftware oneStop, String unit, LocalDate day, int seq, int dueDaysAfter) {
        String code = TestData.dossierCode(unit, seq);
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RETURNED");
        body.put("receivedAt", OneStopSoftware.at(day.minusDays(10), "08:00"));
        body.put("dueAt", OneStopSoftware.at(day.plusDays(dueDaysAfter), "09:00"));
        body.put("returnedAt", OneStopSoftware.at(day, "10:00"));
        oneStop.sends(code, body);
        return code;
    }

    private static void rate(OneStopSoftware oneStop, String dossier, String overall) {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, overall);
        if (overall.equals("DISSATISFIED")) {
            rating.put("reasons", List.of("SLOW"));
        }
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);
    }

    private static void logIn(Page page, String username) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        assertThat(page.locator("vaadin-login-form")).hasCount(0);
    }

    private static Locator cell(Page page, String grid, String unitCode) {
        return page.locator(grid + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHas(page.locator("[id='unit-" + unitCode + "']")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> row(Page page, String grid, String unitCode) {
        Locator codeCell = cell(page, grid, unitCode);
        assertThat(codeCell).isVisible();
        return (List<String>) codeCell.evaluate("""
                cell => [...cell.assignedSlot.closest('tr').querySelectorAll('td slot')]
                    .map(slot => (slot.assignedElements()[0]?.textContent ?? '').trim())""");
    }
}
