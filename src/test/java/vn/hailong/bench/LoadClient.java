package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * The benchmarks' load client as a program of its own, so that it can run in its own JVM on a core
 * of its own ({@link CorePinning}): a load generator that shares the server's cores measures itself
 * as much as the server.
 *
 * <p>{@code java -cp target/test-classes[:mariadb-java-client.jar] vn.hailong.bench.LoadClient <http|socket|jdbc> <port or
 * JDBC URL> <clients> <warm-up operations> <operations> <rate per second, 0 = closed loop> <file of requests>}
 *
 * <p>The file has one request per line, used in order: the warm-up takes lines {@code 0..warmup-1}, the measured run the
 * lines after them, and when the file has fewer lines the client cycles through them (idempotent GETs). A line is
 * <ul>
 * <li>for {@code http} and {@code socket}: {@code METHOD \t path?query \t accepted statuses (comma-separated) \t body or -
 * [\t Header: value]...} — any other status fails the operation, as does an empty 200 to a GET;</li>
 * <li>for {@code jdbc}: SQL statements separated by tabs, run on the client's own connection with autocommit off, then
 * COMMIT (user and password in the system properties {@code bench.jdbc.user} / {@code bench.jdbc.password}). The text is
 * what the MariaDB driver sends for client-side prepared statements, its default.</li>
 * </ul>
 *
 * <p>It prints one line: {@code RESULT <operations> <failures> <elapsed ns> <p50 ms> <p95 ms> <p99 ms> <busy share of the
 * server's core> <of the client's core> <answers by status, e.g. 200=10,201=990, or -> <warm-up operations> <warm-up
 * failures> <first failure>}, over the measured run (but the warm-up's counts, and its failures as a last resort). Only JDK classes, this package's load runner and (for jdbc) the MariaDB driver are needed on the class path.
 */
public final class LoadClient {

    private LoadClient() {}

    /** One line of the requests file. */
    public record Request(String method, String path, int[] accepted, String body, List<String> headers) {

        public static Request get(String path, int status, String bearerKey) {
            return new Request(
                    "GET",
                    path,
                    new int[] {status},
                    null,
                    bearerKey == null ? List.of() : List.of("Authorization: Bearer " + bearerKey));
        }

        /** A JSON request with a Bearer key (or none) and further headers. */
        public static Request json(
                String method, String path, String body, String bearerKey, List<String> moreHeaders, int... accepted) {
            List<String> headers = new ArrayList<>();
            headers.add("Content-Type: application/json");
            if (bearerKey != null) {
                headers.add("Authorization: Bearer " + bearerKey);
            }
            headers.addAll(moreHeaders);
            return new Request(method, path, accepted, body, headers);
        }

        String line() {
            StringBuilder line =
                    new StringBuilder(method).append('\t').append(path).append('\t');
            line.append(String.join(
                            ",",
                            Arrays.stream(accepted).mapToObj(Integer::toString).toList()))
                    .append('\t');
            line.append(body == null ? "-" : body);
            headers.forEach(h -> line.append('\t').append(h));
            if (line.indexOf("\n") >= 0 || (body != null && body.indexOf('\t') >= 0)) {
                throw new IllegalArgumentException("requests must not contain tabs or line breaks: " + line);
            }
            return line.toString();
        }

        static Request parse(String line) {
            String[] f = line.split("\t");
            int[] accepted =
                    Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
            return new Request(
                    f[0], f[1], accepted, "-".equals(f[3]) ? null : f[3], List.of(Arrays.copyOfRange(f, 4, f.length)));
        }

        boolean accepts(int status) {
            for (int a : accepted) {
                if (a == status) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The file's lines for a list of HTTP requests. */
    public static List<String> lines(List<Request> requests) {
        return requests.stream().map(Request::line).toList();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println(
                    "usage: LoadClient <http|socket|jdbc> <port|jdbc url> <clients> <warm-up> <operations> <rate|0> <requests file>");
            System.exit(2);
        }
        String mode = args[0];
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int operations = Integer.parseInt(args[4]);
        double rate = Double.parseDouble(args[5]);
        List<String> lines = Files.readAllLines(Path.of(args[6]), StandardCharsets.UTF_8);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean();
        // op of the warm-up -> line op; op of the measured run -> line warmup + op; cycling when the file is shorter
        int[] offset = {0};
        LoadRunner.ClientFactory factory = switch (mode) {
            case "http" -> {
                int port = Integer.parseInt(args[1]);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                Request[] requests = lines.stream().map(Request::parse).toArray(Request[]::new);
                URI base = URI.create("http://localhost:" + port);
                yield index -> op -> {
                    Request r = requests[(offset[0] + op) % requests.length];
                    send(http, base, r, measuring.get() ? statuses : null);
                };
            }
            case "socket" -> {
                int port = Integer.parseInt(args[1]);
                Request[] requests = lines.stream().map(Request::parse).toArray(Request[]::new);
                byte[][] bytes = Arrays.stream(requests)
                        .map(r -> KeepAliveHttpClient.request(
                                r.method(), "localhost", port, r.path(), r.body(), r.headers()))
                        .toArray(byte[][]::new);
                yield index -> {
                    KeepAliveHttpClient socket = new KeepAliveHttpClient("localhost", port, bytes, 0);
                    return new LoadRunner.Client() {
                        @Override
                        public void call(int op) throws Exception {
                            int i = (offset[0] + op) % bytes.length;
                            int status = socket.exchange(bytes[i]);
                            count(measuring, statuses, status);
                            check(requests[i], status, socket.lastBody());
                        }

                        @Override
                        public void close() throws Exception {
                            socket.close();
                        }
                    };
                };
            }
            case "jdbc" -> {
                String url = args[1];
                String[][] transactions = lines.stream().map(l -> l.split("\t")).toArray(String[][]::new);
                yield jdbcClients(
                        url,
                        System.getProperty("bench.jdbc.user", ""),
                        System.getProperty("bench.jdbc.password", ""),
                        transactions,
                        op -> (offset[0] + op) % transactions.length);
            }
            default -> throw new IllegalArgumentException("mode must be http, socket or jdbc, was " + mode);
        };
        // This JVM starts cold: it warms its own JIT before the measured run (the server is warm already).
        LoadResult warm = warmup > 0
                ? LoadRunner.of("warm-up", clients, warmup)
                        .platformThreads()
                        .timeLimit(Duration.ofMinutes(2))
                        .run(factory)
                : null;
        offset[0] = warmup;
        measuring.set(true);
        LoadRunner measured =
                LoadRunner.of("measured", clients, operations).platformThreads().timeLimit(Duration.ofMinutes(5));
        if (rate > 0) {
            measured.rate(rate);
        }
        long[] before = MachineLoad.coreTicks();
        LoadResult r = measured.run(factory);
        long[] after = MachineLoad.coreTicks();
        List<String> failures = new ArrayList<>(r.failureSamples());
        if (warm != null) {
            failures.addAll(
                    warm.failureSamples().stream().map(f -> "warm-up " + f).toList());
        }
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT %d %d %d %.3f %.3f %.3f %.4f %.4f %s %d %d %s",
                r.operations(),
                r.failures(),
                r.elapsedNanos(),
                r.p50(),
                r.p95(),
                r.p99(),
                MachineLoad.coreBusy(before, after, CorePinning.SERVER_CPU),
                MachineLoad.coreBusy(before, after, CorePinning.CLIENT_CPU),
                byStatus(statuses),
                warm == null ? 0 : warm.operations(),
                warm == null ? 0 : warm.failures(),
                failures.isEmpty() ? "-" : failures.getFirst().replace('\n', ' ')));
    }

    private static void count(AtomicBoolean measuring, Map<Integer, AtomicInteger> statuses, int status) {
        if (measuring.get()) {
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** "200=10,201=990", or "-" when there were no answers. */
    static String byStatus(Map<Integer, AtomicInteger> statuses) {
        Map<Integer, AtomicInteger> sorted = new TreeMap<>(statuses);
        return sorted.isEmpty()
                ? "-"
                : String.join(
                        ",",
                        sorted.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    /** Parses {@link #byStatus}. */
    static Map<Integer, Integer> parseStatuses(String text) {
        Map<Integer, Integer> result = new TreeMap<>();
        if (!"-".equals(text)) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                result.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return result;
    }

    private static void check(Request r, int status, String body) {
        if (!r.accepts(status) || ("GET".equals(r.method()) && status == 200 && body.isEmpty())) {
            throw new IllegalStateException("HTTP " + status + " to " + r.method() + " " + r.path() + ": " + body);
        }
    }

    /**
     * One request with java.net.http.HttpClient: counts its status in {@code statuses} (unless null), then throws unless
     * the status is accepted; answers the status.
     */
    static int send(HttpClient http, URI base, Request r, Map<Integer, AtomicInteger> statuses) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(r.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        r.method(),
                        r.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
        for (String header : r.headers()) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8);
        if (statuses != null) {
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                    .incrementAndGet();
        }
        check(r, response.statusCode(), body);
        return response.statusCode();
    }

    /** One GET with java.net.http.HttpClient; anything but the expected status (or an empty 200) fails. */
    static void get(HttpClient http, URI uri, String apiKey, int expectedStatus) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus || (expectedStatus == 200 && response.body().length == 0)) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /**
     * JDBC clients, each on a connection of its own with autocommit off: operation {@code op} runs the
     * statements of {@code transactions[transactionOf(op)]} as text, then commits (rolls back on failure).
     */
    static LoadRunner.ClientFactory jdbcClients(
            String url, String user, String password, String[][] transactions, IntUnaryOperator transactionOf) {
        return index -> {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            Statement s = c.createStatement();
            return new LoadRunner.Client() {
                @Override
                public void call(int op) throws Exception {
                    try {
                        for (String sql : transactions[transactionOf.applyAsInt(op)]) {
                            s.execute(sql);
                        }
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
        };
    }
}
