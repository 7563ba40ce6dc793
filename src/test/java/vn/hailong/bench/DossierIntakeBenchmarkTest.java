package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.platform.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.bench.BenchSettings.intSetting;
import static vn.hailong.bench.BenchSettings.secondsSetting;

/**
 * Dossier intake: {@code PUT /api/v1/dossiers/{code}} over real HTTP, as the one-stop software pushes dossiers, against
 * the floor the database sets: a raw-JDBC upsert of the same rows (the dossier, its two officer rows and its survey
 * link, each {@code INSERT ... ON DUPLICATE KEY UPDATE}, then COMMIT) on the same MariaDB, at {@code bench.dossiers.clients}
 * (32) concurrent clients. Measured twice: first sends (201, new dossiers) and re-sends that change the dossier (200:
 * it was returned to the applicant), each against the same upsert.
 *
 * <p>Goal: HTTP throughput at least 0.3 of raw JDBC. The goal's figure comes from the runs the way the QR benchmark
 * does them ({@link CorePinning}): this JVM (server) and MariaDB on one core, each client in a JVM of its own
 * ({@link LoadClient}) on the other, the JDBC baseline's client too. The shared-core runs (client in this JVM) are
 * kept beside them. The benchmark fails only when an answer or a row is wrong, never on speed.
 */
@HaiLongTest
@Tag("bench")
class DossierIntakeBenchmarkTest {

    static final int CLIENTS = intSetting("bench.dossiers.clients", 32);
    static final int WARMUP = intSetting("bench.dossiers.warmup", 2000);
    static final int MEASURED = intSetting("bench.dossiers.puts", 5000);
    static final int TRACED = intSetting("bench.dossiers.traced", 500);
    static final String CLIENT_MODE = System.getProperty("bench.dossiers.clientMode", "socket");
    static final Duration TIME_LIMIT = secondsSetting("bench.timeLimitSeconds", 90);
    static final int OFFICERS = 10;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    /** A dossier as sent: its code and, for the baseline, its pre-chosen id. */
    record Code(String code, String id) {}

