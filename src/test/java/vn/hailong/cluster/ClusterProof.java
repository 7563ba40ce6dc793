package vn.hailong.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.hailong.audit.AuditChainCheck;

/**
 * The load and the checks of the loopback Galera proof (src/test/cluster/galera-proof.sh, ADR 085),
 * as a program: the script starts the cluster, runs this, and kills a database node and an app node
 * while it runs.
 *
 * <p>{@code setup <base url> <api key>}: registers the unit the load uses, prints its code.
 *
 * <p>{@code run <seconds> <haproxy port> <app ports,> <db ports,> <api key> <unit> <counters,> <db user> <db password>}:
 * paced streams through HAProxy (dossier PUTs, ratings, handovers), double sends of one rating to two app nodes at once
 * (the same idempotency key: one must be stored), failed log-ins straight to the app nodes (each writes an audit entry,
 * so nodes on different members write the single chain head concurrently); a client re-sends a failed or unanswered
 * request with the same body (and idempotency key) as an integrator would. Then it waits for the rollups to drain and
 * checks on a surviving member: acknowledged ratings all stored (lost), at most one counted rating per dossier
 * (doubled), every acknowledged failed log-in in the audit log and the chain intact, the rollups equal to a
 * recomputation from the ratings; and samples the isolation level of the app's open transactions and the Galera
 * counters. Prints a report; exits 1 when anything is lost, doubled or inconsistent.
 */
public final class ClusterProof {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final String[] OVERALL = {"SATISFIED", "VERY_SATISFIED", "DISSATISFIED"};

