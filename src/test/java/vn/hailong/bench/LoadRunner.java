package vn.hailong.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs N concurrent clients in a closed loop (each client sends its next operation as soon as its
 * previous one has answered) until a number of operations is done or a time limit passes, and
 * records every operation's latency.
 *
 * <p>Operations are numbered 0..operations-1 and handed out from one shared counter, so an
 * operation number can index pre-built work (a request body, a dossier). Every client first opens
 * its own state (a connection, say) on its own thread; the clock starts only once all clients are
 * open, and stops when the last operation has answered (closing is not timed).
 *
 * <p>Latencies are kept as plain nanoseconds (one long per operation) and sorted at the end: exact
 * percentiles, no extra library. A closed loop finds the saturation throughput, and its latencies
 * then are mostly queueing (Little's law: mean latency = clients / throughput). For latency at a
 * given load, pace the run with {@link #rate(double)} (an open model: operations fall due at a fixed
 * rate, whatever the answers do).
 */
public final class LoadRunner {

    /** One client's own state, used by one thread only. */
    public interface Client {

        /**
         * Performs operation number {@code op}; an exception means it failed (its message is kept
         * as a sample), returning means it succeeded.
         */
        void call(int op) throws Exception;

        default void close() throws Exception {}
    }

    /** Opens client number {@code index} (0-based), on that client's own thread. */
    @FunctionalInterface
    public interface ClientFactory {
        Client open(int index) throws Exception;
    }

    private static final int FAILURE_SAMPLES = 5;

    private final String name;
    private final int clients;
    private final int operations;
    private Duration timeLimit = Duration.ofMinutes(2);
    private boolean virtualThreads = true;
    private double rate;
    private final MachineLoad machine = MachineLoad.detect();

    private LoadRunner(String name, int clients, int operations) {
        if (clients < 1 || operations < 0) {
            throw new IllegalArgumentException("clients must be >= 1 and operations >= 0");
        }
        this.name = name;
        this.clients = clients;
        this.operations = operations;
    }

    /** A run named {@code name}: {@code clients} concurrent clients sharing {@code operations} operations. */
    public static LoadRunner of(String name, int clients, int operations) {
        return new LoadRunner(name, clients, operations);
    }

    /** Stops handing out operations after this long (those under way still finish). Default 2 minutes. */
    public LoadRunner timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /**
     * Paces the run (an open model): operation i is due at {@code i / opsPerSecond} seconds after
     * the start, a client waits for its operation's due time, and latency is counted from the due
     * time, so that a server falling behind shows as latency (no coordinated omission). Enough
     * clients must be given for the rate: at least rate x latency.
     */
    public LoadRunner rate(double opsPerSecond) {
        if (!(opsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.rate = opsPerSecond;
        return this;
    }

    /** Platform threads instead of virtual threads (the default) for the clients. */
    public LoadRunner platformThreads() {
        this.virtualThreads = false;
        return this;
    }

    /** Runs the clients and answers the figures. Failures are counted, never thrown. */
    public LoadResult run(ClientFactory factory) throws InterruptedException {
        long[] latencies = new long[operations];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch opened = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(clients);
        long[] startedAt = new long[1];
        long[] deadline = new long[1];
        Thread.Builder threads = virtualThreads
                ? Thread.ofVirtual().name("bench-" + name + "-", 0)
                : Thread.ofPlatform().name("bench-" + name + "-", 0);
        List<Thread> started = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            int index = i;
            started.add(threads.start(() -> {
                Client client = null;
                try {
                    client = factory.open(index);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    sample(failureSamples, "client " + index + " could not open: " + e);
                } finally {
                    opened.countDown();
                }
                try {
                    start.await();
                    if (client == null) {
                        return;
                    }
                    while (System.nanoTime() < deadline[0]) {
                        int op = next.getAndIncrement();
                        if (op >= operations) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        if (rate > 0) {
                            long due = startedAt[0] + (long) (op * 1e9 / rate);
                            while ((t0 = System.nanoTime()) < due) {
                                LockSupport.parkNanos(due - t0);
                            }
                            t0 = due;
                        }
                        try {
                            client.call(op);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            sample(failureSamples, "op " + op + ": " + e);
                        }
                        latencies[op] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                    if (client != null) {
                        try {
                            client.close();
                        } catch (Exception e) {
                            // closing is not measured
                        }
                    }
                }
            }));
        }
        opened.await();
        MachineLoad.Snapshot before = machine.snapshot();
        startedAt[0] = System.nanoTime();
        deadline[0] = startedAt[0] + timeLimit.toNanos();
        start.countDown();
        finished.await();
        long elapsed = System.nanoTime() - startedAt[0];
        MachineLoad.Snapshot after = machine.snapshot();
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        int done = Math.min(next.get(), operations);
        long[] sorted = Arrays.copyOf(latencies, done);
        Arrays.sort(sorted);
        boolean timedOut = done < operations;
        return new LoadResult(
                rate > 0 ? String.format(Locale.ROOT, "%s @%.0f/s", name, rate) : name,
                clients,
                done,
                failures.get(),
                elapsed,
                sorted,
                timedOut,
                List.copyOf(failureSamples),
                machine.usage(before, after));
    }

    private static void sample(List<String> samples, String text) {
        synchronized (samples) {
            if (samples.size() < FAILURE_SAMPLES) {
                samples.add(text);
            }
        }
    }
}
