package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.receipt.QrCodes;
import vn.hailong.receipt.QrImages;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.bench.BenchSettings.intSetting;
import static vn.hailong.bench.BenchSettings.secondsSetting;

/**
 * The receipt QR endpoints ({@code GET /api/v1/dossiers/{code}/qr.png?size=256} and {@code qr.svg}
 * over real HTTP) against drawing the same images of the same links in-process ({@link QrCodes},
 * i.e. ZXing's encoder plus our drawing), at the same number of concurrent clients, in the same run.
 * ZXing's encoder alone is reported too, as the floor under both.
 *
 * <p>Goal: HTTP throughput at least half of the in-process drawing. The benchmark only fails when
 * an answer is wrong, never on speed.
 *
 * <p>The goal's figure comes from the runs with the client on a core of its own ({@link CorePinning}):
 * this JVM (the server) and MariaDB on one core, each client in a JVM of its own on another, and the
 * in-process baseline alone on the server's core, so that both sides of the ratio get the same single
 * core and neither pays for a load generator. In production the one-stop software is the client, on
 * its own machines. Where pinning is impossible (one core, no {@code taskset}) the report says so.
 *
 * <p>The shared-core runs are kept beside them: two clients, {@link HttpClient} (the original figure)
 * and {@link KeepAliveHttpClient}, a minimal keep-alive socket client, on the same cores as server and
 * database. HttpClient's own CPU per request is of the order of the server's, while the in-process
 * side pays no client, which is why those figures understate the server.
 */
@HaiLongTest
@Tag("bench")
class QrEndpointBenchmarkTest {

