package vn.hailong.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's chromium driven by Playwright, as a JUnit extension:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestBrowser browser = new TestBrowser();
 * ...
 * Page page = browser.phone().newPage();
 * </pre>
 *
 * Starts one headless chromium per test class (never downloads a browser: Playwright's own
 * builds cannot be fetched here), gives fresh phone- and desktop-sized contexts, writes screenshots
 * to {@code ${hailong.build-dir:target}/screenshots/}, and when a test fails screenshots every page
 * it left open ({@code FAILED-<test>-<n>.png}). Contexts made during a test are closed after it.
 * A missing chromium fails the tests: browser tests are never skipped silently.
 */
public final class TestBrowser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /** Long enough for Vaadin dev mode's first page load on a busy 2-core machine. */
    public static final double TIMEOUT_MS = 30_000;

    private static final List<String> ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    /**
     * Vaadin dev mode (the test suite runs in it) floats its dev tools and Copilot toolbar over
     * the page; hidden so that screenshots show what citizens and managers see in production.
     */
    private static final String HIDE_DEV_TOOLS = """
            document.addEventListener('DOMContentLoaded', () => {
              const style = document.createElement('style');
              style.textContent = 'vaadin-dev-tools, copilot-main { display: none !important; }';
              document.head.append(style);
            });""";

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Browser tests need Debian's chromium at " + CHROMIUM
                    + ", which is missing. Install it with: apt-get install -y chromium");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            int n = 0;
            for (BrowserContext c : contexts) {
                for (Page page : c.pages()) {
                    try {
                        screenshot(
                                page,
                                "FAILED-" + context.getRequiredTestMethod().getName() + "-" + (++n));
                    } catch (RuntimeException e) {
                        // the page may be gone; the test's own failure is what matters
                    }
                }
            }
        }
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh context the size of a common phone (390×844 CSS pixels, touch, 2× density), in Vietnamese. */
    public BrowserContext phone() {
        return newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setDeviceScaleFactor(2)
                .setLocale("vi-VN")
                .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/140.0.0.0 Mobile Safari/537.36"));
    }

    /** A fresh context the size of the smallest phones still in use (320×640 CSS pixels, touch), in Vietnamese. */
    public BrowserContext smallPhone() {
        return newContext(new Browser.NewContextOptions()
                .setViewportSize(320, 640)
                .setIsMobile(true)
                .setHasTouch(true)
                .setDeviceScaleFactor(2)
                .setLocale("vi-VN"));
    }

    /** A phone-sized context with JavaScript switched off (pages must still work: plain forms). */
    public BrowserContext phoneWithoutJavaScript() {
        return newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setJavaScriptEnabled(false)
                .setLocale("vi-VN"));
    }

    /** A fresh context the size of an office laptop screen (1366×900), in Vietnamese. */
    public BrowserContext desktop() {
        return newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("vi-VN"));
    }

    /** A fresh context the size of a counter tablet (e.g. 1280×800 landscape, 800×1280 portrait), touch, in Vietnamese. */
    public BrowserContext tablet(int width, int height) {
        return newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setHasTouch(true)
                .setLocale("vi-VN"));
    }

    /**
     * A counter tablet whose browser keeps its profile in {@code userDataDir} (cookies, local storage,
     * service workers), as a kiosk's chromium does: closing the context quits that browser, and
     * calling this again with the same folder is the tablet rebooted. Closed after the test.
     */
    public BrowserContext persistentTablet(Path userDataDir, int width, int height) {
        if (playwright == null) {
            throw new IllegalStateException("register TestBrowser as a static @RegisterExtension field");
        }
        BrowserContext context = playwright
                .chromium()
                .launchPersistentContext(
                        userDataDir,
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(CHROMIUM)
                                .setHeadless(true)
                                .setArgs(ARGS)
                                .setViewportSize(width, height)
                                .setHasTouch(true)
                                .setLocale("vi-VN")
                                .setTimezoneId("Asia/Ho_Chi_Minh"));
        context.addInitScript(HIDE_DEV_TOOLS);
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context;
    }

    private BrowserContext newContext(Browser.NewContextOptions options) {
        if (browser == null) {
            throw new IllegalStateException("register TestBrowser as a static @RegisterExtension field");
        }
        BrowserContext context = browser.newContext(options.setTimezoneId("Asia/Ho_Chi_Minh"));
        context.addInitScript(HIDE_DEV_TOOLS);
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context;
    }

    /**
     * Moves the managers' dashboard (which opens on the last complete month) to the month running
     * today, where the test fixtures put their figures; waits until the headline says so.
     */
    public static void dashboardOnThisMonth(Page page) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Locator day = page.locator("#period-day input");
        day.fill(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today));
        day.press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#scope-label")).containsText("tính đến");
    }

    /** The folder screenshots go to. */
    public static Path screenshotDir() {
        return Paths.get(System.getProperty("hailong.build-dir", "target"), "screenshots");
    }

    /** Saves a full-page screenshot as {@code screenshots/NAME.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = screenshotDir().resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
