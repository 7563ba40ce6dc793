/**
 * Benchmarks and their harness. Run them all with {@code ./mvnw verify -Pbench} (the profile runs
 * only tests tagged {@code bench}; the default build skips them); figures are printed and written to
 * {@code target/bench/NAME.txt} (under the build directory given with {@code -DbuildDir}).
 *
 * <p>A benchmark is a test class named {@code *BenchmarkTest} (so Surefire finds it), tagged
 * {@code @Tag("bench")}, usually on the whole application ({@code @HaiLongTest}). It drives load with
 * {@link vn.hailong.bench.LoadRunner} (N concurrent clients, exact latency percentiles), reports with
 * {@link vn.hailong.bench.BenchmarkReport}, and may profile the database cheaply with
 * {@link vn.hailong.bench.DatabaseProbe}. It states its targets in the report and asserts only that
 * the work was done correctly, never a speed: timings on a shared machine are too noisy for that.
 * Sizes are system properties ({@link vn.hailong.bench.BenchSettings}), e.g. {@code -Dbench.clients=50}.
 */
package vn.hailong.bench;
