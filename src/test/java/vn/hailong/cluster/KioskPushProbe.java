package vn.hailong.cluster;

import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Kiosks of the cluster proof in Debian's chromium (ADR 086): each tablet is enrolled on one app
 * node (opened straight on it, as a sticky balancer would keep it), and handovers for its counter
 * are sent to another node. The time from the start of the handover call to the survey on the
 * tablet is the cross-node push latency; the proof reports its p50, p95 and worst.
 */
final class KioskPushProbe implements AutoCloseable {

    record Tablet(String device, String counter, int node, Page page) {}

    private final Playwright playwright;
    private final Browser browser;
    final List<Tablet> tablets = new ArrayList<>();
    final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> misses = new ConcurrentLinkedQueue<>();

    KioskPushProbe() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** Opens a one-time enrolment for the device (as an administrator's link would) and enrols a tablet on this node. */
    void enrol(Connection db, String device, String counter, int node, String nodeBase) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (PreparedStatement s = db.prepareStatement("UPDATE kiosk_device SET enrolment_hash = UNHEX(SHA2(?, 256)), "
                + "enrolment_expires_at = UTC_TIMESTAMP(6) + INTERVAL 15 MINUTE WHERE code = ?")) {
            s.setString(1, token);
            s.setString(2, device);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no kiosk device " + device);
            }
        }
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        page.navigate(nodeBase + "/kiosk-device/enrol/" + token);
        page.getByText("Xin mời ông/bà đánh giá mức độ hài lòng")
                .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        tablets.add(new Tablet(device, counter, node, page));
    }

    /** Waits for the dossier's survey on the tablet; records the time since {@code startNanos}, or a miss. */
    void awaitSurvey(Tablet t, String dossier, long startNanos) {
        String tail = dossier.substring(dossier.length() - 4);
        try {
            t.page().getByText("Hồ sơ …" + tail).waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            millis.add((System.nanoTime() - startNanos) / 1_000_000);
        } catch (RuntimeException e) {
            misses.add(dossier + " on " + t.device() + " (node " + t.node() + "): "
                    + e.getClass().getSimpleName());
        }
    }

    String report() {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples; misses " + misses.size();
        }
        return "samples %d, p50 %d ms, p95 %d ms, worst %d ms; not shown within 10 s %d"
                .formatted(sorted.size(), pct(sorted, 50), pct(sorted, 95), sorted.getLast(), misses.size());
    }

    long p95() {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : pct(sorted, 95);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
