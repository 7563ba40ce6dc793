package vn.hailong.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How busy the machine is, and who makes it busy: this JVM (benchmark clients and the application
 * under test), its child processes (the embedded MariaDB) and everything else (other builds on the
 * same machine, which make figures noisy). Read from Linux's /proc; elsewhere it reports nothing.
 */
public final class MachineLoad {

    /** CPU counters at one moment, in clock ticks. */
    public record Snapshot(
            long totalTicks,
            long idleTicks,
            long selfTicks,
            Map<Long, Long> childTicks,
            double loadAverage,
            long jitTicks,
            long gcTicks,
            long gcCount,
            Map<Long, Long> serverThreadTicks,
            Map<Long, Long> httpClientThreadTicks) {}

    /**
     * CPU use between two snapshots, in cores (2.0 = two cores busy the whole time).
     *
     * @param cpus CPUs of the machine
     * @param busy all processes together
     * @param jvm this JVM (benchmark clients and the application)
     * @param children this JVM's child processes (the embedded MariaDB)
     * @param others everything else on the machine
     * @param loadBefore 1-minute load average before
     * @param loadAfter 1-minute load average after
     * @param jit of {@code jvm}: its JIT compiler threads (large while the code is still warming up)
     * @param gc of {@code jvm}: its garbage collector threads
     * @param gcCount collections meanwhile
     * @param server of {@code jvm}: the embedded web server's threads (Tomcat's "http-nio-*" and the carriers of
     *        virtual threads, "ForkJoinPool-N-worker-*", on which it runs requests), i.e. the application's side
     *        of HTTP runs, as long as the benchmark's clients are platform threads
     * @param httpClient of {@code jvm}: java.net.http.HttpClient's own threads ("HttpClient-*")
     */
    public record Usage(
            int cpus,
            double busy,
            double jvm,
            double children,
            double others,
            double loadBefore,
            double loadAfter,
            double jit,
            double gc,
            long gcCount,
            double server,
            double httpClient) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.2f of %d cores busy: this JVM %.2f (JIT compilers %.2f, GC %.2f in %d collections), embedded MariaDB %.2f,"
                            + " other processes %.2f; load average %.1f -> %.1f",
                    busy,
                    cpus,
                    jvm,
                    jit,
                    gc,
                    gcCount,
                    children,
                    others,
                    loadBefore,
                    loadAfter);
        }
    }

    private final boolean available;
    private final int cpus;

    private MachineLoad(boolean available, int cpus) {
        this.available = available;
        this.cpus = cpus;
    }

    public static MachineLoad detect() {
        try {
            List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
            int cpus = (int) stat.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            return new MachineLoad(cpus > 0, Math.max(cpus, 1));
        } catch (IOException | RuntimeException e) {
            return new MachineLoad(false, Runtime.getRuntime().availableProcessors());
        }
    }

    public Snapshot snapshot() {
        if (!available) {
            return null;
        }
        try {
            long[] cpu = busyAndTotal(Files.readAllLines(Path.of("/proc/stat")).getFirst());
            long total = cpu[1];
            long idle = cpu[1] - cpu[0];
            Map<Long, Long> children = new HashMap<>();
            ProcessHandle.current().descendants().forEach(p -> {
                long ticks = ticksOf(p.pid());
                if (ticks >= 0) {
                    children.put(p.pid(), ticks);
                }
            });
            double load = Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
            long gcCount = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
            }
            // HotSpot names its native threads, and Linux shows the names: "C2 CompilerThre", "GC Thread#0", "G1
            // Conc#0"...
            long jitTicks = 0;
            long gcTicks = 0;
            // Per thread, so that a thread ending between two snapshots does not take its whole life's ticks away.
            Map<Long, Long> serverTicks = new HashMap<>();
            Map<Long, Long> httpClientTicks = new HashMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    try {
                        String comm = Files.readString(task.resolve("comm")).strip();
                        boolean jit = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler");
                        boolean gc = comm.startsWith("GC Thread")
                                || comm.startsWith("G1 ")
                                || comm.startsWith("ZGC")
                                || comm.startsWith("ZWorker")
                                || comm.startsWith("VM Thread");
                        // Names are cut to 15 characters: "http-nio-0-exec", "ForkJoinPool-1-", "HttpClient-1-Wo".
                        boolean server = comm.startsWith("http-nio-") || comm.startsWith("ForkJoinPool-");
                        boolean httpClient = comm.startsWith("HttpClient-");
                        if (jit || gc || server || httpClient) {
                            long ticks = Math.max(0, ticksOf(task.resolve("stat")));
                            if (jit) {
                                jitTicks += ticks;
                            } else if (gc) {
                                gcTicks += ticks;
                            } else if (server) {
                                serverTicks.put(
                                        Long.parseLong(task.getFileName().toString()), ticks);
                            } else {
                                httpClientTicks.put(
                                        Long.parseLong(task.getFileName().toString()), ticks);
                            }
                        }
                    } catch (IOException ended) {
                        // the thread ended meanwhile
                    }
                }
            }
            return new Snapshot(
                    total,
                    idle,
                    ticksOf(ProcessHandle.current().pid()),
                    children,
                    load,
                    jitTicks,
                    gcTicks,
                    gcCount,
                    serverTicks,
                    httpClientTicks);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Busy and total ticks of one CPU line of /proc/stat: user nice system idle iowait irq softirq
     * steal (guest time is counted inside user already); idle and iowait are not busy.
     */
    static long[] busyAndTotal(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    /** Busy and total ticks of every core, from /proc/stat: {@code [busy0, total0, busy1, total1, ...]}. */
    static long[] coreTicks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/stat")).stream()
                .filter(l -> l.matches("cpu\\d+ .*"))
                .toList();
        long[] ticks = new long[lines.size() * 2];
        for (int i = 0; i < lines.size(); i++) {
            long[] core = busyAndTotal(lines.get(i));
            ticks[2 * i] = core[0];
            ticks[2 * i + 1] = core[1];
        }
        return ticks;
    }

    /** The share of a core's time in use between two {@link #coreTicks()}. */
    static double coreBusy(long[] before, long[] after, int cpu) {
        long total = after[2 * cpu + 1] - before[2 * cpu + 1];
        return total == 0 ? Double.NaN : (after[2 * cpu] - before[2 * cpu]) / (double) total;
    }

    /**
     * CPU use while this JVM is given nothing to do for {@code duration}: its background work (JIT
     * compilers, garbage collector, pools) and the rest of the machine. Subtract it, roughly, from runs.
     */
    public Usage idle(Duration duration) throws InterruptedException {
        Snapshot before = snapshot();
        Thread.sleep(duration);
        return usage(before, snapshot());
    }

    /** CPU use between the snapshots, or {@code null} when unknown. */
    public Usage usage(Snapshot before, Snapshot after) {
        if (before == null || after == null || after.totalTicks() <= before.totalTicks()) {
            return null;
        }
        double ticksPerCore = (after.totalTicks() - before.totalTicks()) / (double) cpus;
        double busy =
                ((after.totalTicks() - before.totalTicks()) - (after.idleTicks() - before.idleTicks())) / ticksPerCore;
        double jvm = (after.selfTicks() - before.selfTicks()) / ticksPerCore;
        long childTicks = 0;
        for (Map.Entry<Long, Long> child : after.childTicks().entrySet()) {
            childTicks += child.getValue() - before.childTicks().getOrDefault(child.getKey(), 0L);
        }
        double children = childTicks / ticksPerCore;
        double others = Math.max(0, busy - jvm - children);
        return new Usage(
                cpus,
                busy,
                jvm,
                children,
                others,
                before.loadAverage(),
                after.loadAverage(),
                (after.jitTicks() - before.jitTicks()) / ticksPerCore,
                (after.gcTicks() - before.gcTicks()) / ticksPerCore,
                after.gcCount() - before.gcCount(),
                delta(before.serverThreadTicks(), after.serverThreadTicks()) / ticksPerCore,
                delta(before.httpClientThreadTicks(), after.httpClientThreadTicks()) / ticksPerCore);
    }

    private static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        long ticks = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            ticks += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return ticks;
    }

    /** User + system CPU ticks of a process, or -1. */
    private static long ticksOf(long pid) {
        return ticksOf(Path.of("/proc/" + pid + "/stat"));
    }

    /** User + system CPU ticks from a /proc stat file (of a process or a thread), or -1. */
    private static long ticksOf(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