    static final int CLIENTS = intSetting("bench.qr.clients", 32);
    static final int DOSSIERS = intSetting("bench.qr.dossiers", 400);
    static final int WARMUP = intSetting("bench.qr.warmup", 3000);
    static final int WARMUP_ROUNDS = intSetting("bench.qr.warmupRounds", 3);
    // More rounds while the JIT compilers are still busy (up to this many in all): their CPU counts in the runs'
    // figures, and the server's path (security filters, MVC, JDBC, Tomcat) has far more code to compile than the
    // in-process drawing, so three rounds left the HTTP runs paying 0.2-0.35 cores of compilation.
    static final int MAX_WARMUP_ROUNDS = intSetting("bench.qr.maxWarmupRounds", 12);
    static final double JIT_CALM_CORES = 0.05;
    static final int MEASURED = intSetting("bench.qr.requests", 5000);
    static final Duration TIME_LIMIT = secondsSetting("bench.timeLimitSeconds", 90);
    static final int SIZE = 256;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void qr_endpoints_over_http_compared_with_drawing_the_same_codes_in_process() throws Exception {
        BenchmarkReport report = new BenchmarkReport(
                "qr-endpoints",
                "Receipt QR: GET qr.png (256 px) and qr.svg over HTTP vs the same images drawn in-process, same links, same run");

        // 1. Setup, not counted: dossiers pushed through the API, as the one-stop software would.
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("DEPARTMENT");
        String[] codes = new String[DOSSIERS];
        String[] links = new String[DOSSIERS];
        LoadResult setup = LoadRunner.of("setup: PUT dossiers", 8, DOSSIERS)
                .timeLimit(Duration.ofMinutes(3))
                .run(index -> op -> {
                    codes[op] = TestData.dossierCode(unit, op + 1);
                    links[op] = oneStop.sends(codes[op], OneStopSoftware.dossier(unit, "RECEIVED"))
                            .json()
                            .get("surveyLink")
                            .asString();
                });
        assertThat(setup.failures())
                .as("dossiers not stored: %s", setup.failureSamples())
                .isZero();

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI[] pngs = new URI[DOSSIERS];
        URI[] svgs = new URI[DOSSIERS];
        for (int i = 0; i < DOSSIERS; i++) {
            pngs[i] = URI.create("http://localhost:" + port + "/api/v1/dossiers/" + codes[i] + "/qr.png?size=" + SIZE);
            svgs[i] = URI.create("http://localhost:" + port + "/api/v1/dossiers/" + codes[i] + "/qr.svg");
        }
        LoadRunner.ClientFactory httpPng =
                index -> op -> LoadClient.get(http, pngs[op % DOSSIERS], HaiLongTest.API_KEY, 200);
        LoadRunner.ClientFactory httpSvg =
                index -> op -> LoadClient.get(http, svgs[op % DOSSIERS], HaiLongTest.API_KEY, 200);
        // The same requests from a minimal keep-alive socket client (one connection per client thread):
        // next to java.net.http.HttpClient, whose own CPU per request is taken from the server here.
        byte[][] pngRequests = new byte[DOSSIERS][];
        byte[][] svgRequests = new byte[DOSSIERS][];
        byte[][] floorRequests = new byte[DOSSIERS][];
        for (int i = 0; i < DOSSIERS; i++) {
            pngRequests[i] = KeepAliveHttpClient.request(
                    "localhost", port, pngs[i].getRawPath() + "?" + pngs[i].getRawQuery(), HaiLongTest.API_KEY);
            svgRequests[i] = KeepAliveHttpClient.request("localhost", port, svgs[i].getRawPath(), HaiLongTest.API_KEY);
            floorRequests[i] = KeepAliveHttpClient.request(
                    "localhost", port, pngs[i].getRawPath() + "?" + pngs[i].getRawQuery(), null);
        }
        LoadRunner.ClientFactory socketPng = index -> new KeepAliveHttpClient("localhost", port, pngRequests, 200);
        LoadRunner.ClientFactory socketSvg = index -> new KeepAliveHttpClient("localhost", port, svgRequests, 200);
        LoadRunner.ClientFactory rawPng = index -> op -> consume(QrCodes.png(links[op % DOSSIERS], SIZE).length);
        LoadRunner.ClientFactory rawSvg =
                index -> op -> consume(QrCodes.svg(links[op % DOSSIERS]).length());
        LoadRunner.ClientFactory zxing =
                index -> op -> consume(Encoder.encode(links[op % DOSSIERS], ErrorCorrectionLevel.M, Map.of())
                        .getMatrix()
                        .getWidth());

        // 2. Warm-up (JIT, connections, pools), alternating so that no path warms at the other's expense.
        // The 401 floors are warmed too: their path (the entry point's problem answer) is compiled on its own.
        // At least WARMUP_ROUNDS rounds, then until a whole round ran with the JIT compilers nearly idle.
        LoadRunner.ClientFactory httpFloor = index -> op -> LoadClient.get(http, pngs[op % DOSSIERS], null, 401);
        LoadRunner.ClientFactory socketFloorClient =
                index -> new KeepAliveHttpClient("localhost", port, floorRequests, 401);
        List<LoadResult> warmups = new ArrayList<>();
        int rounds = 0;
        double roundJit = Double.NaN;
        while (rounds < MAX_WARMUP_ROUNDS && (rounds < WARMUP_ROUNDS || !(roundJit < JIT_CALM_CORES))) {
            rounds++;
            List<LoadResult> round = List.of(
                    run("warm-up " + rounds + ": HTTP png", WARMUP, httpPng),
                    run("warm-up " + rounds + ": in-process png", WARMUP, rawPng),
                    run("warm-up " + rounds + ": HTTP svg", WARMUP, httpSvg),
                    run("warm-up " + rounds + ": in-process svg", WARMUP, rawSvg),
                    run("warm-up " + rounds + ": ZXing encode", WARMUP, zxing),
                    run("warm-up " + rounds + ": socket png", WARMUP, socketPng),
                    run("warm-up " + rounds + ": socket svg", WARMUP, socketSvg),
                    run("warm-up " + rounds + ": HTTP floor", WARMUP, httpFloor),
                    run("warm-up " + rounds + ": socket floor", WARMUP, socketFloorClient));
            warmups.addAll(round);
            // The busiest run of the round: compilation comes in bursts, an average would hide them.
            roundJit = round.stream()
                    .mapToDouble(r -> r.machine() == null ? 0 : r.machine().jit())
                    .max()
                    .orElse(0);
        }

        // 3. Measured, each HTTP run next to its in-process baseline.
        LoadResult pngRaw = run("in-process png " + SIZE, MEASURED, rawPng);
        LoadResult pngHttp = run("HTTP qr.png?size=" + SIZE, MEASURED, httpPng);
        LoadResult svgRaw = run("in-process svg", MEASURED, rawSvg);
        LoadResult svgHttp = run("HTTP qr.svg", MEASURED, httpSvg);
        LoadResult encode = run("ZXing encode only", MEASURED, zxing);
        // The transport floor: the same GET without an API key, answered 401 by the security filter.
        LoadResult floor = run("HTTP floor (401, no key)", MEASURED, httpFloor);
        // The same three over the keep-alive socket client, each again next to its in-process baseline.
        LoadResult pngRaw2 = run("in-process png " + SIZE + " (again)", MEASURED, rawPng);
        // MariaDB's own counters around one run: what the server sends per image (nothing else uses this database now).
        DatabaseProbe db = new DatabaseProbe(dataSource);
        Map<String, Long> beforeSocketPng = db.counters();
        LoadResult pngSocket = run("socket client qr.png?size=" + SIZE, MEASURED, socketPng);
        Map<String, Long> afterSocketPng = db.counters();
        LoadResult svgRaw2 = run("in-process svg (again)", MEASURED, rawSvg);
        LoadResult svgSocket = run("socket client qr.svg", MEASURED, socketSvg);
        LoadResult socketFloor = run("socket client floor (401, no key)", MEASURED, socketFloorClient);

        // 3b. The same comparison with the client off the server's core: this JVM (the server) and MariaDB on one
        // core, each HTTP client in a JVM of its own on the other, and the in-process baseline alone on the server's
        // core. Both sides then get the same single core, and neither pays for a client.
        List<String> pngPaths = new ArrayList<>();
        List<String> svgPaths = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            pngPaths.add(pngs[i].getRawPath() + "?" + pngs[i].getRawQuery());
            svgPaths.add(svgs[i].getRawPath());
        }
        List<PinnedComparison> pinnedPairs = new ArrayList<>();
        List<LoadResult> pinnedBaselines = new ArrayList<>();
        List<CorePinning.ClientRun> pinnedClients = new ArrayList<>();
        StringBuilder whyNotPinned = new StringBuilder();
        Optional<CorePinning> pinning = CorePinning.pinServer(whyNotPinned);
        if (pinning.isPresent()) {
            try (CorePinning cores = pinning.get()) {
                Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
                for (String image : List.of("png", "svg")) {
                    LoadResult baseline =
                            run("core 0 alone: in-process " + image, MEASURED, "png".equals(image) ? rawPng : rawSvg);
                    pinnedBaselines.add(baseline);
                    for (String mode : List.of("http", "socket")) {
                        CorePinning.ClientRun client = cores.runClient(
                                "core 1 " + ("http".equals(mode) ? "HttpClient" : "socket client")
                                        + " -> core 0 server: " + image,
                                mode,
                                port,
                                CLIENTS,
                                WARMUP,
                                MEASURED,
                                200,
                                HaiLongTest.API_KEY,
                                "png".equals(image) ? pngPaths : svgPaths,
                                workDir);
                        pinnedClients.add(client);
                        pinnedPairs.add(new PinnedComparison(
                                image + ("http".equals(mode) ? " HttpClient" : " socket    "), baseline, client));
                    }
                }
            }
        }

