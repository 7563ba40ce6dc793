package vn.hailong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's printed figures: sections of text and tables of {@link LoadResult}s. {@link #finish()}
 * prints the report and writes it to {@code ${hailong.build-dir:target}/bench/NAME.txt}.
 *
 * <p>Benchmarks report; they do not fail on speed (targets are stated in the report and judged by
 * people, since a shared or busy machine makes any timing threshold flaky).
 */
public final class BenchmarkReport {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    /** A report written to {@code bench/NAME.txt}; {@code name} should be a simple file name. */
    public BenchmarkReport(String name, String title) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("report name must be a simple file name: " + name);
        }
        this.name = name;
        text.append("=".repeat(Math.max(title.length(), 20)))
                .append('\n')
                .append(title)
                .append('\n')
                .append("=".repeat(Math.max(title.length(), 20)))
                .append('\n');
        line(
                "run at %s; Java %s (%s), %d CPUs seen by the JVM, %s %s",
                Instant.now(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    public BenchmarkReport section(String heading) {
        text.append('\n').append("-- ").append(heading).append(" --\n");
        return this;
    }

    public BenchmarkReport line(String format, Object... args) {
        text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args))
                .append('\n');
        return this;
    }

    /** "key: value" lines; doubles with two decimals. */
    public BenchmarkReport values(Map<String, ?> values) {
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        values.forEach((k, v) ->
                line("  %-" + width + "s  %s", k, v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v));
        return this;
    }

    /** A table of runs: throughput and latency percentiles, then how busy the machine was during each. */
    public BenchmarkReport results(List<LoadResult> results) {
        int width = Math.max(
                3, results.stream().mapToInt(r -> r.name().length()).max().orElse(3));
        String header = String.format(
                Locale.ROOT,
                "%-" + width + "s %7s %7s %6s %7s %9s %8s %8s %8s %8s %8s",
                "run",
                "clients",
                "ops",
                "failed",
                "secs",
                "ops/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "mean ms");
        line(header);
        line("-".repeat(header.length()));
        for (LoadResult r : results) {
            line(
                    "%-" + width + "s %7d %7d %6d %7.1f %9.1f %8.2f %8.2f %8.2f %8.1f %8.2f%s",
                    r.name(),
                    r.clients(),
                    r.operations(),
                    r.failures(),
                    r.elapsedSeconds(),
                    r.throughput(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.maxMillis(),
                    r.meanMillis(),
                    r.timedOut() ? "  (stopped by the time limit)" : "");
        }
        for (LoadResult r : results) {
            if (r.machine() != null && r.operations() > 0) {
                double perOp = r.elapsedSeconds() * 1000 / r.operations();
                line("  cpu during %-" + (width + 1) + "s %s", r.name() + ":", r.machine());
                line(
                        "  %-" + (width + 12)
                                + "s CPU ms per op: this JVM %.2f (without JIT and GC %.2f), MariaDB %.2f",
                        "",
                        r.machine().jvm() * perOp,
                        (r.machine().jvm() - r.machine().jit() - r.machine().gc()) * perOp,
                        r.machine().children() * perOp);
            }
            for (String failure : r.failureSamples()) {
                line("  failure in %s: %s", r.name(), failure);
            }
        }
        return this;
    }

    public BenchmarkReport results(LoadResult... results) {
        return results(List.of(results));
    }

    public String text() {
        return text.toString();
    }

    /** Prints the report and writes it to {@code ${hailong.build-dir:target}/bench/NAME.txt}; answers that file. */
    public Path finish() {
        Path file = Path.of(System.getProperty("hailong.build-dir", "target"), "bench", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.print(text);
        System.out.println("(written to " + file.toAbsolutePath() + ")");
        System.out.flush();
        return file;
    }
}
