package vn.hailong.bench;

import java.time.Duration;

/**
 * Benchmark sizes, overridable on the command line, e.g.
 * {@code ./mvnw verify -Pbench -Dbench.clients=50} (Surefire hands -D properties to the tests).
 */
public final class BenchSettings {

    private BenchSettings() {}

    public static int intSetting(String key, int defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }

    public static Duration secondsSetting(String key, int defaultSeconds) {
        return Duration.ofSeconds(intSetting(key, defaultSeconds));
    }
}