    @Test
    void dossier_puts_over_http_compared_with_a_raw_jdbc_upsert() throws Exception {
        BenchmarkReport report = new BenchmarkReport(
                "dossier-intake",
                "Dossier intake: PUT /api/v1/dossiers/{code} over HTTP vs a raw JDBC upsert of the same rows, same MariaDB, same run");
        DatabaseProbe db = new DatabaseProbe(dataSource);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        ApiClient api = new ApiClient(port, HaiLongTest.API_KEY);
        String unit = TestData.agencyCode();
        String baselineUnit = TestData.agencyCode();
        for (String u : List.of(unit, baselineUnit)) {
            assertThat(api.put("/api/v1/units/" + u, Map.of("name", "Sở đo tải hồ sơ " + u, "kind", "DEPARTMENT"))
                            .status())
                    .isEqualTo(201);
        }
        Bodies bodies = new Bodies(unit);
        // The procedure and the officers exist before the crowd comes (as they would after the first day).
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI base = URI.create("http://localhost:" + port);
        for (int i = 0; i < OFFICERS; i++) {
            LoadClient.send(
                    http,
                    base,
                    LoadClient.Request.json(
                            "PUT",
                            "/api/v1/dossiers/" + bodies.code(900_000 + i),
                            bodies.json(900_000 + i, false),
                            HaiLongTest.API_KEY,
                            List.of(),
                            201),
                    null);
        }
        Baseline baseline = new Baseline(jdbc, unit, baselineUnit, bodies);

        // Codes: shared-core warm-up and measured runs, the traced run, the pinned runs (warm-up + measured).
        int sharedFirst = 0;
        int traced = sharedFirst + WARMUP + MEASURED;
        int pinnedFirst = traced + TRACED;
        int total = pinnedFirst + WARMUP + MEASURED;
        LoadClient.Request[] firstSends = new LoadClient.Request[total];
        LoadClient.Request[] updates = new LoadClient.Request[total];
        for (int i = 0; i < total; i++) {
            firstSends[i] = LoadClient.Request.json(
                    "PUT",
                    "/api/v1/dossiers/" + bodies.code(i),
                    bodies.json(i, false),
                    HaiLongTest.API_KEY,
                    List.of(),
                    201);
            updates[i] = LoadClient.Request.json(
                    "PUT",
                    "/api/v1/dossiers/" + bodies.code(i),
                    bodies.json(i, true),
                    HaiLongTest.API_KEY,
                    List.of(),
                    200);
        }
        String[][] jdbcFirst = new String[total][];
        String[][] jdbcUpdate = new String[total][];
        for (int i = 0; i < total; i++) {
            jdbcFirst[i] = baseline.upsert(i, false);
            jdbcUpdate[i] = baseline.upsert(i, true);
        }
        Map<Integer, AtomicInteger> sharedStatuses = new ConcurrentHashMap<>();

        // 1. Shared cores: warm-up, then first sends and updates, each next to its JDBC upsert.
        List<LoadResult> runs = new ArrayList<>();
        runs.add(run(
                "HTTP warm-up: first sends",
                WARMUP,
                index -> op -> LoadClient.send(http, base, firstSends[sharedFirst + op], sharedStatuses)));
        runs.add(run(
                "HTTP warm-up: updates",
                WARMUP,
                index -> op -> LoadClient.send(http, base, updates[sharedFirst + op], sharedStatuses)));
        runs.add(run("JDBC warm-up: first upserts", WARMUP, jdbcClients(pool, jdbcFirst, sharedFirst)));
        runs.add(run("JDBC warm-up: update upserts", WARMUP, jdbcClients(pool, jdbcUpdate, sharedFirst)));
        int m = sharedFirst + WARMUP;
        Map<String, Long> c0 = db.counters();
        LoadResult httpFirst = run(
                "HTTP, first sends (201)",
                MEASURED,
                index -> op -> LoadClient.send(http, base, firstSends[m + op], sharedStatuses));
        awaitDrained();
        Map<String, Long> c1 = db.counters();
        LoadResult jdbcFirstRun = run("JDBC upsert, new rows", MEASURED, jdbcClients(pool, jdbcFirst, m));
        Map<String, Long> c2 = db.counters();
        LoadResult httpUpdate = run(
                "HTTP, updates (200)",
                MEASURED,
                index -> op -> LoadClient.send(http, base, updates[m + op], sharedStatuses));
        awaitDrained();
        Map<String, Long> c3 = db.counters();
        LoadResult jdbcUpdateRun = run("JDBC upsert, existing rows", MEASURED, jdbcClients(pool, jdbcUpdate, m));
        Map<String, Long> c4 = db.counters();
        runs.addAll(List.of(httpFirst, jdbcFirstRun, httpUpdate, jdbcUpdateRun));

        // 2. Who sends which statements (general query log on: slower, not a figure of speed).
        awaitDrained();
        List<DatabaseProbe.LogEntry> log = db.traceEntries(() -> {
            try {
                run(
                        "traced first sends",
                        TRACED,
                        index -> op -> LoadClient.send(http, base, firstSends[traced + op], sharedStatuses));
                run(
                        "traced updates",
                        TRACED,
                        index -> op -> LoadClient.send(http, base, updates[traced + op], sharedStatuses));
                awaitDrained();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        DatabaseProbe.StatementSplit split = DatabaseProbe.split(log);

        // 3. The goal's figures: server side on one core, each client in a JVM of its own on the other.
        StringBuilder whyNotPinned = new StringBuilder();
        Optional<CorePinning> pinning = CorePinning.pinServer(whyNotPinned);
        List<CorePinning.ClientRun> pinned = new ArrayList<>();
        List<Map<String, Double>> pinnedPerPut = new ArrayList<>();
        if (pinning.isPresent()) {
            try (CorePinning cores = pinning.get()) {
                Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
                List<String> jdbcOptions = List.of(
                        "-Dbench.jdbc.user=" + pool.getUsername(),
                        "-Dbench.jdbc.password=" + (pool.getPassword() == null ? "" : pool.getPassword()));
                record Pinned(String name, String mode, List<String> lines) {}
                List<Pinned> plan = List.of(
                        new Pinned(
                                "JDBC upsert, new rows", "jdbc", sqlLines(jdbcFirst, pinnedFirst, WARMUP + MEASURED)),
                        new Pinned(
                                "HTTP, first sends (201)",
                                CLIENT_MODE,
                                LoadClient.lines(List.of(firstSends).subList(pinnedFirst, total))),
                        new Pinned(
                                "JDBC upsert, existing rows",
                                "jdbc",
                                sqlLines(jdbcUpdate, pinnedFirst, WARMUP + MEASURED)),
                        new Pinned(
                                "HTTP, updates (200)",
                                CLIENT_MODE,
                                LoadClient.lines(List.of(updates).subList(pinnedFirst, total))));
                for (Pinned p : plan) {
                    awaitDrained();
                    Map<String, Long> before = db.counters();
                    boolean isJdbc = p.mode().equals("jdbc");
                    CorePinning.ClientRun c = cores.runClient(
                            "core 1 client -> core 0 " + (isJdbc ? "MariaDB: " : "server: ") + p.name(),
                            p.mode(),
                            isJdbc ? pool.getJdbcUrl() : Integer.toString(port),
                            CLIENTS,
                            WARMUP,
                            MEASURED,
                            0,
                            p.lines(),
                            isJdbc ? jdbcOptions : List.of(),
                            workDir);
                    awaitDrained();
                    pinned.add(c);
                    pinnedPerPut.add(
                            DatabaseProbe.perOperation(before, db.counters(), c.operations() + c.warmupOperations()));
                }
            }
        }

        // 4. Report.
        report.section("runs")
                .line(
                        "unit %s (HTTP) and %s (JDBC baseline); %d clients, closed loop; every dossier has 2 of %d officers",
                        unit, baselineUnit, CLIENTS, OFFICERS)
                .line(
                        "HTTP: java.net.http.HttpClient in this JVM, Bearer API key; a first send creates the dossier (RECEIVED, 201), an update")
                .line("  re-sends it RETURNED with its return time (200); both answer the dossier with its survey link")
                .line(
                        "JDBC: one DriverManager connection per client, autocommit off: INSERT dossier ... ON DUPLICATE KEY UPDATE;")
                .line(
                        "  INSERT dossier_officer (2 rows) ... ON DUPLICATE KEY UPDATE; INSERT survey_link ... ON DUPLICATE KEY UPDATE; COMMIT")
                .results(runs);
        double firstRatio = httpFirst.throughput() / jdbcFirstRun.throughput();
        double updateRatio = httpUpdate.throughput() / jdbcUpdateRun.throughput();
        report.section("result with client, server and MariaDB sharing both cores")
                .line(
                        "first sends: HTTP %.0f/s vs JDBC %.0f/s: ratio %.2f  goal >= 0.30: %s",
                        httpFirst.throughput(),
                        jdbcFirstRun.throughput(),
                        firstRatio,
                        firstRatio >= 0.3 ? "MET" : "NOT MET")
                .line(
                        "updates:     HTTP %.0f/s vs JDBC %.0f/s: ratio %.2f  goal >= 0.30: %s",
                        httpUpdate.throughput(),
                        jdbcUpdateRun.throughput(),
                        updateRatio,
                        updateRatio >= 0.3 ? "MET" : "NOT MET")
                .line(
                        "HTTP p50 / p95 / p99: first sends %.1f / %.1f / %.1f ms, updates %.1f / %.1f / %.1f ms",
                        httpFirst.p50(),
                        httpFirst.p95(),
                        httpFirst.p99(),
                        httpUpdate.p50(),
                        httpUpdate.p95(),
                        httpUpdate.p99())
                .line("answers by status (all HTTP runs here): %s", new TreeMap<>(sharedStatuses));
        report.section("client on a core of its own (the goal's figure)");
        if (pinning.isEmpty()) {
            report.line("not measured: %s", whyNotPinned);
        } else {
            report.line(
                            "this JVM (server, rollup worker) and MariaDB pinned to CPU %d; each client in its own JVM (LoadClient, %s for HTTP,",
                            CorePinning.SERVER_CPU, CLIENT_MODE)
                    .line(
                            "  jdbc for the baseline: the same statements as text) on CPU %d; %d warm-up operations, then %d measured",
                            CorePinning.CLIENT_CPU, WARMUP, MEASURED);
            for (CorePinning.ClientRun c : pinned) {
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
            double pf = pinned.get(1).throughput() / pinned.get(0).throughput();
            double pu = pinned.get(3).throughput() / pinned.get(2).throughput();
            report.line(
                            "first sends: HTTP / JDBC on one core %.2f  goal >= 0.30: %s",
                            pf, pf >= 0.3 ? "MET" : "NOT MET")
                    .line(
                            "updates:     HTTP / JDBC on one core %.2f  goal >= 0.30: %s",
                            pu, pu >= 0.3 ? "MET" : "NOT MET");
        }
        Map<String, Double> firstPerPut = DatabaseProbe.perOperation(c0, c1, httpFirst.operations());
        Map<String, Double> jdbcFirstPer = DatabaseProbe.perOperation(c1, c2, jdbcFirstRun.operations());
        Map<String, Double> updatePerPut = DatabaseProbe.perOperation(c2, c3, httpUpdate.operations());
        Map<String, Double> jdbcUpdatePer = DatabaseProbe.perOperation(c3, c4, jdbcUpdateRun.operations());
        report.section("database work per PUT (SHOW GLOBAL STATUS; HTTP runs until the rollup outbox was empty again)")
                .line(
                        "  %-22s %10s %10s %10s %10s%s",
                        "counter",
                        "HTTP 201",
                        "JDBC new",
                        "HTTP 200",
                        "JDBC upd",
                        pinnedPerPut.isEmpty()
                                ? ""
                                : "   pinned: JDBC new, HTTP 201, JDBC upd, HTTP 200 (warm-up included)");
        for (String key : DatabaseProbe.PER_OPERATION) {
            if (firstPerPut.containsKey(key)) {
                StringBuilder pinnedColumns = new StringBuilder();
                for (Map<String, Double> p : pinnedPerPut) {
                    pinnedColumns.append(String.format(Locale.ROOT, " %10.2f", p.getOrDefault(key, Double.NaN)));
                }
                report.line(
                        "  %-22s %10.2f %10.2f %10.2f %10.2f%s",
                        key,
                        firstPerPut.get(key),
                        jdbcFirstPer.getOrDefault(key, Double.NaN),
                        updatePerPut.getOrDefault(key, Double.NaN),
                        jdbcUpdatePer.getOrDefault(key, Double.NaN),
                        pinnedColumns);
            }
        }
        int tracedPuts = 2 * TRACED;
        report.section(
                        "statements per PUT: the request's and the rollup worker's (general query log, %d first sends + %d updates)"
                                .formatted(TRACED, TRACED))
                .line(
                        "request: %.2f statements per PUT (%s) in %d transactions",
                        split.total("request") / (double) tracedPuts,
                        split.perOperation("request", tracedPuts),
                        split.transactions().getOrDefault("request", 0))
                .line(
                        "worker:  %.2f statements per PUT (%s) in %d transactions",
                        split.total("worker") / (double) tracedPuts,
                        split.perOperation("worker", tracedPuts),
                        split.transactions().getOrDefault("worker", 0));
        report.section("environment")
                .line("application pool: Hikari maximum-pool-size %d", pool.getMaximumPoolSize())
                .values(db.variables(
                        "version",
                        "innodb_flush_log_at_trx_commit",
                        "sync_binlog",
                        "log_bin",
                        "innodb_buffer_pool_size"))
                .line(
                        "other processes on the machine make figures noisy: the 'other processes' figure in each cpu line says how much.");
        report.finish();

        // Sanity only: every PUT answered as it should, and the rows are there.
        for (LoadResult r : runs) {
            assertThat(r.failures())
                    .as("%s failed: %s", r.name(), r.failureSamples())
                    .isZero();
            assertThat(r.timedOut())
                    .as("%s stopped by the time limit", r.name())
                    .isFalse();
        }
        for (CorePinning.ClientRun c : pinned) {
            assertThat(c.failures() + c.warmupFailures())
                    .as("%s failed: %s", c.name(), c.firstFailure())
                    .isZero();
            assertThat(c.serverErrors()).as("%s: 5xx", c.name()).isZero();
            assertThat(c.operations())
                    .as("%s stopped by its time limit", c.name())
                    .isEqualTo(MEASURED);
        }
        assertThat(sharedStatuses.keySet()).as("statuses").containsOnly(200, 201);
        int httpDossiers = pinning.isPresent() ? total : pinnedFirst;
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier WHERE evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        unit))
                .isEqualTo(httpDossiers + OFFICERS);
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier WHERE status = 'RETURNED' AND evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        unit))
                .isEqualTo(httpDossiers);
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_officer o JOIN dossier d ON d.id = o.dossier_id"
                                + " WHERE d.evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        unit))
                .isEqualTo(2L * (httpDossiers + OFFICERS));
        assertThat(count(
                        "SELECT COUNT(*) FROM survey_link l JOIN dossier d ON d.id = l.dossier_id"
                                + " WHERE d.evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        unit))
                .isEqualTo(httpDossiers + OFFICERS);
        int jdbcDossiers = pinning.isPresent() ? WARMUP + MEASURED + WARMUP + MEASURED : WARMUP + MEASURED;
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier WHERE status = 'RETURNED' AND evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        baselineUnit))
                .isEqualTo(jdbcDossiers);
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_officer o JOIN dossier d ON d.id = o.dossier_id"
                                + " WHERE d.evaluated_agency_id = (SELECT id FROM agency WHERE code = ?)",
                        baselineUnit))
                .isEqualTo(2L * jdbcDossiers);
    }

    static LoadResult run(String name, int operations, LoadRunner.ClientFactory clients) throws InterruptedException {
        return LoadRunner.of(name, CLIENTS, operations)
                .platformThreads()
                .timeLimit(TIME_LIMIT)
                .run(clients);
    }

    long count(String sql, String parameter) {
        return jdbc.queryForObject(sql, Long.class, parameter);
    }

    void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM rollup_pending", Long.class) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static List<String> sqlLines(String[][] transactions, int from, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            lines.add(String.join("\t", transactions[i]));
        }
        return lines;
    }

    /** In this JVM: per client its own connection, the transactions of operations {@code offset + op}. */
    static LoadRunner.ClientFactory jdbcClients(HikariDataSource pool, String[][] transactions, int offset) {
        return LoadClient.jdbcClients(
                pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), transactions, op -> offset + op);
    }

    /** The one-stop software's bodies: received ten days ago, due in seven, returned after five, two officers. */
    static final class Bodies {

        final String unit;
        final OffsetDateTime received =
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(10).truncatedTo(ChronoUnit.SECONDS);
        final String day = received.format(DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT));

        Bodies(String unit) {
            this.unit = unit;
        }

        String code(int i) {
            return unit + "-" + day + "-" + String.format(Locale.ROOT, "%06d", i);
        }

        String officer(int i) {
            return "cb-" + unit + "-" + (i % OFFICERS);
        }

        String json(int i, boolean returned) {
            return """
                    {"procedureCode":"1.004227","procedureName":"Cấp giấy phép môi trường","receivingUnit":"%s","competentUnit":"%s",\
                    "channel":"IN_PERSON","applicantKind":"CITIZEN","status":"%s","receivedAt":"%s","dueAt":"%s"%s,\
                    "officers":[{"id":"%s","name":"Cán bộ %d","role":"RECEIVING"},{"id":"%s","name":"Cán bộ %d","role":"PROCESSING"}]}""".formatted(
                            unit,
                            unit,
                            returned ? "RETURNED" : "RECEIVED",
                            received,
                            received.plusDays(7),
                            returned ? ",\"returnedAt\":\"" + received.plusDays(5) + "\"" : "",
                            officer(i),
                            i % OFFICERS,
                            officer(i + 1),
                            (i + 1) % OFFICERS);
        }
    }

    /** The same rows by raw JDBC, in the baseline's unit: the upsert a hand-written intake would send. */
    static final class Baseline {

        private final String procedureId;
        private final String unitId;
        private final String baselineId;
        private final String[] officerIds = new String[OFFICERS];
        private final Bodies bodies;
        private final String run = TestData.uniqueSuffix();
        private final SecureRandom random = new SecureRandom();
        private final DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        private final Map<Integer, String> ids = new HashMap<>();

        Baseline(JdbcTemplate jdbc, String unit, String baselineUnit, Bodies bodies) {
            this.bodies = bodies;
            this.unitId = jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", String.class, unit);
            this.baselineId = jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", String.class, baselineUnit);
            this.procedureId =
                    jdbc.queryForObject("SELECT id FROM admin_procedure WHERE code = '1.004227'", String.class);
            for (int i = 0; i < OFFICERS; i++) {
                officerIds[i] = jdbc.queryForObject(
                        "SELECT id FROM officer WHERE external_id = ?", String.class, bodies.officer(i));
            }
        }

        /** The three upserts of dossier {@code i}: first sent (RECEIVED) or returned. */
        String[] upsert(int i, boolean returned) {
            String id = ids.computeIfAbsent(i, k -> Ids.newId().toString());
            Instant received = bodies.received.toInstant();
            String now = "'" + utc.format(Instant.now()) + "'";
            byte[] token = new byte[32];
            random.nextBytes(token);
            String dossier =
                    "INSERT INTO dossier (id, version, code, procedure_id, receiving_agency_id, competent_agency_id,"
                            + " evaluated_agency_id, channel, applicant_kind, status, received_at, due_at, returned_at, timeliness,"
                            + " supplement_requests, created_at, updated_at) VALUES ('" + id + "', 0, 'J" + run + "-"
                            + i + "', '" + procedureId
                            + "', '" + unitId + "', '" + unitId + "', '" + baselineId + "', 'IN_PERSON', 'CITIZEN', '"
                            + (returned ? "RETURNED" : "RECEIVED") + "', '" + utc.format(received) + "', '"
                            + utc.format(received.plus(Duration.ofDays(7))) + "', "
                            + (returned
                                    ? "'" + utc.format(received.plus(Duration.ofDays(5))) + "', 'EARLY'"
                                    : "NULL, NULL")
                            + ", 0, " + now + ", "
                            + now
                            + ") ON DUPLICATE KEY UPDATE version = version + 1, status = VALUES(status), returned_at = VALUES(returned_at),"
                            + " timeliness = VALUES(timeliness), supplement_requests = VALUES(supplement_requests), updated_at = VALUES(updated_at)";
            String officers = "INSERT INTO dossier_officer (dossier_id, officer_id, role) VALUES ('" + id + "', '"
                    + officerIds[i % OFFICERS] + "', 'RECEIVING'), ('" + id + "', '" + officerIds[(i + 1) % OFFICERS]
                    + "', 'PROCESSING') ON DUPLICATE KEY UPDATE role = VALUES(role)";
            String link = "INSERT INTO survey_link (dossier_id, token_hash, issued_at) VALUES ('" + id + "', X'"
                    + HexFormat.of().formatHex(token) + "', " + now + ") ON DUPLICATE KEY UPDATE issued_at = issued_at";
            return new String[] {dossier, officers, link};
        }
    }
}
