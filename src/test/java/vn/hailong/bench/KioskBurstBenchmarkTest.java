package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.RollupProbe;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.kiosk.DeviceSummary;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.bench.BenchSettings.intSetting;

/**
 * The morning after an outage: every kiosk tablet's outbox resends at once. {@code bench.kiosk.devices} (50) enrolled
 * devices, each with {@code bench.kiosk.perDevice} (200) ratings, each of a dossier of its own, POSTed to
 * {@code /kiosk-device/ratings} (device cookie, {@code X-Hailong-Kiosk: 1}) in shuffled order over
 * {@code bench.kiosk.connections} concurrent connections, by default one per device: a tablet's outbox sends its ratings
 * one after the other ({@code frontend/kiosk/kiosk-client.js}, {@code flush}), so a fleet of 50 tablets has at most 50
 * requests in flight (more, e.g. 300, model a harsher client than a tablet); then {@code bench.kiosk.duplicatesPercent} (10 %) of
 * them are resent a second time, as an outbox does when an answer was lost, some of them while the first send is
 * still under way.
 *
 * <p>Reports throughput and p50/p95/p99 of the burst, the answers by status (201 stored, 200 replay of a rating stored
 * before), and the time from the burst's end until the rollups count every rating (goal: at most 10 s). Fails only
 * when something is wrong: a 5xx or any other failed answer, a rating missing or stored twice, rollups that never
 * converge (60 s). The client runs in a JVM of its own on the other core when it can ({@link CorePinning}), else in
 * this JVM.
 */
@HaiLongTest
@Tag("bench")
class KioskBurstBenchmarkTest {

    static final int DEVICES = intSetting("bench.kiosk.devices", 50);
    static final int PER_DEVICE = intSetting("bench.kiosk.perDevice", 200);
    static final int CONNECTIONS = intSetting("bench.kiosk.connections", DEVICES);
    static final int DUPLICATES_PERCENT = intSetting("bench.kiosk.duplicatesPercent", 10);
    /** Ratings (of dossiers of their own) sent before the burst, warming the server's and the client's JIT. */
    static final int WARMUP = intSetting("bench.kiosk.warmup", 1000);

