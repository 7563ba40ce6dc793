package vn.hailong.bench;

import java.util.List;

/**
 * The figures of one {@link LoadRunner} run.
 *
 * @param name what was run
 * @param clients concurrent clients
 * @param operations operations done (fewer than asked when the time limit stopped the run)
 * @param failures failed operations (and clients that could not open)
 * @param elapsedNanos from the start signal to the last answer
 * @param sortedLatencies every operation's latency in nanoseconds, ascending
 * @param timedOut whether the time limit stopped the run before all operations were done
 * @param failureSamples the first few failures, described
 * @param machine how busy the machine was meanwhile (and who made it busy)
 */
public record LoadResult(
        String name,
        int clients,
        int operations,
        int failures,
        long elapsedNanos,
        long[] sortedLatencies,
        boolean timedOut,
        List<String> failureSamples,
        MachineLoad.Usage machine) {

    /** Operations per second (failed ones included: they took their time too). */
    public double throughput() {
        return elapsedNanos == 0 ? 0 : operations * 1e9 / elapsedNanos;
    }

    /** The latency below which {@code percent}% of operations fall (nearest rank), in milliseconds. */
    public double percentileMillis(double percent) {
        if (sortedLatencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedLatencies.length);
        return sortedLatencies[Math.clamp(rank - 1, 0, sortedLatencies.length - 1)] / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p95() {
        return percentileMillis(95);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return sortedLatencies.length == 0 ? Double.NaN : sortedLatencies[sortedLatencies.length - 1] / 1e6;
    }

    public double meanMillis() {
        if (sortedLatencies.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (long l : sortedLatencies) {
            sum += l;
        }
        return sum / sortedLatencies.length / 1e6;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
