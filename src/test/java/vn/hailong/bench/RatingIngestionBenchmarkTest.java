package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.RollupProbe;
import vn.hailong.TestData;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.platform.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.bench.BenchSettings.intSetting;
import static vn.hailong.bench.BenchSettings.secondsSetting;

/**
 * Rating ingestion: the integrator API ({@code POST /api/v1/ratings} over real HTTP) against the
 * floor the database sets (raw JDBC: the same rows, INSERT + INSERT + COMMIT), on the same MariaDB
 * in the same run, at 200 concurrent clients.
 *
 * <p>Goal: HTTP throughput at least half of raw JDBC, p99 under 50 ms at 200 clients. The
 * benchmark reports whether the goal is met; it only fails when something is wrong (a rating not
 * stored, a row missing), never on speed.
 *
 * <p>The baseline gives each of its clients its own JDBC connection (DriverManager, to the same
 * URL and server as the application's pool): it measures what the database does with 200
 * concurrent writers. Borrowing from the application's pool (40 connections) would measure the
 * pool's queue instead, and would take connections from the application under test.
 */
@HaiLongTest
@Tag("bench")
class RatingIngestionBenchmarkTest {

    static final int CLIENTS = intSetting("bench.clients", 200);
    static final int WARMUP_CHUNK = intSetting("bench.ratings.warmup", 1500);
    static final int WARMUP_CHUNKS = intSetting("bench.ratings.warmupChunks", 6);
    static final int MEASURED = intSetting("bench.ratings", 10000);
    static final int SINGLE = intSetting("bench.ratings.single", 300);
    static final int PACED = intSetting("bench.ratings.paced", 3000);
    static final int JDBC_WARMUP = intSetting("bench.ratings.jdbcWarmup", 3000);
    static final int FLOOR = intSetting("bench.floor", 5000);
    static final int SETUP_CLIENTS = intSetting("bench.setup.clients", 32);
    static final Duration TIME_LIMIT = secondsSetting("bench.timeLimitSeconds", 90);
    // The goal's figure (CorePinning): server and MariaDB on one core, the load client in its own JVM on the other.
    static final int PINNED_WARMUP = intSetting("bench.ratings.pinnedWarmup", 3000);
    static final int PINNED_PACED_WARMUP = intSetting("bench.ratings.pinnedPacedWarmup", 500);
    /** The pinned client: "socket" (KeepAliveHttpClient, a few microseconds per request) or "http" (java.net.http.HttpClient). */
    static final String CLIENT_MODE = System.getProperty("bench.ratings.clientMode", "socket");
    /** Ratings sent with the general query log on, to split statements into the request's and the rollup worker's. */
    static final int TRACED = intSetting("bench.ratings.traced", 2000);

    static final Duration CONVERGE_WITHIN = Duration.ofSeconds(10);
    static final int OFFICERS = 10;
    static final String[] OVERALL = {"VERY_SATISFIED", "SATISFIED"};

    @LocalServerPort
    int port;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Value("${spring.threads.virtual.enabled:false}")
    boolean virtualThreads;