        // 4. Report.
        List<LoadResult> runs = new ArrayList<>(warmups);
        runs.addAll(List.of(
                pngRaw, pngHttp, svgRaw, svgHttp, encode, floor, pngRaw2, pngSocket, svgRaw2, svgSocket, socketFloor));
        report.section("setup (not counted)")
                .line(
                        "unit %s; %d dossiers stored with PUT /api/v1/dossiers/{code}; the runs cycle through their codes and links",
                        unit, DOSSIERS)
                .results(setup);
        report.section("runs")
                .line(
                        "closed loop, %d clients (platform threads) in every run; latency = request to full answer",
                        CLIENTS)
                .line(
                        "warm-up: %d rounds of every run (at least %d; more until the JIT compilers used under %.2f cores in every"
                                + " run of a round, at most %d); last round's busiest: %.2f cores",
                        rounds, WARMUP_ROUNDS, JIT_CALM_CORES, MAX_WARMUP_ROUNDS, roundJit)
                .line(
                        "HTTP: one java.net.http.HttpClient, HTTP/1.1 keep-alive, Bearer API key; the answer is checked for status 200")
                .line(
                        "  (one look-up of the dossier by code, the link derived by HMAC, the image drawn: nothing is cached)")
                .line(
                        "in-process: QrCodes.png(link, %d) / QrCodes.svg(link) on the client threads: ZXing's encoder and our drawing",
                        SIZE)
                .line("ZXing encode only: Encoder.encode(link, M) without drawing, the floor under both")
                .line(
                        "socket client: the same GETs from a minimal keep-alive HTTP/1.1 client over plain sockets (KeepAliveHttpClient),")
                .line(
                        "  one connection per client thread; it costs the shared CPUs far less per request than java.net.http.HttpClient,")
                .line(
                        "  so its figure is closer to the server's own cost. Each socket run follows its own in-process baseline ('again').")
                .results(runs);
        report.section("result with client, server and MariaDB sharing both cores")
                .line(ratioLine("png " + SIZE + " px: HTTP", pngHttp, pngRaw))
                .line(ratioLine("svg:       HTTP", svgHttp, svgRaw))
                .line(
                        "against ZXing's encoder alone (%.0f/s): png %.2f, svg %.2f",
                        encode.throughput(),
                        pngHttp.throughput() / encode.throughput(),
                        svgHttp.throughput() / encode.throughput())
                .line(
                        "HTTP latency p50 / p95 / p99: png %.2f / %.2f / %.2f ms, svg %.2f / %.2f / %.2f ms",
                        pngHttp.p50(), pngHttp.p95(), pngHttp.p99(), svgHttp.p50(), svgHttp.p95(), svgHttp.p99())
                .line(
                        "in-process p50 / p95 / p99: png %.2f / %.2f / %.2f ms, svg %.2f / %.2f / %.2f ms",
                        pngRaw.p50(), pngRaw.p95(), pngRaw.p99(), svgRaw.p50(), svgRaw.p95(), svgRaw.p99())
                .line(
                        "HTTP transport floor (no key -> 401, no database, no drawing): %.0f requests/s",
                        floor.throughput());
        report.line(
                        "with the keep-alive socket client instead of java.net.http.HttpClient (same server, same in-process baseline):")
                .line(ratioLine("png " + SIZE + " px: socket", pngSocket, pngRaw2))
                .line(ratioLine("svg:       socket", svgSocket, svgRaw2))
                .line(
                        "socket client latency p50 / p95 / p99: png %.2f / %.2f / %.2f ms, svg %.2f / %.2f / %.2f ms",
                        pngSocket.p50(),
                        pngSocket.p95(),
                        pngSocket.p99(),
                        svgSocket.p50(),
                        svgSocket.p95(),
                        svgSocket.p99())
                .line("socket client transport floor (no key -> 401): %.0f requests/s", socketFloor.throughput())
                .line(
                        "MariaDB per image (socket png run, server counters): %s",
                        perImage(
                                beforeSocketPng,
                                afterSocketPng,
                                pngSocket.operations(),
                                "Questions",
                                "Com_select",
                                "Com_stmt_prepare",
                                "Com_stmt_execute",
                                "Com_set_option",
                                "Com_begin",
                                "Com_commit",
                                "Com_rollback",
                                "Bytes_received",
                                "Bytes_sent"));
        if (pngHttp.machine() != null && pngRaw.machine() != null) {
            // On a shared machine throughput follows what else runs; CPU per operation much less so. With nothing
            // else running, the throughput ratio tends to the inverse ratio of CPU per image.
            report.line(
                            "CPU ms per image (this JVM, client included, + MariaDB): png HTTP %.3f vs in-process %.3f, svg HTTP %.3f vs"
                                    + " in-process %.3f;",
                            cpuMillisPerOp(pngHttp),
                            cpuMillisPerOp(pngRaw),
                            cpuMillisPerOp(svgHttp),
                            cpuMillisPerOp(svgRaw))
                    .line(
                            "  throughput ratio those costs predict for a machine with nothing else running: png %.2f, svg %.2f",
                            cpuMillisPerOp(pngRaw) / cpuMillisPerOp(pngHttp),
                            cpuMillisPerOp(svgRaw) / cpuMillisPerOp(svgHttp));
            if (pngSocket.machine() != null && pngRaw2.machine() != null) {
                report.line(
                                "CPU ms per image with the socket client: png %.3f vs in-process %.3f, svg %.3f vs in-process %.3f;",
                                cpuMillisPerOp(pngSocket),
                                cpuMillisPerOp(pngRaw2),
                                cpuMillisPerOp(svgSocket),
                                cpuMillisPerOp(svgRaw2))
                        .line(
                                "  predicted ratio with nothing else running: png %.2f, svg %.2f",
                                cpuMillisPerOp(pngRaw2) / cpuMillisPerOp(pngSocket),
                                cpuMillisPerOp(svgRaw2) / cpuMillisPerOp(svgSocket));
            }
        }
        // Who pays: the server's threads against the clients'. HttpClient's own CPU per request is of the order of
        // the server's, while the in-process baseline pays no client at all.
        report.line(
                "CPU ms per request by thread group (server = Tomcat's threads and the virtual-thread carriers it runs"
                        + " requests on; client = the rest of this JVM):");
        for (LoadResult r : List.of(pngHttp, svgHttp, floor, pngSocket, svgSocket, socketFloor)) {
            if (r.machine() != null) {
                report.line("  %-34s %s", r.name() + ":", threadSplit(r));
            }
        }
        report.section("client on a core of its own (the goal's figure)");
        if (pinning.isEmpty()) {
            report.line("not measured: %s", whyNotPinned);
        } else {
            report.line(
                            "this JVM (server) and MariaDB pinned to CPU %d; each client in its own JVM (LoadClient, %d threads, %d warm-up",
                            CorePinning.SERVER_CPU, CLIENTS, WARMUP)
                    .line(
                            "  requests, then %d measured) on CPU %d; the in-process baseline runs alone on CPU %d right before its HTTP runs.",
                            MEASURED, CorePinning.CLIENT_CPU, CorePinning.SERVER_CPU)
                    .line(
                            "  busy = share of each core's time in use during the measured run: a server core near 100 percent and a")
                    .line("  client core below it mean that the server, not the client, set the pace.");
            for (LoadResult baseline : pinnedBaselines) {
                report.line(
                        "%-40s %6.0f/s  p50 / p95 / p99 %.2f / %.2f / %.2f ms",
                        baseline.name(), baseline.throughput(), baseline.p50(), baseline.p95(), baseline.p99());
            }
            for (CorePinning.ClientRun c : pinnedClients) {
                report.line(
                        "%-40s %6.0f/s  p50 / p95 / p99 %.2f / %.2f / %.2f ms, failures %d, busy: server core %.0f%%, client core %.0f%%",
                        c.name(),
                        c.throughput(),
                        c.p50(),
                        c.p95(),
                        c.p99(),
                        c.failures(),
                        100 * c.serverCoreBusy(),
                        100 * c.clientCoreBusy());
            }
            for (PinnedComparison pair : pinnedPairs) {
                double ratio = pair.client().throughput() / pair.baseline().throughput();
                report.line(
                        "%s %.0f/s vs in-process %.0f/s on the same core: ratio %.2f  goal >= 0.50: %s",
                        pair.label(),
                        pair.client().throughput(),
                        pair.baseline().throughput(),
                        ratio,
                        ratio >= 0.5 ? "MET" : "NOT MET");
            }
        }
        byte[] png = QrCodes.png(links[0], SIZE);
        String svg = QrCodes.svg(links[0]);
        report.section("environment")
                .line(
                        "image sizes for a link of %d characters: png %d bytes, svg %d bytes (before compression)",
                        links[0].length(), png.length, svg.getBytes(StandardCharsets.UTF_8).length)
                .line(
                        "client, application and MariaDB share this machine's CPUs; other processes (other builds) make figures noisy:")
                .line("the 'other processes' figure in each cpu line says how much.");
        report.finish();

