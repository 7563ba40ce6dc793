package vn.hailong.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;

import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.OneStopSoftware;
import vn.hailong.directory.DirectoryService;
import vn.hailong.e2e.TestBrowser;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.kiosk.KioskSignals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server heap per open kiosk page with Vaadin in production mode (the production bundle that
 * {@code ./mvnw package} builds), in a context of its own.
 *
 * <pre>./mvnw verify -Pbench -Dtest=KioskProductionMemoryBenchmarkTest</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
@Tag("bench")
class KioskProductionMemoryBenchmarkTest {

    @RegisterExtension
    static final TestBrowser browser = new TestBrowser();

    static final int PAGES = 20;

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    KioskSignals signals;

    @Test
    void memory_per_open_kiosk_page_in_production_mode() {
        BenchmarkReport report = new BenchmarkReport(
                "kiosk-memory-production", "Kiosk: server heap per open kiosk page, production mode");
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String base = "http://localhost:" + port;
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 600, 5);
        Page tablet = browser.tablet(1280, 800).newPage();
        tablet.navigate(base + site.enrolmentPath(devices));
        tablet.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Xin mời ông/bà đánh giá mức độ hài lòng"))
                .waitFor();
        oneStop.api()
                .post(
                        "/api/v1/counters/" + site.counterCode() + "/handover",
                        Map.of("dossierCode", oneStop.sendsReceivedDossier(site.unit()), "officerId", "cb-bench"));
        tablet.locator(".kiosk-face-button").first().waitFor();

        Cookie credential = tablet.context().cookies().stream()
                .filter(c -> c.name.equals(KioskDeviceService.COOKIE))
                .findFirst()
                .orElseThrow();
        long before = KioskBenchmarkTest.retainedHeap();
        int pagesBefore = signals.openPages();
        List<BrowserContext> contexts = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            BrowserContext context = browser.tablet(1280, 800);
            context.addCookies(List.of(new Cookie(credential.name, credential.value)
                    .setDomain("localhost")
                    .setPath("/")));
            Page page = context.newPage();
            page.navigate(base + "/kiosk");
            page.locator(".kiosk-face-button").first().waitFor();
            contexts.add(context);
        }
        assertThat(signals.openPages()).isEqualTo(pagesBefore + PAGES);
        long after = KioskBenchmarkTest.retainedHeap();
        report.section("Server heap per open kiosk page (" + PAGES
                        + " pages showing a survey, each its own session, production mode)")
                .line(
                        "retained heap before %.1f MB, after %.1f MB: %.0f KB per kiosk page (goal ≤ 500 KB)",
                        before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / PAGES);
        contexts.forEach(BrowserContext::close);
        report.finish();
        System.out.println(report.text());
    }
}
