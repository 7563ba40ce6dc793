package vn.hailong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.RollupProbe;
import vn.hailong.TestData;
import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.Selection;
import vn.hailong.directory.DirectoryService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hailong.bench.BenchSettings.intSetting;

/**
 * A soak: {@code bench.soak.minutes} (10) of mixed load at a steady rate, each stream paced on its own (an open model:
 * requests fall due at a fixed rate whatever the answers do):
 * <ul>
 * <li>dossier PUTs ({@code bench.soak.putsPerSecond}, 20): three in four first sends (201), one in four an update of a
 * dossier sent earlier (200, now returned);</li>
 * <li>ratings ({@code bench.soak.ratingsPerSecond}, 8) over HTTP, each of a dossier sent earlier;</li>
 * <li>handovers ({@code bench.soak.handoversPerSecond}, 4): {@code POST /api/v1/counters/{counter}/handover} of
 * dossiers never rated, the counters ({@code bench.soak.counters}, 40) in turn;</li>
 * <li>dashboard reads ({@code bench.soak.dashboardPerSecond}, 2): {@link DashboardService} called in this JVM as a
 * province manager (the view's own calls): headline, breakdown by unit, monthly trend, hour grid of the year.</li>
 * </ul>
 * Every {@code bench.soak.sampleSeconds} (10) it samples the heap used after a full collection (System.gc(), then
 * MemoryMXBean; {@code -Dbench.soak.forceGc=false} reads the pools' usage after the last collection instead), live
 * threads, the Hikari pool (active / idle / threads waiting, the maxima of 100 ms polls within the window) and the
 * operations and errors of the window. Reports the heap's slope after the first minute (goal: flat), the most threads
 * ever waiting for a connection (goal: the pool is never exhausted), and errors (goal 0). Fails only on a 5xx or any
 * failed operation, never on speed or heap.
 */
@HaiLongTest
@Tag("bench")
class MixedLoadSoakBenchmarkTest {

    static final int MINUTES = intSetting("bench.soak.minutes", 10);
    static final int PUTS = intSetting("bench.soak.putsPerSecond", 20);
    static final int RATINGS = intSetting("bench.soak.ratingsPerSecond", 8);
    static final int HANDOVERS = intSetting("bench.soak.handoversPerSecond", 4);
    static final int DASHBOARD = intSetting("bench.soak.dashboardPerSecond", 2);
    static final int SAMPLE_SECONDS = intSetting("bench.soak.sampleSeconds", 10);
    static final boolean FORCE_GC = !"false".equals(System.getProperty("bench.soak.forceGc"));
    /**
     * Counters taking the handovers in turn: with 40 at 4 handovers per second, one counter's handovers are 10 s apart,
     * as an officer's would be at most. (Two handovers at one counter at the same moment answer 500 now: both end the
     * counter's open handover, one fails its optimistic lock; found by this benchmark with 5 counters.)
     */
    static final int COUNTERS = intSetting("bench.soak.counters", 40);
    /** Dossiers sent before the soak, so that ratings and handovers have dossiers from the first second on. */
    static final int SEED = intSetting("bench.soak.seed", 300);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    DashboardService dashboard;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One paced stream: its name, rate, live counters and answers by status. */
    static final class Stream {
        final String name;
        final int rate;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger starved = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        volatile LoadResult result;

        Stream(String name, int rate) {
            this.name = name;
            this.rate = rate;
        }
    }

    /** What one window of the soak looked like. */
    record Sample(
            double minute,
            double heapMb,
            double heapAfterGcMb,
            int threads,
            int activeMax,
            int idle,
            int waitingMax,
            int total,
            Map<String, Integer> done,
            int errors) {}