        // Sanity only: every request answered, and what the endpoints serve scans to the dossiers' links.
        for (LoadResult r : runs) {
            assertThat(r.failures())
                    .as("%s failed: %s", r.name(), r.failureSamples())
                    .isZero();
            assertThat(r.timedOut())
                    .as("%s stopped by the time limit", r.name())
                    .isFalse();
        }
        for (CorePinning.ClientRun c : pinnedClients) {
            assertThat(c.failures())
                    .as("%s failed: %s", c.name(), c.firstFailure())
                    .isZero();
            assertThat(c.operations())
                    .as("%s stopped by its time limit", c.name())
                    .isEqualTo(MEASURED);
        }
        ApiClient api = oneStop.api();
        for (int i : new int[] {0, DOSSIERS / 2, DOSSIERS - 1}) {
            assertThat(QrImages.decodePng(api.getBytes("/api/v1/dossiers/" + codes[i] + "/qr.png?size=" + SIZE)
                            .body()))
                    .isEqualTo(links[i]);
            assertThat(QrImages.decodeSvg(api.getBytes("/api/v1/dossiers/" + codes[i] + "/qr.svg")
                            .text()))
                    .isEqualTo(links[i]);
        }
    }

    /** An HTTP run with its client on a core of its own, and the in-process baseline it is compared with. */
    record PinnedComparison(String label, LoadResult baseline, CorePinning.ClientRun client) {}

    static LoadResult run(String name, int operations, LoadRunner.ClientFactory clients) throws InterruptedException {
        // Platform threads: the in-process baseline is CPU-bound, and on virtual threads it would get no more
        // carriers than cores, so on a shared machine it would lose CPU to other processes that the HTTP runs,
        // with their many server and database threads, do not lose.
        return LoadRunner.of(name, CLIENTS, operations)
                .platformThreads()
                .timeLimit(TIME_LIMIT)
                .run(clients);
    }

    /** "server 0.52, HttpClient 0.20, other client threads 0.15, JIT+GC 0.01, MariaDB 0.10 ms". */
    static String threadSplit(LoadResult r) {
        MachineLoad.Usage u = r.machine();
        double perOp = r.elapsedSeconds() * 1000 / r.operations();
        double rest = u.jvm() - u.server() - u.httpClient() - u.jit() - u.gc();
        return String.format(
                Locale.ROOT,
                "server %.3f, HttpClient threads %.3f, client threads and the rest %.3f, JIT+GC %.3f, MariaDB %.3f ms",
                u.server() * perOp,
                u.httpClient() * perOp,
                rest * perOp,
                (u.jit() + u.gc()) * perOp,
                u.children() * perOp);
    }

    static String perImage(Map<String, Long> before, Map<String, Long> after, int operations, String... counters) {
        StringBuilder line = new StringBuilder();
        for (String counter : counters) {
            if (before.containsKey(counter) && after.containsKey(counter)) {
                line.append(line.isEmpty() ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "%s %.2f",
                                counter,
                                (after.get(counter) - before.get(counter)) / (double) operations));
            }
        }
        return line.toString();
    }

    /** Keeps the JIT from dropping work whose result nobody reads. */
    static volatile int sink;

    static void consume(int value) {
        sink += value;
    }

    /** "{label} 900/s vs in-process 2800/s: ratio 0.32  goal >= 0.50: NOT MET". */
    static String ratioLine(String label, LoadResult served, LoadResult inProcess) {
        double ratio = served.throughput() / inProcess.throughput();
        return String.format(
                Locale.ROOT,
                "%s %.0f/s vs in-process %.0f/s: ratio %.2f  goal >= 0.50: %s",
                label,
                served.throughput(),
                inProcess.throughput(),
                ratio,
                ratio >= 0.5 ? "MET" : "NOT MET");
    }

    /** CPU milliseconds (this JVM and MariaDB together) per operation of a run. */
    static double cpuMillisPerOp(LoadResult r) {
        return (r.machine().jvm() + r.machine().children()) * r.elapsedSeconds() * 1000 / r.operations();
    }
}