    static final String CLIENT_MODE = System.getProperty("bench.kiosk.clientMode", "socket");
    static final Duration CONVERGE_GOAL = Duration.ofSeconds(10);
    static final Duration CONVERGE_LIMIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ten_thousand_outbox_resends_at_once() throws Exception {
        BenchmarkReport report = new BenchmarkReport(
                "kiosk-burst",
                "Kiosk burst: %d outbox resends (%d devices x %d) at once to POST /kiosk-device/ratings, %d connections"
                        .formatted(DEVICES * PER_DEVICE, DEVICES, PER_DEVICE, CONNECTIONS));
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String run = TestData.uniqueSuffix();

        // 1. Setup, not counted: a service centre with a counter and an enrolled device per tablet, a dossier per
        // rating.
        long setupStarted = System.nanoTime();
        String unit = oneStop.registersUnit("SERVICE_CENTRE");
        String centre = "TT-" + run;
        directory.upsertCentre(centre, "Trung tâm đo tải " + run, unit);
        String[] credentials = new String[DEVICES];
        for (int d = 0; d < DEVICES; d++) {
            String counter = "Q-" + run + "-" + d;
            directory.upsertCounter(counter, "Quầy " + d, centre);
            String code = ("kiosk-" + run + "-" + d).toLowerCase(Locale.ROOT);
            DeviceSummary device = KioskFixture.asAdmin(() -> devices.register(code, counter, "vi", 60, 5));
            String url = KioskFixture.asAdmin(() -> devices.openEnrolment(device.id()))
                    .url();
            credentials[d] =
                    devices.enrol(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();
        }
        int burst = DEVICES * PER_DEVICE;
        int ratings = WARMUP + burst;
        RatingIngestionBenchmarkTest.DossierTemplate template = new RatingIngestionBenchmarkTest.DossierTemplate(unit);
        String[] codes = new String[ratings];
        for (int i = 0; i < RatingIngestionBenchmarkTest.OFFICERS; i++) { // the procedure and the officers first
            codes[i] = intake.upsert(template.code(i), template.submission(i))
                    .dossier()
                    .code();
        }
        LoadResult setup = LoadRunner.of(
                        "setup: dossiers via DossierIntakeService", 32, ratings - RatingIngestionBenchmarkTest.OFFICERS)
                .timeLimit(Duration.ofMinutes(5))
                .run(index -> op -> {
                    int i = RatingIngestionBenchmarkTest.OFFICERS + op;
                    codes[i] = intake.upsert(template.code(i), template.submission(i))
                            .dossier()
                            .code();
                });
        assertThat(setup.failures())
                .as("dossiers not stored: %s", setup.failureSamples())
                .isZero();
        double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;

        // The requests: rating i comes from device i % DEVICES. Warm-up first (in order), then the burst shuffled,
        // then the duplicates (a random sample of the burst, shuffled again) right behind it.
        List<LoadClient.Request> warmup = new ArrayList<>();
        for (int i = 0; i < WARMUP; i++) {
            warmup.add(request(run, i, codes[i], credentials[i % DEVICES]));
        }
        List<LoadClient.Request> originals = new ArrayList<>();
        for (int i = WARMUP; i < ratings; i++) {
            originals.add(request(run, i, codes[i], credentials[i % DEVICES]));
        }
        Random random = new Random(42);
        Collections.shuffle(originals, random);
        List<LoadClient.Request> duplicates = new ArrayList<>(originals.subList(0, burst * DUPLICATES_PERCENT / 100));
        Collections.shuffle(duplicates, random);
        List<LoadClient.Request> sent = new ArrayList<>(originals);
        sent.addAll(duplicates);

        // 2. The burst.
        RollupProbe rollups = new RollupProbe(jdbc);
        StringBuilder whyNotPinned = new StringBuilder();
        Optional<CorePinning> pinning = CorePinning.pinServer(whyNotPinned);
        CorePinning.ClientRun result;
        String how;
        if (pinning.isPresent()) {
            try (CorePinning cores = pinning.get()) {
                List<String> lines = new ArrayList<>(LoadClient.lines(warmup));
                lines.addAll(LoadClient.lines(sent));
                how =
                        "server and MariaDB pinned to CPU %d, the client (LoadClient, %s, %d connections) in its own JVM on CPU %d"
                                .formatted(CorePinning.SERVER_CPU, CLIENT_MODE, CONNECTIONS, CorePinning.CLIENT_CPU);
                result = cores.runClient(
                        "burst",
                        CLIENT_MODE,
                        Integer.toString(port),
                        CONNECTIONS,
                        WARMUP,
                        sent.size(),
                        0,
                        lines,
                        List.of(),
                        Path.of(System.getProperty("java.io.tmpdir")));
            }
        } else {
            how = "client in this JVM (java.net.http.HttpClient, %d virtual threads) sharing the cores; not pinned: %s"
                    .formatted(CONNECTIONS, whyNotPinned);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            URI base = URI.create("http://localhost:" + port);
            LoadRunner.of("warm-up", CONNECTIONS, WARMUP)
                    .run(index -> op -> LoadClient.send(http, base, warmup.get(op), null));
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            LoadResult r = LoadRunner.of("burst", CONNECTIONS, sent.size())
                    .timeLimit(Duration.ofMinutes(5))
                    .run(index -> op -> LoadClient.send(http, base, sent.get(op), statuses));
            Map<Integer, Integer> byStatus = new TreeMap<>();
            statuses.forEach((k, v) -> byStatus.put(k, v.get()));
            result = new CorePinning.ClientRun(
                    "burst",
                    r.operations(),
                    r.failures(),
                    r.elapsedNanos(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.failureSamples().isEmpty() ? "-" : r.failureSamples().getFirst(),
                    Double.NaN,
                    Double.NaN,
                    byStatus,
                    WARMUP,
                    0);
        }
        long burstEnded = System.nanoTime();
        long inRollups = rollups.awaitConverged(unit, CONVERGE_LIMIT);
        double convergeSeconds = (System.nanoTime() - burstEnded) / 1e9;
        long counted = rollups.countedRatingsOf(unit);
        boolean converged = inRollups == counted;

        // 3. Report.
        int replays = result.statuses().getOrDefault(200, 0);
        report.section("setup (not counted)")
                .line(
                        "unit %s, centre %s, %d counters with one enrolled device each; %d dossiers through DossierIntakeService: %.1f s",
                        unit, centre, DEVICES, ratings, setupSeconds)
                .results(setup);
        report.section("burst")
                .line(how)
                .line(
                        "warm-up: %d ratings (dossiers of their own) before the burst; burst: %d ratings shuffled across the devices, then %d",
                        WARMUP, burst, duplicates.size())
                .line(
                        "  of them (%d %%) resent a second time right behind it; closed loop: a connection sends its next request when its",
                        DUPLICATES_PERCENT)
                .line("  previous one has answered, so all %d requests are waiting from the start", sent.size())
                .line(
                        "%d requests in %.2f s: %.0f/s; p50 / p95 / p99 %.1f / %.1f / %.1f ms; failures %d (first: %s)",
                        result.operations(),
                        result.elapsedNanos() / 1e9,
                        result.throughput(),
                        result.p50(),
                        result.p95(),
                        result.p99(),
                        result.failures(),
                        result.firstFailure())
                .line("answers by status: %s; 5xx: %d", result.statuses(), result.serverErrors())
                .line(
                        "replays (200, resends of a stored rating): %d of %d duplicates (%.0f %%)",
                        replays, duplicates.size(), duplicates.isEmpty() ? 0 : 100.0 * replays / duplicates.size());
        if (!Double.isNaN(result.serverCoreBusy())) {
            report.line(
                    "busy during the burst: server core %.0f %%, client core %.0f %%",
                    100 * result.serverCoreBusy(), 100 * result.clientCoreBusy());
        }
        long stored = count("SELECT COUNT(*) FROM rating WHERE idempotency_key LIKE ?", "kb-" + run + "-%");
        long storedDossiers =
                count("SELECT COUNT(DISTINCT dossier_id) FROM rating WHERE idempotency_key LIKE ?", "kb-" + run + "-%");
        report.section("stored and rolled up")
                .line(
                        "ratings stored: %d (burst %d + warm-up %d expected), on %d distinct dossiers",
                        stored, burst, WARMUP, storedDossiers)
                .line(
                        "rollups counted every rating %.2f s after the burst ended%s  goal <= %d s: %s",
                        convergeSeconds,
                        converged ? "" : " (NOT converged: " + inRollups + " of " + counted + ")",
                        CONVERGE_GOAL.toSeconds(),
                        converged && convergeSeconds <= CONVERGE_GOAL.toSeconds() ? "MET" : "NOT MET");
        report.finish();

        // Sanity only.
        assertThat(result.serverErrors())
                .as("5xx answers: %s", result.statuses())
                .isZero();
        assertThat(result.failures() + result.warmupFailures())
                .as("failed: %s", result.firstFailure())
                .isZero();
        assertThat(result.operations()).as("stopped by the time limit").isEqualTo(sent.size());
        assertThat(result.statuses()).containsEntry(201, burst).containsEntry(200, duplicates.size());
        assertThat(stored).isEqualTo(ratings);
        assertThat(storedDossiers).isEqualTo(ratings);
        assertThat(converged)
                .as("rollups of %s converged within %s: %d of %d", unit, CONVERGE_LIMIT, inRollups, counted)
                .isTrue();
    }

    /** One outbox resend: the device's cookie and client header, a rating of its own dossier. */
    static LoadClient.Request request(String run, int i, String dossierCode, String credential) {
        String body = """
                {"idempotencyKey":"kb-%s-%d","dossierCode":"%s","answers":{"overall":"%s","attitude":"SATISFIED"},"reasons":[]}""".formatted(run, i, dossierCode, i % 3 == 0 ? "VERY_SATISFIED" : "SATISFIED");
        return LoadClient.Request.json(
                "POST",
                "/kiosk-device/ratings",
                body,
                null,
                List.of("X-Hailong-Kiosk: 1", "Cookie: " + KioskDeviceService.COOKIE + "=" + credential),
                201,
                200);
    }

    long count(String sql, String parameter) {
        return jdbc.queryForObject(sql, Long.class, parameter);
    }
}
