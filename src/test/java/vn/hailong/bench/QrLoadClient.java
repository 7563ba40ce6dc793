package vn.hailong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The QR benchmark's load client as a program of its own, so that it can run in its own JVM on a
 * core of its own ({@link CorePinning}): a load generator that shares the server's cores measures
 * itself as much as the server.
 *
 * <p>{@code java -cp target/test-classes vn.hailong.bench.QrLoadClient <http|socket> <port> <clients>
 * <warm-up operations> <operations> <expected status> <api key or -> <file of request paths>}
 * prints one line: {@code RESULT <operations> <failures> <elapsed ns> <p50 ms> <p95 ms> <p99 ms> <busy share of the server's core>
 * <of the client's core> <first failure>}, the busy shares over the measured run.
 * Only JDK classes and this package's load runner are needed on the class path.
 */
public final class QrLoadClient {

    private QrLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: QrLoadClient <http|socket> <port> <clients> <warm-up> <operations> <status> <key|-> <paths file>");
            System.exit(2);
        }
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int operations = Integer.parseInt(args[4]);
        int status = Integer.parseInt(args[5]);
        String key = "-".equals(args[6]) ? null : args[6];
        List<String> paths = Files.readAllLines(Path.of(args[7]));
        LoadRunner.ClientFactory factory = switch (mode) {
            case "http" -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                URI[] uris = paths.stream().map(p -> URI.create("http://localhost:" + port + p)).toArray(URI[]::new);
                yield index -> op -> get(http, uris[op % uris.length], key, status);
            }
            case "socket" -> {
                byte[][] requests = paths.stream().map(p -> KeepAliveHttpClient.request("localhost", port, p, key)).toArray(byte[][]::new);
                yield index -> new KeepAliveHttpClient("localhost", port, requests, status);
            }
            default -> throw new IllegalArgumentException("mode must be http or socket, was " + mode);
        };
        // This JVM starts cold: it warms its own JIT before the measured run (the server is warm already).
        LoadRunner.of("warm-up", clients, warmup).platformThreads().timeLimit(Duration.ofMinutes(2)).run(factory);
        long[] before = MachineLoad.coreTicks();
        LoadResult r = LoadRunner.of("measured", clients, operations).platformThreads().timeLimit(Duration.ofMinutes(2)).run(factory);
        long[] after = MachineLoad.coreTicks();
        System.out.println(String.format(Locale.ROOT, "RESULT %d %d %d %.3f %.3f %.3f %.4f %.4f %s", r.operations(), r.failures(),
                r.elapsedNanos(), r.p50(), r.p95(), r.p99(), MachineLoad.coreBusy(before, after, CorePinning.SERVER_CPU),
                MachineLoad.coreBusy(before, after, CorePinning.CLIENT_CPU),
                r.failureSamples().isEmpty() ? "-" : r.failureSamples().getFirst().replace('\n', ' ')));
    }

    /** One GET with java.net.http.HttpClient; anything but the expected status (or an empty 200) fails. */
    static void get(HttpClient http, URI uri, String apiKey, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus || (expectedStatus == 200 && response.body().length == 0)) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