    @Test
    void rating_ingestion_over_http_compared_with_raw_jdbc() throws Exception {
        BenchmarkReport report = new BenchmarkReport(
                "rating-ingestion",
                "Rating ingestion: POST /api/v1/ratings over HTTP vs raw JDBC INSERT+COMMIT, same MariaDB, same run");
        DatabaseProbe db = new DatabaseProbe(dataSource);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        String run = TestData.uniqueSuffix();

        // 1. Setup, not counted. Each rating needs a dossier of its own (a dossier is rated once).
        // The HTTP path's dossiers go through the intake service, as the one-stop software's PUTs would.
        String unit = TestData.agencyCode();
        ApiClient api = new ApiClient(port, HaiLongTest.API_KEY);
        assertThat(api.put("/api/v1/units/" + unit, Map.of("name", "Sở đo tải " + run, "kind", "DEPARTMENT"))
                        .status())
                .isEqualTo(201);
        // The baseline's rows belong to a unit of their own: they never pass through the rollups' outbox, so the HTTP
        // unit's rollups can be compared with its raw ratings (RollupProbe).
        String baselineUnit = TestData.agencyCode();
        assertThat(api.put(
                                "/api/v1/units/" + baselineUnit,
                                Map.of("name", "Sở đo tải JDBC " + run, "kind", "DEPARTMENT"))
                        .status())
                .isEqualTo(201);
        int httpDossiers = SINGLE
                + WARMUP_CHUNK * WARMUP_CHUNKS
                + MEASURED
                + PACED
                + 1
                + TRACED
                + PINNED_WARMUP
                + MEASURED
                + PINNED_PACED_WARMUP
                + PACED;
        DossierDetails[] dossiers = new DossierDetails[httpDossiers];
        DossierTemplate template = new DossierTemplate(unit);
        for (int i = 0; i < OFFICERS; i++) { // registers the procedure and the officers before the crowd comes
            dossiers[i] =
                    intake.upsert(template.code(i), template.submission(i)).dossier();
        }
        LoadResult setup = LoadRunner.of(
                        "setup: dossiers via DossierIntakeService", SETUP_CLIENTS, httpDossiers - OFFICERS)
                .timeLimit(Duration.ofMinutes(3))
                .run(index -> op -> {
                    int i = OFFICERS + op;
                    dossiers[i] = intake.upsert(template.code(i), template.submission(i))
                            .dossier();
                });
        assertThat(setup.failures())
                .as("dossiers not created: %s", setup.failureSamples())
                .isZero();
        assertThat(setup.operations()).isEqualTo(httpDossiers - OFFICERS);
        // The baseline's dossiers are copies made in one INSERT ... SELECT: the baseline never reads them through the
        // app.
        int jdbcDossiers =
                SINGLE + JDBC_WARMUP + MEASURED + PACED + JDBC_WARMUP + MEASURED + PINNED_PACED_WARMUP + PACED;
        long copyStarted = System.nanoTime();
        List<DossierRow> copies = copyDossiers(unit, baselineUnit, jdbcDossiers);
        double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
        assertThat(copies).hasSize(jdbcDossiers);

        // 2.-3. HTTP: warm-up (JIT, pools, connections) until the JIT compilers calm down, the transport floor,
        // one client alone, the crowd at saturation, and the crowd at a fixed rate.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI ratings = URI.create("http://localhost:" + port + "/api/v1/ratings");
        byte[][] bodies = new byte[httpDossiers][];
        for (int i = 0; i < httpDossiers; i++) {
            bodies[i] = ratingJson(dossiers[i].code(), "bh-" + run + "-" + i, i).getBytes(StandardCharsets.UTF_8);
        }
        Cursor httpCursor = new Cursor();
        List<LoadResult> warmups = new ArrayList<>();
        for (int chunk = 1; chunk <= WARMUP_CHUNKS; chunk++) {
            Slice slice = httpCursor.take(WARMUP_CHUNK);
            LoadResult warm = LoadRunner.of("HTTP warm-up " + chunk, CLIENTS, slice.size())
                    .timeLimit(TIME_LIMIT)
                    .run(index -> op -> post(http, ratings, bodies[slice.start() + op], HaiLongTest.API_KEY, 201));
            warmups.add(warm);
            // Warm when a chunk is no longer clearly faster than the one before (JIT compilation still shows in
            // the cpu lines: its time is wall time of the compiler threads, long on a busy machine).
            if (chunk >= 3
                    && warm.throughput()
                            < 1.05 * warmups.get(warmups.size() - 2).throughput()) {
                break;
            }
        }
        Slice httpSingle = httpCursor.take(SINGLE);
        Slice httpMeasured = httpCursor.take(MEASURED);
        Slice httpPaced = httpCursor.take(PACED);
        Slice traced = httpCursor.take(1);
        Slice httpTraced = httpCursor.take(TRACED);
        Slice pinnedHttp = httpCursor.take(PINNED_WARMUP + MEASURED);
        Slice pinnedHttpPaced = httpCursor.take(PINNED_PACED_WARMUP + PACED);
        RollupProbe rollups = new RollupProbe(jdbcTemplate);
        // The transport floor: the same POST without an API key, answered 401 by the security filter (no database).
        LoadResult floor = LoadRunner.of("HTTP floor (401, no DB)", CLIENTS, FLOOR)
                .timeLimit(TIME_LIMIT)
                .run(index ->
                        op -> post(http, ratings, bodies[httpMeasured.start() + op % httpMeasured.size()], null, 401));
        LoadResult httpOne = LoadRunner.of("HTTP, 1 client", 1, httpSingle.size())
                .timeLimit(TIME_LIMIT)
                .run(index -> op -> post(http, ratings, bodies[httpSingle.start() + op], HaiLongTest.API_KEY, 201));
        Map<String, Long> beforeHttp = db.counters();
        LoadResult httpLoad = LoadRunner.of("HTTP, " + CLIENTS + " clients", CLIENTS, httpMeasured.size())
                .timeLimit(TIME_LIMIT)
                .run(index -> op -> post(http, ratings, bodies[httpMeasured.start() + op], HaiLongTest.API_KEY, 201));
        Map<String, Long> afterHttp = db.counters();
        Convergence sharedConvergence = converge(rollups, unit);
        // Latency at a given load rather than at saturation: ratings fall due at a fixed rate.
        double rate =
                intSetting("bench.pacedRate", (int) Math.max(10, Math.round(httpLoad.throughput() / 2 / 10) * 10));
        int pacedOps = (int) Math.min(PACED, Math.max(200, rate * 15));
        LoadResult httpPacedRun = LoadRunner.of("HTTP, " + CLIENTS + " clients", CLIENTS, pacedOps)
                .rate(rate)
                .timeLimit(TIME_LIMIT)
                .run(index -> op -> post(http, ratings, bodies[httpPaced.start() + op], HaiLongTest.API_KEY, 201));

        MachineLoad.Usage idle = MachineLoad.detect().idle(Duration.ofSeconds(3));

        // 4. Raw JDBC on the same server: the same rows (a rating and its three answers), one commit per rating.
        String templateId = activeTemplateId();
        JdbcRatings jdbc =
                new JdbcRatings(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), copies, templateId, run);
        Cursor jdbcCursor = new Cursor();
        Slice jdbcWarmup = jdbcCursor.take(JDBC_WARMUP);
        Slice jdbcSingle = jdbcCursor.take(SINGLE);
        Slice jdbcMeasured = jdbcCursor.take(MEASURED);
        Slice jdbcPaced = jdbcCursor.take(PACED);
        LoadResult jdbcWarm = LoadRunner.of("JDBC warm-up", CLIENTS, jdbcWarmup.size())
                .timeLimit(TIME_LIMIT)
                .run(index -> jdbc.client(jdbcWarmup.start()));
        LoadResult jdbcOne = LoadRunner.of("JDBC, 1 client", 1, jdbcSingle.size())
                .timeLimit(TIME_LIMIT)
                .run(index -> jdbc.client(jdbcSingle.start()));
        Map<String, Long> beforeJdbc = db.counters();
        LoadResult jdbcLoad = LoadRunner.of("JDBC, " + CLIENTS + " clients", CLIENTS, jdbcMeasured.size())
                .timeLimit(TIME_LIMIT)
                .run(index -> jdbc.client(jdbcMeasured.start()));
        Map<String, Long> afterJdbc = db.counters();
        LoadResult jdbcPacedRun = LoadRunner.of("JDBC, " + CLIENTS + " clients", CLIENTS, pacedOps)
                .rate(rate)
                .timeLimit(TIME_LIMIT)
                .run(index -> jdbc.client(jdbcPaced.start()));

