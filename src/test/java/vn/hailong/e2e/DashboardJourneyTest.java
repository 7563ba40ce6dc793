package vn.hailong.e2e;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * A unit head's week in real chromium: log in, read the month's figures, drill down to a sub-unit,
 * download the table on screen and the PDF report, read the unhappy citizens' comments and open a
 * dossier. Screenshots (desktop and tablet) land in {@code target/screenshots/}.
 */
@HaiLongTest
@Tag("browser")
class DashboardJourneyTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    private static final String PASSWORD = "e2e-Passw0rd!";

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
    void a_unit_head_logs_in_drills_down_and_exports() throws Exception {
        DashboardFixture f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        String head = "e2e-head-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(head, PASSWORD, "Trưởng phòng Thử", Role.UNIT_MANAGER, f.parent);
        String base = "http://localhost:" + port;

        Page page = browser.desktop().newPage();
        page.navigate(base + "/bang-dieu-khien");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        page.locator("input[name=username]").fill(head);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();

        assertThat(page.locator("#dashboard")).isVisible();
        TestBrowser.dashboardOnThisMonth(page);
        assertThat(page.locator("#card-returned .value")).hasText("14");
        assertThat(page.locator("#card-ratings .value")).hasText("12");
        assertThat(page.locator("#card-satisfaction .value")).hasText("75,0 %");
        assertThat(page.locator("#unit-tree")).containsText("Sở Thử nghiệm Bảng điều khiển");
        assertThat(page.locator("#unit-tree")).not().containsText("Xã Thử nghiệm khác");
        // Charts (ECharts, drawn as SVG) with their figures as the accessible name.
        assertThat(page.locator("#chart-rate-trend svg")).isVisible();
        assertThat(page.locator("#chart-ratings-trend svg")).isVisible();
        assertThat(page.locator("#chart-answers")).hasAttribute("role", "img");
        assertThat(page.locator("#chart-answers"))
                .hasAttribute("aria-label", Pattern.compile(".*12 lượt.*không hài lòng 3 \\(25,0 %\\).*"));
        assertThat(page.locator("#chart-rate-trend"))
                .hasAttribute("aria-label", Pattern.compile(".*hài lòng 75,0 %.*được đánh giá 85,7 %.*"));
        assertThat(page.locator("#chart-answers svg text")
                        .filter(new Locator.FilterOptions().setHasText("Không hài lòng"))
                        .first())
                .isVisible();
        // The running month says so, with its sample and interval.
        assertThat(page.locator("#running-note")).containsText("cùng");
        assertThat(page.locator("#card-satisfaction")).containsText("n = 12 · KTC 95 %: 46,8–91,1 %");
        TestBrowser.screenshot(page, "dashboard-overview");
        page.locator("#chart-answers").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "dashboard-charts");
        Accessibility.assertNoSeriousViolations(page, "dashboard-overview");

        // Drill down: the department, then its sub-unit.
        cell(page, "#by-unit", f.parent).click();
        assertThat(page.locator("#scope-label")).containsText("và các đơn vị trực thuộc");
        cell(page, "#by-unit", f.child).click();
        assertThat(page.locator("#scope-label")).containsText("Chi cục Thử nghiệm");
        assertThat(page.locator("#card-returned .value")).hasText("6");
        TestBrowser.screenshot(page, "dashboard-drilldown");

        // At 1440 px (a manager's desktop) the unit names and the headers managers read are whole,
        // not cut with "…": a cell's text never runs past its box.
        page.setViewportSize(1440, 900);
        page.locator("#scope-all").click();
        assertThat(page.locator("#card-returned .value")).hasText("14");
        Object cut = page.evaluate(
                "() => ['#unit-tree', '#by-unit'].flatMap(id => [...document.querySelectorAll(id + ' vaadin-grid-cell-content')])"
                        + ".filter(e => e.offsetParent !== null && e.textContent.trim() && e.scrollWidth > e.clientWidth + 1)"
                        + ".map(e => e.textContent.trim())");
        assertThat((List<?>) cut)
                .as("texts cut off in the tree and the unit table at 1440 px")
                .isEmpty();
        TestBrowser.screenshot(page, "dashboard-1440");
        cell(page, "#by-unit", f.parent).click();
        cell(page, "#by-unit", f.child).click();
        assertThat(page.locator("#card-returned .value")).hasText("6");

        // Export the table on screen (the sub-unit's row) and the PDF report.
        Download csv =
                page.waitForDownload(() -> page.locator("#export-table-csv").click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        // One header row (no title row), then the sub-unit's row; the file's name says which unit.
        assertThat(csv.suggestedFilename()).contains(f.child);
        assertThat(records.get(0).get(0)).isEqualTo("Đơn vị");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(1)).isEqualTo(f.child);
        assertThat(records.get(1).get(2)).isEqualTo("6");
        Download pdf =
                page.waitForDownload(() -> page.locator("#export-report-pdf").click());
        assertThat(pdf.suggestedFilename()).startsWith("bao-cao-" + f.child).endsWith(".pdf");
        assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        // Back to everything, the unhappy citizens' comments, then one dossier.
        page.locator("#scope-all").click();
        assertThat(page.locator("#card-returned .value")).hasText("14");
        page.locator("#breakdowns").getByText("Ý kiến không hài lòng").click();
        assertThat(page.locator("#unhappy")).containsText("Trả kết quả chậm");
        page.locator("#unhappy").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "dashboard-unhappy");
        Accessibility.assertNoSeriousViolations(page, "dashboard-unhappy");
        page.locator("#breakdowns").getByText("Giờ × thứ").click();
        assertThat(page.locator("#by-hour")).containsText("Thứ 2");
        assertThat(page.locator("#chart-hours")).hasAttribute("aria-label", Pattern.compile(".*12 lượt; nhiều nhất.*"));
        page.locator("#chart-hours").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "dashboard-hours");
        Accessibility.assertNoSeriousViolations(page, "dashboard-hours");

        page.locator("#breakdowns").getByText("Ý kiến không hài lòng").click();
        page.locator("#unhappy a", new Page.LocatorOptions().setHasText(f.unhappyDossier.code()))
                .click();
        assertThat(page.locator("#dossier-ratings")).isVisible();
        assertThat(page.locator("#dossier-facts")).containsText("Thủ tục thử");
        TestBrowser.screenshot(page, "dossier-ratings");

        // A tablet held upright: the tree goes above the figures, nothing is cut off.
        page.setViewportSize(820, 1180);
        page.navigate(base + "/bang-dieu-khien");
        TestBrowser.dashboardOnThisMonth(page);
        assertThat(page.locator("#card-ratings .value")).hasText("12");
        TestBrowser.screenshot(page, "dashboard-tablet");
        page.locator("#breakdowns").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "dashboard-tablet-details");
        page.locator("#chart-criteria").scrollIntoViewIfNeeded();
        TestBrowser.screenshot(page, "dashboard-tablet-charts");
        // (A grid's own columns may scroll sideways inside it, and a chart's drawing is clipped to
        // its SVG box; the page itself must not.)
        Object overflow = page.evaluate(
                "() => [...document.querySelectorAll('#dashboard *')]"
                        + ".filter(e => !e.closest('vaadin-grid') && !(e instanceof SVGElement && e.ownerSVGElement))"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        assertThat((List<?>) overflow)
                .as("elements reaching beyond the tablet's width")
                .isEmpty();
    }

    /** The grid cell showing exactly {@code text}. */
    private static Locator cell(Page page, String grid, String text) {
        return page.locator(grid + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("^"
                                + Pattern.quote(text)
                                        .replace("\\Q", "")
                                        .replace("\\E", "")
                                        .replace(".", "\\.") + "$")))
                // A grid keeps the cells of rows it no longer shows, hidden, for reuse.
                .filter(new Locator.FilterOptions().setVisible(true));
    }
}
