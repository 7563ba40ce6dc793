package vn.hailong.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a load client off the server's core: this JVM (the application under test) and its child
 * processes (the embedded MariaDB) are pinned to CPU {@value #SERVER_CPU}, and clients started
 * with {@link #runClient} ({@link LoadClient}) run in a JVM of their own on CPU {@value #CLIENT_CPU}. An in-process
 * baseline run meanwhile in this JVM gets CPU {@value #SERVER_CPU} alone too, so both sides of a
 * comparison are measured on the same single core, and neither pays for the client.
 *
 * <p>Linux only ({@code taskset} from util-linux); {@link #pinServer} answers empty where it
 * cannot pin (one core, no taskset, not permitted). Threads started after pinning inherit it.
 */
final class CorePinning implements AutoCloseable {

    static final int SERVER_CPU = 0;
    static final int CLIENT_CPU = 1;

    /** What a client run in its own JVM measured, and how busy the two cores were meanwhile. */
    record ClientRun(
            String name,
            int operations,
            int failures,
            long elapsedNanos,
            double p50,
            double p95,
            double p99,
            String firstFailure,
            double serverCoreBusy,
            double clientCoreBusy,
            Map<Integer, Integer> statuses,
            int warmupOperations,
            int warmupFailures) {

        double throughput() {
            return elapsedNanos == 0 ? 0 : operations * 1e9 / elapsedNanos;
        }

        /** Answers with a status of 500 or more. */
        int serverErrors() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }

    private final List<Long> pinned;
    private final String allCpus;

    private CorePinning(List<Long> pinned, String allCpus) {
        this.pinned = pinned;
        this.allCpus = allCpus;
    }

    /** Pins this JVM and its child processes to the server's core, or answers why it could not. */
    static Optional<CorePinning> pinServer(StringBuilder whyNot) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            whyNot.append("only ").append(cpus).append(" CPU available");
            return Optional.empty();
        }
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        String all = "0-" + (cpus - 1);
        List<Long> done = new ArrayList<>();
        for (long pid : pids) {
            String problem = taskset("-a", "-p", "-c", Integer.toString(SERVER_CPU), Long.toString(pid));
            if (problem != null) {
                done.forEach(p -> taskset("-a", "-p", "-c", all, Long.toString(p)));
                whyNot.append("taskset failed for pid ")
                        .append(pid)
                        .append(": ")
                        .append(problem);
                return Optional.empty();
            }
            done.add(pid);
        }
        return Optional.of(new CorePinning(done, all));
    }

    /**
     * Runs {@link LoadClient} with GETs of these paths (cycled through) in a JVM of its own on the client's core and
     * answers its figures.
     */
    ClientRun runClient(
            String name,
            String mode,
            int port,
            int clients,
            int warmup,
            int operations,
            int expectedStatus,
            String apiKey,
            List<String> paths,
            Path workDir)
            throws IOException, InterruptedException {
        List<String> lines = LoadClient.lines(paths.stream()
                .map(p -> LoadClient.Request.get(p, expectedStatus, apiKey))
                .toList());
        return runClient(name, mode, Integer.toString(port), clients, warmup, operations, 0, lines, List.of(), workDir);
    }

    /**
     * Runs {@link LoadClient} in a JVM of its own on the client's core and answers its figures.
     *
     * @param target the server's port (http, socket) or the JDBC URL (jdbc)
     * @param rate operations per second, or 0 for a closed loop
     * @param lines the requests file's lines (see {@link LoadClient}): warm-up first, then the measured run
     * @param systemProperties "-Dname=value" options of the client's JVM
     */
    ClientRun runClient(
            String name,
            String mode,
            String target,
            int clients,
            int warmup,
            int operations,
            double rate,
            List<String> lines,
            List<String> systemProperties,
            Path workDir)
            throws IOException, InterruptedException {
        Path requestsFile = Files.createTempFile(workDir, "bench-requests", ".txt");
        Files.write(requestsFile, lines, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of("taskset", "-c", Integer.toString(CLIENT_CPU), java, "-XX:+UseSerialGC"));
        command.addAll(systemProperties);
        command.addAll(List.of(
                "-cp",
                classPath(),
                LoadClient.class.getName(),
                mode,
                target,
                Integer.toString(clients),
                Integer.toString(warmup),
                Integer.toString(operations),
                String.format(Locale.ROOT, "%.3f", rate),
                requestsFile.toString()));
        // Into a file rather than a pipe, so that waiting is bounded even if the client hangs with its output open.
        Path outputFile = Files.createTempFile(workDir, "bench-client", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + ": the client did not finish");
        }
        String output = Files.readString(outputFile);
        Files.deleteIfExists(requestsFile);
        Files.deleteIfExists(outputFile);
        String result = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + ": the client printed no result: " + output));
        String[] f = result.split(" ", 13);
        return new ClientRun(
                name,
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Long.parseLong(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                f[12],
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                LoadClient.parseStatuses(f[9]),
                Integer.parseInt(f[10]),
                Integer.parseInt(f[11]));
    }

    /** The test classes and, for the jdbc mode, the MariaDB driver. */
    private static String classPath() {
        String tests = Path.of(LoadClient.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        try {
            Class<?> driver = Class.forName("org.mariadb.jdbc.Driver");
            return tests
                    + File.pathSeparator
                    + Path.of(driver.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
        } catch (ReflectiveOperationException | URISyntaxException | RuntimeException e) {
            return tests;
        }
    }

    /** Gives this JVM and the processes pinned with it all CPUs again. */
    @Override
    public void close() {
        pinned.forEach(pid -> taskset("-a", "-p", "-c", allCpus, Long.toString(pid)));
    }

    /** Null when taskset succeeded, else what went wrong. */
    private static String taskset(String... args) {
        List<String> command = new ArrayList<>();
        command.add("taskset");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : String.format(Locale.ROOT, "exit %d: %s", p.exitValue(), out.strip());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