    private ClusterProof() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> System.out.println(setup(args[1], args[2]));
            case "run" -> System.exit(new ClusterProof.Run(args).run());
            default -> throw new IllegalArgumentException("setup | run");
        }
    }

    static String setup(String base, String key) throws Exception {
        String code = "000.00.85.G"
                + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        HttpResponse<String> r = send(
                base,
                "PUT",
                "/api/v1/units/" + code,
                "{\"name\":\"Trung tâm thử cụm " + code + "\",\"kind\":\"SERVICE_CENTRE\"}",
                key);
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("unit: " + r.statusCode() + " " + r.body());
        }
        return code;
    }

    static HttpResponse<String> send(String base, String method, String path, String json, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One stream's figures. */
    static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        void answer(String what) {
            answers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        String line(String name) {
            return "%-18s sent %5d  acknowledged %5d  re-sent %4d  failed %3d  answers %s"
                    .formatted(
                            name,
                            sent.get(),
                            acknowledged.get(),
                            resent.get(),
                            failed.get(),
                            new TreeMap<>(Map.copyOf(answers.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().get())))));
        }
    }

    static final class Run {
        final int seconds;
        final String lb;
        final String[] apps;
        final String[] dbs;
        final String key;
        final String unit;
        final String[] counters;
        final String dbUser;
        final String dbPassword;
        final OffsetDateTime received =
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(10).truncatedTo(ChronoUnit.SECONDS);
        final String day = received.format(DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT));
        final AtomicInteger nextDossier = new AtomicInteger();
        final ConcurrentLinkedQueue<Integer> toRate = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> toHandOver = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> toReturn = new ConcurrentLinkedQueue<>();
        /** Acknowledged ratings: idempotency key -> dossier code. */
        final Map<String, String> ratingsAcknowledged = new ConcurrentHashMap<>();
        /** Failed log-ins the app acknowledged (redirect to ?error): the user names, each in one audit entry. */
        final ConcurrentLinkedQueue<String> loginsAcknowledged = new ConcurrentLinkedQueue<>();

        final Tally puts = new Tally();
        final Tally ratings = new Tally();
        final Tally doubles = new Tally();
        final Tally handovers = new Tally();
        final Tally logins = new Tally();
        final Tally surveyPages = new Tally();
        final Tally kioskHandovers = new Tally();
        /** The follow-up e-mails' server (-Dproof.smtp=port), the kiosks in chromium (-Dproof.kiosks=device@counter@node,...). */
        SmtpSink smtp;

        volatile KioskPushProbe kiosks;
        final Map<String, AtomicInteger> isolation = new ConcurrentHashMap<>();
        final Map<String, String> wsrep = new ConcurrentHashMap<>();
        final AtomicLong loginSeq = new AtomicLong();
        volatile boolean running = true;

        Run(String[] a) {
            seconds = Integer.parseInt(a[1]);
            lb = "http://127.0.0.1:" + a[2];
            apps = Arrays.stream(a[3].split(","))
                    .map(p -> "http://127.0.0.1:" + p)
                    .toArray(String[]::new);
            dbs = a[4].split(",");
            key = a[5];
            unit = a[6];
            counters = a[7].split(",");
            dbUser = a[8];
            dbPassword = a[9];
        }

        String code(int n) {
            return unit + "-" + day + "-" + String.format(Locale.ROOT, "%06d", n);
        }

        String dossierJson(int i, boolean returned) {
            return """
                    {"procedureCode":"1.004227","procedureName":"Cấp giấy phép môi trường","receivingUnit":"%s","competentUnit":"%s",\
                    "channel":"IN_PERSON","applicantKind":"CITIZEN","status":"%s","receivedAt":"%s","dueAt":"%s"%s,\
                    "officers":[{"id":"cb-%s-%d","name":"Cán bộ %d","role":"RECEIVING"}]}""".formatted(
                            unit,
                            unit,
                            returned ? "RETURNED" : "RECEIVED",
                            received,
                            received.plusDays(7),
                            returned ? ",\"returnedAt\":\"" + received.plusDays(5) + "\"" : "",
                            unit,
                            i % 5,
                            i % 5);
        }

        static String ratingJson(String dossier, String idempotencyKey, int i) {
            // One in three dissatisfied, with its reason: each opens a follow-up case (and its e-mails).
            return """
                    {"dossierCode":"%s","channel":"PAPER","idempotencyKey":"%s",\
                    "answers":{"overall":"%s","convenience":"SATISFIED","attitude":"VERY_SATISFIED"}%s}""".formatted(
                    dossier, idempotencyKey, OVERALL[i % 3], i % 3 == 2 ? ",\"comment\":\"Trả kết quả chậm\"" : "");
        }

        /**
         * Sends until a 2xx (acknowledged) or a 4xx (refused), re-sending the same request after a 5xx or no answer, as an
         * integrator's outbox would, for at most 60 s. Returns the final status, -1 if never answered.
         */
        int deliver(Tally t, String base, String method, String path, String json) throws InterruptedException {
            return deliver(t, new String[] {base}, method, path, json);
        }

        /** As above, to the first of these nodes, and to the next one after a node did not answer (its process is gone). */
        int deliver(Tally t, String[] bases, String method, String path, String json) throws InterruptedException {
            String base = bases[0];
            int next = 1;
            t.sent.incrementAndGet();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int attempt = 0;
            while (true) {
                String what;
                int status = -1;
                try {
                    HttpResponse<String> r = send(base, method, path, json, key);
                    status = r.statusCode();
                    what = Integer.toString(status);
                    if (status >= 400 && status < 500) {
                        t.failures.add(method + " " + path + " -> " + status + " " + r.body());
                    }
                } catch (IOException e) {
                    what = e.getClass().getSimpleName();
                    base = bases[next++ % bases.length];
                }
                t.answer(what);
                if (status >= 200 && status < 300) {
                    t.acknowledged.incrementAndGet();
                    return status;
                }
                if (status >= 400 && status < 500 || System.nanoTime() > deadline) {
                    t.failed.incrementAndGet();
                    return status;
                }
                t.resent.incrementAndGet();
                Thread.sleep(Math.min(2000, 100L << Math.min(attempt++, 4)));
            }
        }

        int run() throws Exception {
            String smtpPort = System.getProperty("proof.smtp", "");
            if (!smtpPort.isBlank()) {
                smtp = new SmtpSink(Integer.parseInt(smtpPort));
                // A unit manager with an address: every dissatisfied rating's case then mails them, once.
                try (Connection c = db(dbs[0]);
                        PreparedStatement s = c.prepareStatement(
                                "INSERT INTO user_account (id, version, username, "
                                        + "password_hash, display_name, role, agency_id, enabled, created_at, email) VALUES (?, 0, ?, '{noop}-', 'Lãnh đạo thử cụm', "
                                        + "'UNIT_MANAGER', (SELECT id FROM agency WHERE code = ?), TRUE, UTC_TIMESTAMP(6), 'lanh-dao@proof.invalid')")) {
                    s.setString(1, UUID.randomUUID().toString());
                    s.setString(
                            2, "proof-manager-" + unit.toLowerCase(Locale.ROOT).replace('.', '-'));
                    s.setString(3, unit);
                    s.executeUpdate();
                }
            }
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            // The tablets first (chromium's start and the enrolments take long on a busy machine), then the load; the
            // script counts its kills from the marker file (-Dproof.started).
            CountDownLatch kiosksReady = new CountDownLatch(1);
            Thread kioskDriver = startKiosks(kiosksReady);
            kiosksReady.await(4, TimeUnit.MINUTES);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            loadEnd = end;
            String started = System.getProperty("proof.started", "");
            if (!started.isBlank()) {
                Files.writeString(Path.of(started), "started");
            }
            List<Thread> drivers = new ArrayList<>();
            // Seed: dossiers to rate and hand over from the first second.
            for (int i = 0; i < 60; i++) {
                newDossier();
            }
            drivers.add(paced("puts", 15, end, pool, op -> {
                Integer back = op % 4 == 3 ? toReturn.poll() : null;
                if (back == null) {
                    newDossier();
                } else {
                    deliver(puts, lb, "PUT", "/api/v1/dossiers/" + code(back), dossierJson(back, true));
                }
            }));
            drivers.add(paced("ratings", 10, end, pool, op -> {
                Integer n = toRate.poll();
                if (n == null) {
                    return;
                }
                String idem = "cl-" + UUID.randomUUID();
                if (op % 10 == 9) {
                    // A double send: the same rating to two app nodes (two Galera members) at the same moment.
                    List<Future<Integer>> both = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        String[] order = new String[apps.length];
                        for (int j = 0; j < apps.length; j++) {
                            order[j] = apps[(op + k + j) % apps.length];
                        }
                        both.add(pool.submit(() ->
                                deliver(doubles, order, "POST", "/api/v1/ratings", ratingJson(code(n), idem, n))));
                    }
                    boolean ok = false;
                    for (var f : both) {
                        int s = f.get();
                        ok |= s >= 200 && s < 300;
                    }
                    if (ok) {
                        ratingsAcknowledged.put(idem, code(n));
                    }
                } else if (deliver(ratings, lb, "POST", "/api/v1/ratings", ratingJson(code(n), idem, n)) / 100 == 2) {
                    ratingsAcknowledged.put(idem, code(n));
                }
                toReturn.add(n);
            }));
            drivers.add(paced("handovers", 3, end, pool, op -> {
                Integer n = toHandOver.poll();
                if (n != null) {
                    deliver(
                            handovers,
                            lb,
                            "POST",
                            "/api/v1/counters/" + counters[op % counters.length] + "/handover",
                            "{\"dossierCode\":\"" + code(n) + "\",\"officerId\":\"cb-" + unit + "-" + (n % 5) + "\"}");
                    toReturn.add(n);
                }
            }));
            // Audited actions: two failed log-ins a second, each straight to an app node in turn, and every 15 s a
            // burst of
            // one on each node at once (the chain head written from every member in the same instant).
            drivers.add(paced("logins", 2, end, pool, op -> {
                if (op % 30 == 0) {
                    List<Future<?>> burst = new ArrayList<>();
                    for (String app : apps) {
                        burst.add(pool.submit(() -> {
                            failedLogIn(app);
                            return null;
                        }));
                    }
                    for (var f : burst) {
                        f.get();
                    }
                } else {
                    failedLogIn(apps[op % apps.length]);
                }
            }));
            // Ratings through the citizen's survey page too (GET the form, POST it, 303 to the thank-you page), one a
            // second.
            drivers.add(paced("survey page", 1, end, pool, op -> surveyPageRating()));
            if (kioskDriver != null) {
                drivers.add(kioskDriver);
            }
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(end));
            for (Thread d : drivers) {
                d.join();
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            running = false;
            sampler.join();
            return verify();
        }

        static final Pattern SURVEY_LINK = Pattern.compile("\"surveyLink\"\\s*:\\s*\"[^\"]*/r/([A-Za-z0-9_-]+)");
        static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
        static final Pattern OVERALL_OPTION = Pattern.compile("name=\"q\\.overall\" value=\"([A-Z_]+)\"");

        /** A returned dossier, then its rating through the survey page as a citizen's phone sends it (the form, re-sent with its key on a 5xx). */
        void surveyPageRating() throws Exception {
            int n = nextDossier.getAndIncrement();
            String token = null;
            for (int attempt = 0; attempt < 20 && token == null; attempt++) {
                try {
                    HttpResponse<String> r = send(lb, "PUT", "/api/v1/dossiers/" + code(n), dossierJson(n, true), key);
                    if (r.statusCode() / 100 == 2) {
                        Matcher m = SURVEY_LINK.matcher(r.body());
                        if (!m.find()) {
                            surveyPages.answer("no surveyLink in the dossier");
                            return;
                        }
                        token = m.group(1);
                    }
                } catch (IOException e) {
                    // re-sent below
                }
                if (token == null) {
                    Thread.sleep(500);
                }
            }
            if (token == null) {
                surveyPages.answer("dossier not stored");
                return;
            }
            String address = "198.51.100." + (1 + n % 250);
            surveyPages.sent.incrementAndGet();
            String form = null;
            String cookie = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (form == null) {
                        HttpResponse<String> page = HTTP.send(
                                HttpRequest.newBuilder(URI.create(lb + "/r/" + token))
                                        .timeout(Duration.ofSeconds(20))
                                        .header("X-Forwarded-For", address)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (page.statusCode() != 200) {
                            surveyPages.answer("page " + page.statusCode());
                            surveyPages.resent.incrementAndGet();
                            Thread.sleep(500);
                            continue;
                        }
                        StringBuilder f = new StringBuilder();
                        Map<String, String> hidden = new LinkedHashMap<>();
                        Matcher h = HIDDEN.matcher(page.body());
                        while (h.find()) {
                            hidden.put(h.group(1), h.group(2).replace("&amp;", "&"));
                        }
                        hidden.forEach((name, value) -> f.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                .append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                                .append('&'));
                        Matcher o = OVERALL_OPTION.matcher(page.body());
                        List<String> options = new ArrayList<>();
                        while (o.find()) {
                            options.add(o.group(1));
                        }
                        String overall = options.contains("SATISFIED")
                                ? (n % 2 == 0 ? "SATISFIED" : "VERY_SATISFIED")
                                : options.isEmpty() ? "" : options.getFirst();
                        form = f + "q.overall=" + overall + "&do=send";
                        // HAProxy's node cookie left out: the POST may reach another node than the form (the page keeps
                        // no state on a node).
                        cookie = page.headers().allValues("Set-Cookie").stream()
                                .map(c -> c.split(";", 2)[0])
                                .filter(c -> !c.startsWith("HAILONG_NODE="))
                                .reduce((x, y) -> x + "; " + y)
                                .orElse("");
                        String idem = hidden.get("key");
                        if (idem == null || idem.isBlank()) {
                            surveyPages.answer("no key in the form");
                            surveyPages.failed.incrementAndGet();
                            return;
                        }
                        surveyKeys.put(token, idem);
                    }
                    HttpResponse<String> post = HTTP.send(
                            HttpRequest.newBuilder(URI.create(lb + "/r/" + token))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Cookie", cookie)
                                    .header("X-Forwarded-For", address)
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    String location = post.headers().firstValue("Location").orElse("");
                    surveyPages.answer(post.statusCode()
                            + (location.contains("/thanks") ? " thanks" : location.isEmpty() ? "" : " form"));
                    if (post.statusCode() == 303 && location.contains("/thanks")) {
                        surveyPages.acknowledged.incrementAndGet();
                        ratingsAcknowledged.put(surveyKeys.get(token), code(n));
                        return;
                    }
                    if (post.statusCode() == 303) {
                        // Back to the form: refused (what to correct, or rated meanwhile). Not acknowledged.
                        surveyPages.failures.add("POST /r/" + token + " -> form again");
                        surveyPages.failed.incrementAndGet();
                        return;
                    }
                } catch (IOException e) {
                    surveyPages.answer(e.getClass().getSimpleName());
                }
                surveyPages.resent.incrementAndGet();
                Thread.sleep(500);
            }
            surveyPages.failed.incrementAndGet();
        }

        final Map<String, String> surveyKeys = new ConcurrentHashMap<>();

        /** Tablets in chromium, each on one app node; handovers for their counters sent to another node, one every ~1.5 s. */
        volatile long loadEnd = Long.MAX_VALUE;

        Thread startKiosks(CountDownLatch ready) throws Exception {
            String spec = System.getProperty("proof.kiosks", "");
            if (spec.isBlank()) {
                ready.countDown();
                return null;
            }
            // Playwright is used from this one thread only.
            return Thread.ofPlatform().name("kiosks").start(() -> {
                try {
                    kiosks = new KioskPushProbe();
                    try (Connection c = db(dbs[0])) {
                        for (String entry : spec.split(",")) {
                            String[] p = entry.split("@");
                            int node = Integer.parseInt(p[2]);
                            try {
                                kiosks.enrol(c, p[0], p[1], node, apps[node]);
                            } catch (Exception e) {
                                // One tablet that did not come up does not stop the others.
                                kiosks.misses.add("tablet " + p[0] + " on node " + (node + 1) + " not enrolled: "
                                        + e.getClass().getSimpleName());
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println("kiosks not started: " + e);
                    return;
                } finally {
                    ready.countDown();
                }
                if (kiosks.tablets.isEmpty()) {
                    return;
                }
                int i = 0;
                while (System.nanoTime() < loadEnd) {
                    KioskPushProbe.Tablet t = kiosks.tablets.get(i % kiosks.tablets.size());
                    try {
                        int n = nextDossier.getAndIncrement();
                        if (deliver(puts, lb, "PUT", "/api/v1/dossiers/" + code(n), dossierJson(n, false)) / 100 == 2) {
                            // Recorded on another node than the tablet's: first choice rotates, the next one if that
                            // node is gone.
                            kioskHandovers.sent.incrementAndGet();
                            String json = "{\"dossierCode\":\"" + code(n) + "\",\"officerId\":\"cb-" + unit + "-k\"}";
                            for (int k = 1; k < apps.length + 1; k++) {
                                int other =
                                        (t.node() + k + (i / kiosks.tablets.size()) % (apps.length - 1)) % apps.length;
                                if (other == t.node()) {
                                    continue;
                                }
                                long start = System.nanoTime();
                                long answered;
                                int status;
                                try {
                                    status = send(
                                                    apps[other],
                                                    "POST",
                                                    "/api/v1/counters/" + t.counter() + "/handover",
                                                    json,
                                                    key)
                                            .statusCode();
                                } catch (IOException gone) {
                                    status = -1;
                                }
                                answered = System.nanoTime();
                                kioskHandovers.answer(Integer.toString(status));
                                if (status == 201) {
                                    kioskHandovers.acknowledged.incrementAndGet();
                                    kiosks.awaitSurvey(t, code(n), start, answered);
                                    break;
                                }
                                if (status == 202 || status / 100 == 4) {
                                    kioskHandovers.acknowledged.incrementAndGet();
                                    break;
                                }
                            }
                        }
                        Thread.sleep(1500);
                    } catch (Exception e) {
                        System.err.println("kiosks: " + e);
                    }
                    i++;
                }
                kiosks.close();
            });
        }

        void newDossier() throws InterruptedException {
            int n = nextDossier.getAndIncrement();
            if (deliver(puts, lb, "PUT", "/api/v1/dossiers/" + code(n), dossierJson(n, false)) / 100 == 2) {
                (n % 4 == 3 ? toHandOver : toRate).add(n);
            }
        }

        void failedLogIn(String app) throws InterruptedException {
            String user =
                    "khong-co-" + loginSeq.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
            String address = "203.0.113." + (1 + loginSeq.get() % 250);
            logins.sent.incrementAndGet();
            try {
                HttpResponse<String> page = HTTP.send(
                        HttpRequest.newBuilder(URI.create(app + "/login"))
                                .timeout(Duration.ofSeconds(20))
                                .header("X-Forwarded-For", address)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher csrf =
                        Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
                String cookie = page.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.split(";", 2)[0])
                        .reduce((x, y) -> x + "; " + y)
                        .orElse("");
                if (page.statusCode() != 200 || !csrf.find()) {
                    logins.answer("page " + page.statusCode());
                    logins.failed.incrementAndGet();
                    return;
                }
                String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=sai-mat-khau&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                HttpResponse<String> post = HTTP.send(
                        HttpRequest.newBuilder(URI.create(app + "/login"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookie)
                                .header("X-Forwarded-For", address)
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String location = post.headers().firstValue("Location").orElse("");
                String what = post.statusCode()
                        + (location.contains("?") ? location.substring(location.indexOf('?')) : " " + location);
                logins.answer(what);
                if (post.statusCode() == 302 && (location.endsWith("?error") || location.endsWith("?locked"))) {
                    logins.acknowledged.incrementAndGet();
                    loginsAcknowledged.add(user);
                } else {
                    logins.failed.incrementAndGet();
                    logins.failures.add(app + " " + what + " "
                            + post.body().lines().limit(3).toList());
                }
            } catch (IOException e) {
                // A dead node: the attempt never reached a database; nothing to find in the log.
                logins.answer(e.getClass().getSimpleName());
            }
        }

        interface Op {
            void call(int op) throws Exception;
        }

        /** Starts {@code rate} operations a second until {@code end}, each on a virtual thread (an open model). */
        Thread paced(String name, int rate, long end, ExecutorService pool, Op op) {
            return Thread.ofPlatform().name(name).start(() -> {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                int n = 0;
                while (next < end) {
                    int i = n++;
                    pool.submit(() -> {
                        try {
                            op.call(i);
                        } catch (Exception e) {
                            System.err.println(name + ": " + e);
                        }
                        return null;
                    });
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            });
        }

        Connection db(String port) throws SQLException {
            return DriverManager.getConnection(
                    "jdbc:mariadb://127.0.0.1:" + port + "/hailong?connectTimeout=2000&socketTimeout=10000",
                    dbUser,
                    dbPassword);
        }

        /** Every 500 ms: the isolation level of the open transactions on each member, and its Galera counters. */
        void sample(long end) {
            while (running) {
                for (String port : dbs) {
                    try (Connection c = db(port);
                            Statement s = c.createStatement()) {
                        // The app's own transactions only: Galera's applier threads run the other members' writesets at
                        // the
                        // server's default level (REPEATABLE READ), which says nothing about the app.
                        try (ResultSet rs = s.executeQuery(
                                "SELECT t.trx_isolation_level, COUNT(*) FROM information_schema.INNODB_TRX t"
                                        + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
                                        + " WHERE t.trx_mysql_thread_id <> CONNECTION_ID() AND p.USER = '" + dbUser
                                        + "' GROUP BY t.trx_isolation_level")) {
                            while (rs.next()) {
                                isolation
                                        .computeIfAbsent(rs.getString(1), k -> new AtomicInteger())
                                        .addAndGet(rs.getInt(2));
                            }
                        }
                        try (ResultSet rs = s.executeQuery(
                                "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures',"
                                        + " 'wsrep_local_bf_aborts', 'wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_last_committed')")) {
                            while (rs.next()) {
                                wsrep.put(port + " " + rs.getString(1), rs.getString(2));
                            }
                        }
                    } catch (SQLException down) {
                        wsrep.put(
                                port + " wsrep_local_state_comment",
                                "unreachable (" + down.getClass().getSimpleName() + ")");
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** A connection to the first member that answers (one may have been killed). */
        private Connection anyMember() {
            for (String port : dbs) {
                try {
                    return db(port);
                } catch (SQLException down) {
                    // the killed member
                }
            }
            throw new IllegalStateException("no member answers");
        }

        int verify() throws Exception {
            List<String> bad = new ArrayList<>();
            try (Connection c = anyMember()) {
                // Rollups: wait for the drain (rollup_pending empty), at most 60 s.
                long drainStart = System.nanoTime();
                long pending = -1;
                while (System.nanoTime() - drainStart < Duration.ofSeconds(60).toNanos()) {
                    pending = longOf(c, "SELECT COUNT(*) FROM rollup_pending");
                    if (pending == 0) {
                        break;
                    }
                    Thread.sleep(500);
                }
                double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                String unitId = "(SELECT id FROM agency WHERE code = '" + unit + "')";
                String unitMails =
                        "FROM mail_outbox m JOIN follow_up_case fc ON fc.id = m.about_id WHERE fc.responsible_unit_id = "
                                + unitId;
                // Mails: wait until none is pending (the nodes poll every 5 s here), at most 90 s.
                long mailStart = System.nanoTime();
                while (smtp != null
                        && longOf(c, "SELECT COUNT(*) " + unitMails + " AND m.status = 'PENDING'") > 0
                        && System.nanoTime() - mailStart
                                < Duration.ofSeconds(90).toNanos()) {
                    Thread.sleep(1000);
                }
                Map<String, Long> mailRows = new TreeMap<>();
                List<String> sentCodes = new ArrayList<>();
                try (Statement q = c.createStatement();
                        ResultSet rs = q.executeQuery("SELECT m.status, d.code FROM mail_outbox m "
                                + "JOIN follow_up_case fc ON fc.id = m.about_id JOIN dossier d ON d.id = fc.dossier_id WHERE fc.responsible_unit_id = "
                                + unitId)) {
                    while (rs.next()) {
                        mailRows.merge(rs.getString(1), 1L, Long::sum);
                        if (rs.getString(1).equals("SENT")) {
                            sentCodes.add(rs.getString(2));
                        }
                    }
                }
                long mailOnce = 0;
                long mailTwice = 0;
                long mailMissing = 0;
                if (smtp != null) {
                    for (String code : sentCodes) {
                        long received = smtp.bySubject.entrySet().stream()
                                .filter(e -> e.getKey().contains(code))
                                .mapToLong(e -> e.getValue().get())
                                .sum();
                        if (received == 1) {
                            mailOnce++;
                        } else if (received == 0) {
                            mailMissing++;
                        } else {
                            mailTwice++;
                        }
                    }
                }
                long stored = longOf(c, "SELECT COUNT(*) FROM rating WHERE evaluated_agency_id = " + unitId);
                long counted = longOf(
                        c, "SELECT COUNT(*) FROM rating WHERE status = 'COUNTED' AND evaluated_agency_id = " + unitId);
                long doubled = longOf(
                        c,
                        "SELECT COUNT(*) FROM (SELECT dossier_id FROM rating WHERE status = 'COUNTED' AND evaluated_agency_id = "
                                + unitId + " GROUP BY dossier_id HAVING COUNT(*) > 1) d");
                long dossiersRatedTwice = longOf(
                        c,
                        "SELECT COUNT(*) FROM (SELECT dossier_id FROM rating WHERE evaluated_agency_id = " + unitId
                                + " GROUP BY dossier_id HAVING COUNT(*) > 1) d");
                long lost = 0;
                List<String> lostSamples = new ArrayList<>();
                try (PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id"
                                + " WHERE r.idempotency_key = ? AND d.code = ?")) {
                    for (Map.Entry<String, String> e : ratingsAcknowledged.entrySet()) {
                        q.setString(1, e.getKey());
                        q.setString(2, e.getValue());
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) != 1) {
                                lost++;
                                if (lostSamples.size() < 5) {
                                    lostSamples.add(e.getValue() + " " + e.getKey());
                                }
                            }
                        }
                    }
                }
                long inRollups = longOf(
                        c,
                        "SELECT COALESCE(SUM(answers), 0) FROM rating_rollup WHERE dimension = 'ALL' AND grain = 'Y'"
                                + " AND reach = 'O' AND status = 'COUNTED' AND criterion = 'overall' AND unit_id = "
                                + unitId);
                long loginsMissing = 0;
                List<String> missingUsers = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN_FAILED' AND subject = ?")) {
                    for (String user : loginsAcknowledged) {
                        q.setString(1, "user " + user);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) == 0) {
                                loginsMissing++;
                                missingUsers.add(user);
                            }
                        }
                    }
                }
                long auditTwice = longOf(
                        c,
                        "SELECT COUNT(*) FROM (SELECT subject FROM audit_entry WHERE action = 'LOGIN_FAILED'"
                                + " GROUP BY subject HAVING COUNT(*) > 1) t");
                AuditChainCheck.Result chain = AuditChainCheck.verify(c);
                String syncWait;
                String isolationGlobal;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT @@global.wsrep_sync_wait, @@global.tx_isolation")) {
                    rs.next();
                    syncWait = rs.getString(1);
                    isolationGlobal = rs.getString(2);
                }

                System.out.println("== Load (" + seconds + " s through HAProxy " + lb
                        + ", log-ins and double sends straight to " + String.join(" ", apps) + ")");
                System.out.println(puts.line("dossier PUT"));
                System.out.println(ratings.line("rating POST"));
                System.out.println(doubles.line("rating double send"));
                System.out.println(handovers.line("handover POST"));
                System.out.println(logins.line("failed log-in"));
                System.out.println(surveyPages.line("survey page POST"));
                System.out.println(kioskHandovers.line("kiosk handover"));
                for (Tally t : List.of(puts, ratings, doubles, handovers, logins, surveyPages)) {
                    t.failures.stream().limit(3).forEach(f -> System.out.println("   refused: " + f));
                }
                System.out.println("== Ratings");
                System.out.println("acknowledged (2xx, distinct ratings)  " + ratingsAcknowledged.size());
                System.out.println("stored for the unit                   " + stored);
                System.out.println("lost (acknowledged, not stored)       " + lost
                        + (lostSamples.isEmpty() ? "" : " e.g. " + lostSamples));
                System.out.println("dossiers with two counted ratings     " + doubled);
                System.out.println("dossiers with two stored ratings      " + dossiersRatedTwice);
                System.out.println("== Follow-up e-mails");
                System.out.println("rows of the unit by status            " + mailRows);
                System.out.println(
                        "messages received by the SMTP sink    " + (smtp == null ? "(no sink)" : smtp.messages.get()));
                System.out.println(
                        "sent rows received once / twice+ / 0  " + mailOnce + " / " + mailTwice + " / " + mailMissing);
                System.out.println("== Kiosks (chromium; handover on one node, tablet on another)");
                System.out.println(
                        "cross-node push                       " + (kiosks == null ? "(no kiosks)" : kiosks.report()));
                if (kiosks != null) {
                    kiosks.misses.stream().limit(3).forEach(m -> System.out.println("   not shown: " + m));
                }
                System.out.println("== Rollups");
                System.out.println("rollup_pending after the load         " + pending + " (drained in "
                        + String.format(Locale.ROOT, "%.1f", drainSeconds) + " s)");
                System.out.println("counted ratings / in rollups          " + counted + " / " + inRollups);
                System.out.println("== Audit chain");
                System.out.println("entries checked                       " + chain.checked());
                System.out.println("problems                              "
                        + (chain.problems().isEmpty() ? "none" : chain.problems()));
                System.out.println(
                        "acknowledged failed log-ins missing   " + loginsMissing + " of " + loginsAcknowledged.size()
                                + (missingUsers.isEmpty()
                                        ? ""
                                        : " " + missingUsers.stream().limit(5).toList()));
                System.out.println("failed log-ins with two entries       " + auditTwice);
                System.out.println("== Galera");
                System.out.println("isolation of app transactions seen    "
                        + new TreeMap<>(Map.copyOf(isolation.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().get())))));
                System.out.println("server defaults                       tx_isolation=" + isolationGlobal
                        + " wsrep_sync_wait=" + syncWait);
                new TreeMap<>(wsrep).forEach((k, v) -> System.out.println("db " + k + " = " + v));

                if (lost > 0) {
                    bad.add(lost + " acknowledged rating(s) lost");
                }
                if (doubled > 0 || dossiersRatedTwice > 0) {
                    bad.add(doubled + " dossier(s) with two counted ratings, " + dossiersRatedTwice
                            + " with two stored");
                }
                if (pending != 0 || counted != inRollups) {
                    bad.add("rollups differ from the ratings: " + inRollups + " vs " + counted + ", pending "
                            + pending);
                }
                // "Wrong password" (?error) is answered only once the failure's entry was written; a password that
                // could not
                // be checked goes to ?unavailable, with no entry (ADR 085).
                if (!chain.problems().isEmpty() || auditTwice > 0 || loginsMissing > 0) {
                    bad.add("audit chain: " + chain.problems() + ", " + auditTwice + " entries twice, " + loginsMissing
                            + " missing");
                }
                if (isolation.keySet().stream().anyMatch(l -> !l.equals("READ COMMITTED"))) {
                    bad.add("transactions not at READ COMMITTED: " + isolation.keySet());
                }
                if (smtp != null && (mailTwice > 0 || mailMissing > 0 || mailRows.getOrDefault("PENDING", 0L) > 0)) {
                    bad.add("e-mails: " + mailTwice + " sent more than once, " + mailMissing
                            + " marked sent but not received, " + mailRows.getOrDefault("PENDING", 0L)
                            + " still pending");
                }
                if (ratings.failed.get()
                                + doubles.failed.get()
                                + puts.failed.get()
                                + handovers.failed.get()
                                + surveyPages.failed.get()
                        > 0) {
                    bad.add("requests refused or never acknowledged within 60 s");
                }
            }
            System.out.println(bad.isEmpty() ? "RESULT OK" : "RESULT FAILED: " + bad);
            return bad.isEmpty() ? 0 : 1;
        }

        static long longOf(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
