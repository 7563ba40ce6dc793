package vn.hailong.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A node of the application in a process of its own (this JVM's classpath, the test profile, the
 * test database), so that a test can kill it as an operator's {@code kill -9} or a power cut
 * would: no shutdown hook, no graceful stop, whatever was in flight is gone.
 */
public final class NodeProcess implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private NodeProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node on the database at {@code jdbcUrl} and returns once it answers HTTP (at most 3 minutes). */
    public static NodeProcess start(String jdbcUrl, String... extraArgs) throws IOException, InterruptedException {
        return start(Map.of(), jdbcUrl, extraArgs);
    }

    /** As {@link #start(String, String...)}, with these environment variables added to the process's (e.g. LOG_FORMAT). */
    public static NodeProcess start(Map<String, String> environment, String jdbcUrl, String... extraArgs)
            throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.hailong.HaiLongApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--logging.level.root=warn"));
        command.addAll(List.of(extraArgs));
        Path log = Files.createTempFile(Path.of("target"), "node-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        NodeProcess node = new NodeProcess(port, process, log);
        node.awaitServing(Duration.ofMinutes(3));
        return node;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as systemd's stop or an orchestrator sends it: the node shuts down gracefully; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or empty if it still runs after {@code within}. */
    public OptionalInt awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** Everything the process wrote to its standard output and error so far, line by line. */
    public List<String> output() throws IOException {
        return Files.readAllLines(log);
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void awaitServing(Duration within) throws InterruptedException, IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node process exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("node process did not serve within " + within + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                // the kill was sent; the caller's thread keeps its interrupt
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