    @Test
    void mixed_load_at_a_steady_rate_keeps_heap_pool_and_errors_flat() throws Exception {
        BenchmarkReport report = new BenchmarkReport(
                "mixed-load-soak",
                "Soak: %d minutes of dossier PUTs %d/s, ratings %d/s, handovers %d/s, dashboard reads %d/s"
                        .formatted(MINUTES, PUTS, RATINGS, HANDOVERS, DASHBOARD));
        HikariPoolMXBean hikari = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String run = TestData.uniqueSuffix();
        String unit = oneStop.registersUnit("SERVICE_CENTRE");
        String centre = "TT-" + run;
        directory.upsertCentre(centre, "Trung tâm soak " + run, unit);
        String[] counters = new String[COUNTERS];
        for (int c = 0; c < COUNTERS; c++) {
            counters[c] = "Q-" + run + "-" + c;
            directory.upsertCounter(counters[c], "Quầy " + c, centre);
        }
        String manager = "bench-soak-" + run.toLowerCase(Locale.ROOT);
        accounts.ensureAccount(manager, "mat-khau-" + manager, "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        UserDetails managerUser = accounts.loadUserByUsername(manager);

        DossierIntakeBenchmarkTest.Bodies bodies = new DossierIntakeBenchmarkTest.Bodies(unit);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI base = URI.create("http://localhost:" + port);
        // Dossiers sent and not yet rated (two in three new ones) or never to be rated (handed over), and ones to
        // update.
        ConcurrentLinkedQueue<Integer> toRate = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> toHandOver = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> toUpdate = new ConcurrentLinkedQueue<>();
        AtomicInteger nextDossier = new AtomicInteger();
        Stream puts = new Stream("dossier PUT", PUTS);
        Stream ratings = new Stream("rating POST", RATINGS);
        Stream handovers = new Stream("handover POST", HANDOVERS);
        Stream reads = new Stream("dashboard read", DASHBOARD);
        List<Stream> streams = List.of(puts, ratings, handovers, reads);

        Function<Map<Integer, AtomicInteger>, LoadRunner.Client> newDossier = statuses -> op -> {
            int n = nextDossier.getAndIncrement();
            LoadClient.send(
                    http,
                    base,
                    LoadClient.Request.json(
                            "PUT",
                            "/api/v1/dossiers/" + bodies.code(n),
                            bodies.json(n, false),
                            HaiLongTest.API_KEY,
                            List.of(),
                            201),
                    statuses);
            (n % 3 == 2 ? toHandOver : toRate).add(n);
        };
        LoadRunner.Client seedDossier = newDossier.apply(null);
        LoadRunner.Client soakDossier = newDossier.apply(puts.statuses);
        LoadResult seed = LoadRunner.of("seed: dossiers", 8, SEED).run(index -> seedDossier);
        assertThat(seed.failures()).as("seed: %s", seed.failureSamples()).isZero();

        Duration limit = Duration.ofMinutes(MINUTES).plusSeconds(60);
        List<Thread> drivers = new ArrayList<>();
        drivers.add(drive(
                puts,
                limit,
                index -> counted(puts, op -> {
                    Integer update = op % 4 == 3 ? toUpdate.poll() : null;
                    if (update == null) {
                        soakDossier.call(op);
                    } else {
                        LoadClient.send(
                                http,
                                base,
                                LoadClient.Request.json(
                                        "PUT",
                                        "/api/v1/dossiers/" + bodies.code(update),
                                        bodies.json(update, true),
                                        HaiLongTest.API_KEY,
                                        List.of(),
                                        200),
                                puts.statuses);
                    }
                })));
        drivers.add(drive(
                ratings,
                limit,
                index -> counted(ratings, op -> {
                    Integer n = toRate.poll();
                    if (n == null) {
                        ratings.starved.incrementAndGet();
                        return;
                    }
                    LoadClient.send(
                            http,
                            base,
                            LoadClient.Request.json(
                                    "POST",
                                    "/api/v1/ratings",
                                    RatingIngestionBenchmarkTest.ratingJson(bodies.code(n), "soak-" + run + "-" + n, n),
                                    HaiLongTest.API_KEY,
                                    List.of(),
                                    201),
                            ratings.statuses);
                    toUpdate.add(n);
                })));
        drivers.add(drive(
                handovers,
                limit,
                index -> counted(handovers, op -> {
                    Integer n = toHandOver.poll();
                    if (n == null) {
                        handovers.starved.incrementAndGet();
                        return;
                    }
                    LoadClient.send(
                            http,
                            base,
                            LoadClient.Request.json(
                                    "POST",
                                    "/api/v1/counters/" + counters[op % COUNTERS] + "/handover",
                                    "{\"dossierCode\":\"" + bodies.code(n) + "\",\"officerId\":\"cb-" + unit + "-1\"}",
                                    HaiLongTest.API_KEY,
                                    List.of(),
                                    201),
                            handovers.statuses);
                    toUpdate.add(n);
                })));
        Selection year = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.YEAR, LocalDate.now(OneStopSoftware.ZONE)), null);
        drivers.add(drive(reads, limit, index -> {
            // The client's own thread is the one that calls: sign it in as the manager.
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            managerUser, null, managerUser.getAuthorities()));
            return counted(reads, op -> {
                Object answer = switch (op % 4) {
                    case 0 -> dashboard.headline(year);
                    case 1 -> breakdowns.breakdown(year, Breakdown.UNIT);
                    case 2 -> dashboard.trend(year);
                    default -> dashboard.hourGrid(year);
                };
                if (answer == null) {
                    throw new IllegalStateException("no answer");
                }
            });
        }));

        // The sampler: Hikari every 100 ms (maxima per window), the rest every SAMPLE_SECONDS.
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        long nextSample = started + Duration.ofSeconds(SAMPLE_SECONDS).toNanos();
        int activeMax = 0;
        int waitingMax = 0;
        int everWaiting = 0;
        int everActive = 0;
        Map<String, Integer> doneBefore = new TreeMap<>();
        int errorsBefore = 0;
        while (drivers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(100);
            activeMax = Math.max(activeMax, hikari.getActiveConnections());
            waitingMax = Math.max(waitingMax, hikari.getThreadsAwaitingConnection());
            long now = System.nanoTime();
            if (now >= nextSample || drivers.stream().noneMatch(Thread::isAlive)) {
                double heap = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
                double afterGc;
                if (FORCE_GC) {
                    System.gc();
                    afterGc = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
                } else {
                    afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                                    .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                                    .mapToLong(p -> p.getCollectionUsage().getUsed())
                                    .sum()
                            / 1048576.0;
                }
                Map<String, Integer> done = new TreeMap<>();
                int errors = 0;
                for (Stream s : streams) {
                    done.put(s.name, s.done.get() - doneBefore.getOrDefault(s.name, 0));
                    errors += s.errors.get();
                }
                samples.add(new Sample(
                        (now - started) / 6e10,
                        heap,
                        afterGc,
                        ManagementFactory.getThreadMXBean().getThreadCount(),
                        activeMax,
                        hikari.getIdleConnections(),
                        waitingMax,
                        hikari.getTotalConnections(),
                        done,
                        errors - errorsBefore));
                streams.forEach(s -> doneBefore.put(s.name, s.done.get()));
                errorsBefore = errors;
                everActive = Math.max(everActive, activeMax);
                everWaiting = Math.max(everWaiting, waitingMax);
                activeMax = 0;
                waitingMax = 0;
                nextSample += Duration.ofSeconds(SAMPLE_SECONDS).toNanos();
            }
        }
        double soakMinutes = (System.nanoTime() - started) / 6e10;
        RollupProbe rollups = new RollupProbe(jdbc);
        long convergeStarted = System.nanoTime();
        long inRollups = rollups.awaitConverged(unit, Duration.ofSeconds(60));
        double convergeSeconds = (System.nanoTime() - convergeStarted) / 1e9;
        long counted = rollups.countedRatingsOf(unit);

        // Report.
        // The heap's slope by least squares over the samples after the first minute (JIT, caches and pools fill it).
        List<Sample> steady = samples.stream().filter(s -> s.minute() >= 1.0).toList();
        if (steady.size() < 3) { // a short smoke run: all samples
            steady = samples;
        }
        double slope = slope(steady);
        List<Sample> afterWarmUp =
                samples.stream().filter(s -> s.minute() > 1.0).toList();
        int steadyActive =
                afterWarmUp.stream().mapToInt(Sample::activeMax).max().orElse(-1);
        int steadyWaiting =
                afterWarmUp.stream().mapToInt(Sample::waitingMax).max().orElse(-1);
        int totalErrors = streams.stream().mapToInt(s -> s.errors.get()).sum();
        int serverErrors = streams.stream()
                .flatMap(s -> s.statuses.entrySet().stream())
                .filter(e -> e.getKey() >= 500)
                .mapToInt(e -> e.getValue().get())
                .sum();
        report.section("load")
                .line(
                        "%.1f minutes; each stream paced on its own (open model: latency counts from the due time); client in this JVM,",
                        soakMinutes)
                .line(
                        "  java.net.http.HttpClient, 32 clients per stream; %d dossiers sent before (seed); unit %s, %d counters",
                        SEED, unit, COUNTERS);
        List<LoadResult> results = new ArrayList<>();
        for (Stream s : streams) {
            results.add(s.result);
        }
        report.results(results);
        for (Stream s : streams) {
            report.line(
                    "  %-16s answers %s%s",
                    s.name,
                    s == reads
                            ? "(in this JVM, no HTTP)"
                            : new TreeMap<>(s.statuses.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().get()))),
                    s.starved.get() == 0
                            ? ""
                            : ", %d operations found no dossier to work on (skipped)".formatted(s.starved.get()));
        }
        report.section(
                        "samples every %d s (heap after GC: %s; pool: maximum-pool-size %d; active and waiting: maxima of 100 ms polls)"
                                .formatted(
                                        SAMPLE_SECONDS,
                                        FORCE_GC ? "System.gc() then used" : "pools' usage after the last collection",
                                        poolSize))
                .line(
                        "  %6s %9s %9s %7s %6s %5s %7s %5s %6s  %s",
                        "minute",
                        "heap MB",
                        "after GC",
                        "threads",
                        "active",
                        "idle",
                        "waiting",
                        "total",
                        "errors",
                        "operations in the window");
        for (Sample s : samples) {
            report.line(
                    "  %6.2f %9.1f %9.1f %7d %6d %5d %7d %5d %6d  %s",
                    s.minute(),
                    s.heapMb(),
                    s.heapAfterGcMb(),
                    s.threads(),
                    s.activeMax(),
                    s.idle(),
                    s.waitingMax(),
                    s.total(),
                    s.errors(),
                    s.done());
        }
        double first = steady.getFirst().heapAfterGcMb();
        report.section("result")
                .line(
                        "heap after GC: %.1f MB at minute %.1f, %.1f MB at the end; slope %.2f MB per minute (least squares from there)"
                                + "  goal flat (|slope| < 1 MB/min): %s",
                        first,
                        steady.getFirst().minute(),
                        samples.getLast().heapAfterGcMb(),
                        slope,
                        Math.abs(slope) < 1 ? "MET" : "NOT MET")
                .line(
                        "threads: %d at the first sample, %d at the last",
                        samples.getFirst().threads(), samples.getLast().threads())
                .line(
                        "pool: at most %d of %d connections active, at most %d threads waiting for one  goal pool never exhausted: %s",
                        everActive,
                        poolSize,
                        everWaiting,
                        everWaiting == 0 && everActive < poolSize ? "MET" : "NOT MET")
                .line(
                        "  after the first minute (warm-up over): at most %d active, at most %d waiting; a connection wait longer than the pool's"
                                + " (DATABASE_POOL_WAIT) would be a 503 among the errors",
                        steadyActive, steadyWaiting)
                .line(
                        "errors: %d (5xx: %d)  goal 0: %s",
                        totalErrors, serverErrors, totalErrors == 0 ? "MET" : "NOT MET")
                .line(
                        "rollups of the unit counted every rating %.2f s after the soak ended%s",
                        convergeSeconds,
                        inRollups == counted ? "" : " (NOT converged: " + inRollups + " of " + counted + ")");
        for (Stream s : streams) {
            if (s.result.failureSamples().size() > 0) {
                report.line("  %s: first failures %s", s.name, s.result.failureSamples());
            }
        }
        report.finish();

        assertThat(serverErrors).as("5xx answers").isZero();
        assertThat(totalErrors)
                .as(
                        "failed operations: %s",
                        streams.stream()
                                .flatMap(s -> s.result.failureSamples().stream())
                                .toList())
                .isZero();
        assertThat(inRollups).as("rollups converged").isEqualTo(counted);
    }

    /** Starts a paced stream on a thread of its own; its result lands in {@code stream.result}. */
    static Thread drive(Stream stream, Duration limit, LoadRunner.ClientFactory clients) {
        int operations = (int) Math.max(1, (long) stream.rate * MINUTES * 60);
        return Thread.ofPlatform().name("soak-" + stream.name).start(() -> {
            try {
                stream.result = LoadRunner.of(stream.name, 32, operations)
                        .rate(stream.rate)
                        .timeLimit(limit)
                        .run(clients);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Counts the operation as done, or as an error when it throws. */
    static LoadRunner.Client counted(Stream stream, LoadRunner.Client client) {
        return op -> {
            try {
                client.call(op);
                stream.done.incrementAndGet();
            } catch (Exception e) {
                stream.errors.incrementAndGet();
                throw e;
            }
        };
    }

    /** Least-squares slope of heap after GC (MB) over time (minutes). */
    static double slope(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = samples.stream().mapToDouble(Sample::minute).average().orElse(0);
        double my =
                samples.stream().mapToDouble(Sample::heapAfterGcMb).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.minute() - mx) * (s.heapAfterGcMb() - my);
            den += (s.minute() - mx) * (s.minute() - mx);
        }
        return den == 0 ? Double.NaN : num / den;
    }
}