        // Cheap profile: the statements one HTTP rating sends (general query log around one request).
        List<String> statements;
        try {
            statements = db.trace(() -> {
                try {
                    post(http, ratings, bodies[traced.start()], HaiLongTest.API_KEY, 201);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SQLException noGeneralLog) { // e.g. an external server without the privilege
            statements = List.of("(no trace: " + noGeneralLog.getMessage() + ")");
            post(http, ratings, bodies[traced.start()], HaiLongTest.API_KEY, 201);
        }

        // 4b. Who sends which statements: a run with the general query log on (slower, not a figure of speed), split
        // into the requests' transactions and the rollup worker's (ADR 070), the worker's batches included.
        awaitDrained(Duration.ofSeconds(30));
        List<DatabaseProbe.LogEntry> log = db.traceEntries(() -> {
            try {
                LoadRunner.of("traced", CLIENTS, httpTraced.size())
                        .timeLimit(TIME_LIMIT)
                        .run(index ->
                                op -> post(http, ratings, bodies[httpTraced.start() + op], HaiLongTest.API_KEY, 201));
                awaitDrained(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        DatabaseProbe.StatementSplit split = DatabaseProbe.split(log);

        // 4c. The goal's figures, measured the way the QR benchmark does: this JVM (server) and MariaDB pinned to one
        // core, the load client (200 closed-loop clients) in a JVM of its own on the other; the JDBC baseline's client
        // the same way, so that each side gets one core for the server and pays nothing for its client.
        StringBuilder whyNotPinned = new StringBuilder();
        Optional<CorePinning> pinning = CorePinning.pinServer(whyNotPinned);
        List<CorePinning.ClientRun> pinnedRuns = new ArrayList<>();
        CorePinning.ClientRun pinnedHttpRun = null;
        CorePinning.ClientRun pinnedHttpPacedRun = null;
        CorePinning.ClientRun pinnedJdbcRun = null;
        CorePinning.ClientRun pinnedJdbcPacedRun = null;
        Map<String, Long> beforePinnedHttp = Map.of();
        Map<String, Long> afterPinnedHttp = Map.of();
        Map<String, Long> beforePinnedJdbc = Map.of();
        Map<String, Long> afterPinnedJdbc = Map.of();
        Convergence pinnedConvergence = null;
        double pinnedRate = Double.NaN;
        int pinnedPacedOps = 0;
        Slice pinnedJdbc = jdbcCursor.take(JDBC_WARMUP + MEASURED);
        Slice pinnedJdbcPaced = jdbcCursor.take(PINNED_PACED_WARMUP + PACED);
        if (pinning.isPresent()) {
            try (CorePinning cores = pinning.get()) {
                Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
                List<String> jdbcOptions = List.of(
                        "-Dbench.jdbc.user=" + pool.getUsername(),
                        "-Dbench.jdbc.password=" + (pool.getPassword() == null ? "" : pool.getPassword()));
                beforePinnedJdbc = db.counters();
                pinnedJdbcRun = cores.runClient(
                        "core 1 client -> core 0 MariaDB: JDBC, " + CLIENTS + " clients",
                        "jdbc",
                        pool.getJdbcUrl(),
                        CLIENTS,
                        JDBC_WARMUP,
                        MEASURED,
                        0,
                        jdbc.sqlLines(pinnedJdbc.start(), pinnedJdbc.size()),
                        jdbcOptions,
                        workDir);
                afterPinnedJdbc = db.counters();
                awaitDrained(Duration.ofSeconds(30));
                beforePinnedHttp = db.counters();
                pinnedHttpRun = cores.runClient(
                        "core 1 client -> core 0 server: HTTP, " + CLIENTS + " clients",
                        CLIENT_MODE,
                        Integer.toString(port),
                        CLIENTS,
                        PINNED_WARMUP,
                        MEASURED,
                        0,
                        httpLines(bodies, pinnedHttp),
                        List.of(),
                        workDir);
                pinnedConvergence = converge(rollups, unit);
                awaitDrained(Duration.ofSeconds(30));
                afterPinnedHttp = db.counters();
                pinnedRate = intSetting("bench.pacedRate", (int)
                        Math.max(10, Math.round(pinnedHttpRun.throughput() / 2 / 10) * 10));
                pinnedPacedOps = (int) Math.min(PACED, Math.max(200, pinnedRate * 15));
                pinnedJdbcPacedRun = cores.runClient(
                        "core 1 client -> core 0 MariaDB: JDBC, " + CLIENTS + " clients @" + Math.round(pinnedRate)
                                + "/s",
                        "jdbc",
                        pool.getJdbcUrl(),
                        CLIENTS,
                        PINNED_PACED_WARMUP,
                        pinnedPacedOps,
                        pinnedRate,
                        jdbc.sqlLines(pinnedJdbcPaced.start(), pinnedJdbcPaced.size()),
                        jdbcOptions,
                        workDir);
                pinnedHttpPacedRun = cores.runClient(
                        "core 1 client -> core 0 server: HTTP, " + CLIENTS + " clients @" + Math.round(pinnedRate)
                                + "/s",
                        CLIENT_MODE,
                        Integer.toString(port),
                        CLIENTS,
                        PINNED_PACED_WARMUP,
                        pinnedPacedOps,
                        pinnedRate,
                        httpLines(bodies, pinnedHttpPaced),
                        List.of(),
                        workDir);
                pinnedRuns.addAll(List.of(pinnedHttpRun, pinnedHttpPacedRun, pinnedJdbcRun, pinnedJdbcPacedRun));
            }
        }
        // After the last HTTP run: how long until the rollups count every rating stored.
        Convergence finalConvergence = converge(rollups, unit);

        // 5. Report.
        double ratio = httpLoad.throughput() / jdbcLoad.throughput();
        report.section("setup (not counted)")
                .line(
                        "unit %s; %d dossiers (2 officers each) through DossierIntakeService.upsert by %d threads: %.1f s, %.0f dossiers/s;",
                        unit, httpDossiers, SETUP_CLIENTS, setup.elapsedSeconds(), setup.throughput())
                .line("%d copies for the JDBC baseline by one INSERT ... SELECT: %.1f s", jdbcDossiers, copySeconds)
                .results(setup);
        List<LoadResult> runs = new ArrayList<>(warmups);
        runs.addAll(List.of(floor, httpOne, httpLoad, httpPacedRun, jdbcWarm, jdbcOne, jdbcLoad, jdbcPacedRun));
        report.section("runs")
                .line(
                        "closed loop: every client sends its next rating when its previous one has answered; latency = request to full answer")
                .line(
                        "HTTP: java.net.http.HttpClient, HTTP/1.1 keep-alive, Bearer API key, channel PAPER, answers overall + convenience + attitude;")
                .line(
                        "  warm-up in chunks of %d until a chunk is less than 5%% faster than the one before (at least 3, at most %d chunks)",
                        WARMUP_CHUNK, WARMUP_CHUNKS)
                .line(
                        "JDBC: %d DriverManager connections (one per client), autocommit off: INSERT rating; INSERT rating_answer (3 rows); COMMIT",
                        CLIENTS)
                .line(
                        "paced runs (@N/s): ratings fall due at N per second (half the HTTP saturation throughput unless -Dbench.pacedRate);")
                .line(
                        "  latency counts from the due time. Saturated runs: mean latency = clients / throughput (Little's law), mostly queueing.")
                .results(runs)
                .line("  cpu while idle for 3 s after the HTTP runs: %s", idle);
        report.section("result with client, server and MariaDB sharing both cores")
                .line(
                        "failures at %d closed-loop clients: %d  goal 0: %s",
                        CLIENTS, httpLoad.failures(), httpLoad.failures() == 0 ? "MET" : "NOT MET")
                .line(
                        "throughput ratio HTTP / JDBC at %d clients: %.2f  (%.0f / %.0f ratings/s)  goal >= 0.50: %s",
                        CLIENTS, ratio, httpLoad.throughput(), jdbcLoad.throughput(), ratio >= 0.5 ? "MET" : "NOT MET")
                .line(
                        "p99 at %d clients: HTTP %.1f ms, JDBC %.1f ms  goal HTTP p99 < 50 ms: %s",
                        CLIENTS, httpLoad.p99(), jdbcLoad.p99(), httpLoad.p99() < 50 ? "MET" : "NOT MET")
                .line(
                        "p50 / p95 at %d clients: HTTP %.1f / %.1f ms, JDBC %.1f / %.1f ms",
                        CLIENTS, httpLoad.p50(), httpLoad.p95(), jdbcLoad.p50(), jdbcLoad.p95())
                .line(
                        "paced at %.0f ratings/s by %d clients: HTTP p50 / p99 %.1f / %.1f ms, JDBC %.1f / %.1f ms  goal HTTP p99 < 50 ms: %s",
                        rate,
                        CLIENTS,
                        httpPacedRun.p50(),
                        httpPacedRun.p99(),
                        jdbcPacedRun.p50(),
                        jdbcPacedRun.p99(),
                        httpPacedRun.p99() < 50 ? "MET" : "NOT MET")
                .line("one client alone: HTTP p50 %.2f ms, JDBC p50 %.2f ms", httpOne.p50(), jdbcOne.p50())
                .line(
                        "HTTP transport floor (no API key -> 401, no database) at %d clients: %.0f requests/s",
                        CLIENTS, floor.throughput());
        if (httpLoad.machine() != null && jdbcLoad.machine() != null) {
            // CPU per rating hardly depends on what else runs on the machine; throughput does. On a quiet machine the
            // throughput ratio tends to the inverse ratio of CPU per rating, since all three parties share the cores.
            double httpCpu = cpuMillisPerOp(httpLoad, false);
            double jdbcCpu = cpuMillisPerOp(jdbcLoad, false);
            report.line(
                            "CPU per rating at %d clients (this JVM + MariaDB): HTTP %.2f ms (%.2f without JIT and GC), JDBC %.2f ms;",
                            CLIENTS, httpCpu, cpuMillisPerOp(httpLoad, true), jdbcCpu)
                    .line(
                            "  throughput ratio those costs predict for a machine with nothing else running: %.2f (%.2f once JIT is done)",
                            jdbcCpu / httpCpu, cpuMillisPerOp(jdbcLoad, true) / cpuMillisPerOp(httpLoad, true));
        }
        report.section("client on a core of its own (the goal's figure)");
        if (pinning.isEmpty()) {
            report.line("not measured: %s", whyNotPinned);
        } else {
            report.line(
                            "this JVM (server, rollup worker) and MariaDB pinned to CPU %d; each client in its own JVM (LoadClient, mode %s for HTTP,",
                            CorePinning.SERVER_CPU, CLIENT_MODE)
                    .line(
                            "  jdbc for the baseline: the same rows as text statements, its own connection per client, autocommit off) on CPU %d;",
                            CorePinning.CLIENT_CPU)
                    .line(
                            "  each client JVM warms up first (closed loop: %d HTTP / %d JDBC, paced runs %d), then the measured run.",
                            PINNED_WARMUP, JDBC_WARMUP, PINNED_PACED_WARMUP)
                    .line(
                            "  busy = share of each core's time in use during the measured run: a server core near 100 percent and a")
                    .line("  client core below it mean that the server, not the client, set the pace.");
            for (CorePinning.ClientRun c : pinnedRuns) {
                report.line(
                        "%-58s %6.0f/s  p50 / p95 / p99 %.2f / %.2f / %.2f ms, failures %d, answers %s, busy: server core %.0f%%,"
                                + " client core %.0f%%",
                        c.name(),
                        c.throughput(),
                        c.p50(),
                        c.p95(),
                        c.p99(),
                        c.failures() + c.warmupFailures(),
                        c.statuses().isEmpty() ? "-" : c.statuses(),
                        100 * c.serverCoreBusy(),
                        100 * c.clientCoreBusy());
            }
            double pinnedRatio = pinnedHttpRun.throughput() / pinnedJdbcRun.throughput();
            int pinnedFailures = pinnedHttpRun.failures() + pinnedHttpRun.warmupFailures();
            report.line(
                            "failures at %d closed-loop clients: %d  goal 0: %s",
                            CLIENTS, pinnedFailures, pinnedFailures == 0 ? "MET" : "NOT MET")
                    .line(
                            "throughput ratio HTTP / JDBC at %d clients, server side on one core: %.2f  (%.0f / %.0f ratings/s)  goal >= 0.50: %s",
                            CLIENTS,
                            pinnedRatio,
                            pinnedHttpRun.throughput(),
                            pinnedJdbcRun.throughput(),
                            pinnedRatio >= 0.5 ? "MET" : "NOT MET")
                    .line(
                            "p99 at %d clients, saturated: HTTP %.1f ms, JDBC %.1f ms (queueing: Little's law)",
                            CLIENTS, pinnedHttpRun.p99(), pinnedJdbcRun.p99())
                    .line(
                            "paced at %.0f ratings/s (half the HTTP saturation) by %d clients: HTTP p50 / p99 %.1f / %.1f ms, JDBC %.1f / %.1f ms"
                                    + "  goal HTTP p99 < 50 ms: %s",
                            pinnedRate,
                            CLIENTS,
                            pinnedHttpPacedRun.p50(),
                            pinnedHttpPacedRun.p99(),
                            pinnedJdbcPacedRun.p50(),
                            pinnedJdbcPacedRun.p99(),
                            pinnedHttpPacedRun.p99() < 50 ? "MET" : "NOT MET");
        }
        Map<String, Double> httpPerOp = DatabaseProbe.perOperation(beforeHttp, afterHttp, httpLoad.operations());
        Map<String, Double> jdbcPerOp = DatabaseProbe.perOperation(beforeJdbc, afterJdbc, jdbcLoad.operations());
        // The pinned runs' counters span the client's warm-up too (and, for HTTP, the worker until the outbox was
        // empty).
        Map<String, Double> pinnedHttpPerOp = pinnedHttpRun == null
                ? Map.of()
                : DatabaseProbe.perOperation(
                        beforePinnedHttp,
                        afterPinnedHttp,
                        pinnedHttpRun.operations() + pinnedHttpRun.warmupOperations());
        Map<String, Double> pinnedJdbcPerOp = pinnedJdbcRun == null
                ? Map.of()
                : DatabaseProbe.perOperation(
                        beforePinnedJdbc,
                        afterPinnedJdbc,
                        pinnedJdbcRun.operations() + pinnedJdbcRun.warmupOperations());
        report.section("database work per rating (SHOW GLOBAL STATUS)")
                .line(
                        "shared = the shared-core saturated runs (the worker's batches that ended within the run); pinned = the pinned runs,")
                .line(
                        "  warm-up included, HTTP until the rollup outbox was empty again (so the worker's statements are all in)")
                .line("  %-22s %10s %10s %12s %12s", "counter", "HTTP", "JDBC", "HTTP pinned", "JDBC pinned");
        for (String key : DatabaseProbe.PER_OPERATION) {
            if (httpPerOp.containsKey(key)) {
                report.line(
                        "  %-22s %10.2f %10.2f %12.2f %12.2f",
                        key,
                        httpPerOp.get(key),
                        jdbcPerOp.getOrDefault(key, Double.NaN),
                        pinnedHttpPerOp.getOrDefault(key, Double.NaN),
                        pinnedJdbcPerOp.getOrDefault(key, Double.NaN));
            }
        }
        report.section(
                        "statements per rating: the request's and the rollup worker's (general query log, %d ratings at %d clients)"
                                .formatted(httpTraced.size(), CLIENTS))
                .line(
                        "a transaction = a connection's statements up to its COMMIT/ROLLBACK; the worker's claim rollup_pending rows")
                .line(
                        "  (FOR UPDATE SKIP LOCKED) and delete them; all others count as the requests' (API key look-up, read-only and")
                .line(
                        "  writing transactions, pool resets; also any background job meanwhile, little in the test application)")
                .line(
                        "request: %.2f statements per rating (%s) in %d transactions",
                        split.total("request") / (double) httpTraced.size(),
                        split.perOperation("request", httpTraced.size()),
                        split.transactions().getOrDefault("request", 0))
                .line(
                        "worker:  %.2f statements per rating (%s) in %d transactions (batches and empty looks), %.1f ratings per transaction",
                        split.total("worker") / (double) httpTraced.size(),
                        split.perOperation("worker", httpTraced.size()),
                        split.transactions().getOrDefault("worker", 0),
                        httpTraced.size()
                                / (double) Math.max(1, split.transactions().getOrDefault("worker", 0)));
        report.section("stored once, rollups converged")
                .line(
                        "time until the unit's rollups counted every stored rating (RollupProbe, unit's own year rows), goal <= %d s:",
                        CONVERGE_WITHIN.toSeconds())
                .line("  after the shared-core saturated run: %s", sharedConvergence)
                .line(
                        "  after the pinned saturated run:      %s",
                        pinnedConvergence == null ? "not measured" : pinnedConvergence)
                .line("  after the last HTTP run:             %s", finalConvergence);
        report.section("statements sent by one HTTP rating (general query log)")
                .line("%d statements:", statements.size());
        statements.forEach(statement -> report.line("  " + statement));
        report.section("environment")
                .line(
                        "application pool: Hikari maximum-pool-size %d, autocommit %s; request threads virtual: %s",
                        pool.getMaximumPoolSize(), pool.isAutoCommit(), virtualThreads)
                .values(db.variables(
                        "version",
                        "innodb_flush_log_at_trx_commit",
                        "sync_binlog",
                        "log_bin",
                        "innodb_buffer_pool_size",
                        "max_connections",
                        "thread_handling"))
                .line(
                        "client, application and MariaDB share this machine's CPUs; other processes (other builds) make figures noisy:")
                .line("the 'other processes' figure in each cpu line says how much.");
        report.finish();

        // Sanity only: everything answered as it should, and every rating's rows are there.
        for (LoadResult r : runs) {
            assertThat(r.failures())
                    .as("%s failed: %s", r.name(), r.failureSamples())
                    .isZero();
            assertThat(r.timedOut())
                    .as("%s stopped by the time limit", r.name())
                    .isFalse();
        }
        int httpRatings = warmups.stream().mapToInt(LoadResult::operations).sum()
                + httpSingle.size()
                + httpMeasured.size()
                + pacedOps
                + traced.size()
                + httpTraced.size();
        int jdbcRatings = jdbcSingle.size() + jdbcWarmup.size() + jdbcMeasured.size() + pacedOps;
        for (CorePinning.ClientRun c : pinnedRuns) {
            assertThat(c.failures() + c.warmupFailures())
                    .as("%s failed: %s", c.name(), c.firstFailure())
                    .isZero();
            assertThat(c.serverErrors()).as("%s: 5xx answers", c.name()).isZero();
            int asked = c == pinnedHttpRun || c == pinnedJdbcRun ? MEASURED : pinnedPacedOps;
            assertThat(c.operations())
                    .as("%s stopped by its time limit", c.name())
                    .isEqualTo(asked);
            if (c == pinnedHttpRun || c == pinnedHttpPacedRun) {
                httpRatings += c.warmupOperations() + c.operations();
            } else {
                jdbcRatings += c.warmupOperations() + c.operations();
            }
        }
        // Every rating stored exactly once: one row per key and per dossier, three answers each.
        assertThat(count("SELECT COUNT(*) FROM rating WHERE idempotency_key LIKE ?", "bh-" + run + "-%"))
                .isEqualTo(httpRatings);
        assertThat(count(
                        "SELECT COUNT(DISTINCT idempotency_key) FROM rating WHERE idempotency_key LIKE ?",
                        "bh-" + run + "-%"))
                .isEqualTo(httpRatings);
        assertThat(count("SELECT COUNT(*) FROM rating WHERE idempotency_key LIKE ?", "bj-" + run + "-%"))
                .isEqualTo(jdbcRatings);
        assertThat(count(
                        "SELECT COUNT(*) FROM rating_answer a JOIN rating r ON r.id = a.rating_id WHERE r.idempotency_key LIKE ?",
                        "b_-" + run + "-%"))
                .isEqualTo(3L * (httpRatings + jdbcRatings));
        assertThat(count(
                        "SELECT COUNT(DISTINCT r.dossier_id) FROM rating r JOIN dossier d ON d.id = r.dossier_id"
                                + " WHERE d.evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        unit))
                .isEqualTo(httpRatings);
        assertThat(count(
                        "SELECT COUNT(DISTINCT r.dossier_id) FROM rating r JOIN dossier d ON d.id = r.dossier_id"
                                + " WHERE d.evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        baselineUnit))
                .isEqualTo(jdbcRatings);
        // ... and the rollups caught up with them.
        assertThat(finalConvergence.converged())
                .as("rollups of %s within %s: %s", unit, CONVERGE_WITHIN, finalConvergence)
                .isTrue();
        assertThat(finalConvergence.inRollups()).isEqualTo(httpRatings);
    }

    /** How long the rollups took to count every stored rating of a unit (at most {@code CONVERGE_WITHIN} waited). */
    record Convergence(double seconds, boolean converged, long inRollups, long counted) {

        @Override
        public String toString() {
            return converged
                    ? String.format(Locale.ROOT, "%.2f s (%d ratings)", seconds, counted)
                    : String.format(
                            Locale.ROOT,
                            "NOT converged after %.1f s: rollups count %d of %d",
                            seconds,
                            inRollups,
                            counted);
        }
    }

    static Convergence converge(RollupProbe rollups, String unit) throws InterruptedException {
        long started = System.nanoTime();
        long inRollups = rollups.awaitConverged(unit, CONVERGE_WITHIN);
        double seconds = (System.nanoTime() - started) / 1e9;
        long counted = rollups.countedRatingsOf(unit);
        return new Convergence(seconds, inRollups == counted, inRollups, counted);
    }

    /** Waits until the rollup outbox is empty (the worker has applied everything), at most {@code within}. */
    void awaitDrained(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (jdbcTemplate.queryForObject("SELECT COUNT(*) FROM rollup_pending", Long.class) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The pinned client's requests file: the ratings of a slice, POSTed with the API key, 201 expected. */
    static List<String> httpLines(byte[][] bodies, Slice slice) {
        List<LoadClient.Request> requests = new ArrayList<>(slice.size());
        for (int i = slice.start(); i < slice.start() + slice.size(); i++) {
            requests.add(LoadClient.Request.json(
                    "POST",
                    "/api/v1/ratings",
                    new String(bodies[i], StandardCharsets.UTF_8),
                    HaiLongTest.API_KEY,
                    List.of(),
                    201));
        }
        return LoadClient.lines(requests);
    }

    /** CPU milliseconds (this JVM and MariaDB together) per operation of a run, optionally without JIT and GC threads. */
    static double cpuMillisPerOp(LoadResult r, boolean withoutJitAndGc) {
        MachineLoad.Usage u = r.machine();
        double cores = u.jvm() + u.children() - (withoutJitAndGc ? u.jit() + u.gc() : 0);
        return cores * r.elapsedSeconds() * 1000 / r.operations();
    }

    /** A consecutive range of dossiers. */
    record Slice(int start, int size) {}

    /** Hands out consecutive ranges of dossiers. */
    static final class Cursor {
        private int next;

        Slice take(int count) {
            Slice slice = new Slice(next, count);
            next += count;
            return slice;
        }
    }

    /** A dossier as the baseline needs it. */
    record DossierRow(String id, String unitId, String procedureId) {}

    /**
     * Copies {@code count} of the unit's dossiers (new ids, codes ending in -J) as dossiers evaluated for
     * {@code baselineUnit}, answers the copies.
     */
    List<DossierRow> copyDossiers(String unit, String baselineUnit, int count) throws Exception {
        String columns = "procedure_id, receiving_agency_id, competent_agency_id, channel, applicant_kind,"
                + " status, received_at, due_at, returned_at, timeliness, supplement_requests, created_at, updated_at";
        try (Connection c = dataSource.getConnection()) {
            String unitId = agencyId(c, unit);
            String baselineId = agencyId(c, baselineUnit);
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO dossier (id, version, code, evaluated_agency_id, " + columns + ")"
                            + " SELECT UUID(), 0, CONCAT(code, '-J'), ?, " + columns
                            + " FROM dossier WHERE evaluated_agency_id = ?"
                            + " ORDER BY code LIMIT ?")) {
                s.setString(1, baselineId);
                s.setString(2, unitId);
                s.setInt(3, count);
                s.executeUpdate();
            }
            if (!c.getAutoCommit()) { // a pool may hand out connections with autocommit off
                c.commit();
            }
            List<DossierRow> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, evaluated_agency_id, procedure_id FROM dossier"
                    + " WHERE evaluated_agency_id = ? AND code LIKE '%-J' ORDER BY code")) {
                s.setString(1, baselineId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new DossierRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return rows;
        }
    }

    static String agencyId(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM agency WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static String ratingJson(String dossierCode, String idempotencyKey, int i) {
        return """
                {"dossierCode":"%s","channel":"PAPER","idempotencyKey":"%s",\
                "answers":{"overall":"%s","convenience":"SATISFIED","attitude":"VERY_SATISFIED"}}""".formatted(dossierCode, idempotencyKey, OVERALL[i % 2]);
    }

    static void post(HttpClient http, URI uri, byte[] body, String apiKey, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    String activeTemplateId() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM survey_template WHERE template_key = 'default' AND active"
                        + " ORDER BY revision DESC LIMIT 1")) {
            assertThat(rs.next()).as("active default template").isTrue();
            return rs.getString(1);
        }
    }

    long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Dossiers of one unit as the one-stop software would push them: returned, early, two officers. */
    static final class DossierTemplate {

        private final String unit;
        private final String receivedAt;
        private final String dueAt;
        private final String returnedAt;
        private final String day;

        DossierTemplate(String unit) {
            this.unit = unit;
            OffsetDateTime received =
                    OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(10).truncatedTo(ChronoUnit.SECONDS);
            this.receivedAt = received.toString();
            this.dueAt = received.plusDays(7).toString();
            this.returnedAt = received.plusDays(5).toString();
            this.day = received.format(DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT));
        }

        String code(int i) {
            return unit + "-" + day + "-" + String.format(Locale.ROOT, "%06d", i);
        }

        DossierSubmission submission(int i) {
            return new DossierSubmission(
                    "1.004227",
                    "Cấp giấy phép môi trường",
                    null,
                    unit,
                    unit,
                    null,
                    "IN_PERSON",
                    "CITIZEN",
                    "RETURNED",
                    receivedAt,
                    dueAt,
                    returnedAt,
                    List.of(
                            new DossierSubmission.OfficerPart(
                                    "cb-" + unit + "-" + (i % OFFICERS), "Cán bộ " + (i % OFFICERS), "RECEIVING"),
                            new DossierSubmission.OfficerPart(
                                    "cb-" + unit + "-" + ((i + 1) % OFFICERS),
                                    "Cán bộ " + ((i + 1) % OFFICERS),
                                    "PROCESSING")),
                    0);
        }
    }

    /** The raw JDBC baseline: per client its own connection and prepared statements. */
    static final class JdbcRatings {

        private final String url;
        private final String user;
        private final String password;
        private final List<DossierRow> dossiers;
        private final String templateId;
        private final String run;

        JdbcRatings(
                String url, String user, String password, List<DossierRow> dossiers, String templateId, String run) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.dossiers = dossiers;
            this.templateId = templateId;
            this.run = run;
        }

        /**
         * The same two inserts for dossiers {@code offset .. offset + count - 1} as text statements (what the driver sends
         * for its client-side prepared statements), one line per rating, for {@link LoadClient}'s jdbc mode.
         */
        List<String> sqlLines(int offset, int count) throws Exception {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
            List<String> lines = new ArrayList<>(count);
            for (int i = offset; i < offset + count; i++) {
                DossierRow d = dossiers.get(i);
                String id = Ids.newId().toString();
                String overall = OVERALL[i % 2];
                int points = overall.equals("VERY_SATISFIED") ? 2 : 1;
                String hash = HexFormat.of()
                        .formatHex(
                                sha256.digest((d.id() + "|PAPER|attitude=VERY_SATISFIED;convenience=SATISFIED;overall="
                                                + overall + ";|[]|null|null")
                                        .getBytes(StandardCharsets.UTF_8)));
                lines.add(
                        "INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel,"
                                + " template_id, status, overall_option, overall_points, comment, submitted_at, device_id, idempotency_key, request_hash)"
                                + " VALUES ('" + id + "', 0, '" + d.id() + "', '" + d.id() + "', '" + d.unitId()
                                + "', '" + d.procedureId()
                                + "', 'PAPER', '" + templateId + "', 'COUNTED', '" + overall + "', " + points
                                + ", NULL, '"
                                + utc.format(Instant.now()) + "', NULL, 'bj-" + run + "-" + i + "', X'" + hash + "')"
                                + "\tINSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES ('"
                                + id + "', 'overall', '"
                                + overall + "', " + points + "), ('" + id + "', 'convenience', 'SATISFIED', 1), ('" + id
                                + "', 'attitude', 'VERY_SATISFIED', 2)");
            }
            return lines;
        }

        /** A client storing the ratings of dossiers {@code offset + op}. */
        LoadRunner.Client client(int offset) throws Exception {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            PreparedStatement rating =
                    c.prepareStatement("INSERT INTO rating (id, version, dossier_id, counted_dossier_id,"
                            + " evaluated_agency_id, procedure_id, channel, template_id, status, overall_option, overall_points, comment,"
                            + " submitted_at, device_id, idempotency_key, request_hash)"
                            + " VALUES (?, 0, ?, ?, ?, ?, 'PAPER', ?, 'COUNTED', ?, ?, NULL, ?, NULL, ?, ?)");
            PreparedStatement answers = c.prepareStatement(
                    "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points)"
                            + " VALUES (?, 'overall', ?, ?), (?, 'convenience', 'SATISFIED', 1), (?, 'attitude', 'VERY_SATISFIED', 2)");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return new LoadRunner.Client() {
                @Override
                public void call(int op) throws Exception {
                    int i = offset + op;
                    DossierRow d = dossiers.get(i);
                    String id = Ids.newId().toString();
                    String overall = OVERALL[i % 2];
                    int points = overall.equals("VERY_SATISFIED") ? 2 : 1;
                    rating.setString(1, id);
                    rating.setString(2, d.id());
                    rating.setString(3, d.id());
                    rating.setString(4, d.unitId());
                    rating.setString(5, d.procedureId());
                    rating.setString(6, templateId);
                    rating.setString(7, overall);
                    rating.setInt(8, points);
                    rating.setTimestamp(9, Timestamp.from(Instant.now()));
                    rating.setString(10, "bj-" + run + "-" + i);
                    rating.setBytes(
                            11,
                            sha256.digest((d.id() + "|PAPER|attitude=VERY_SATISFIED;convenience=SATISFIED;overall="
                                            + overall + ";|[]|null|null")
                                    .getBytes(StandardCharsets.UTF_8)));
                    answers.setString(1, id);
                    answers.setString(2, overall);
                    answers.setInt(3, points);
                    answers.setString(4, id);
                    answers.setString(5, id);
                    try {
                        rating.executeUpdate();
                        answers.executeUpdate();
                        c.commit();
                    } catch (Exception e) {
                        c.rollback();
                        throw e;
                    }
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        }
    }
}
