package vn.hailong.platform.management;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges whose value comes from a query, read at most once per {@code maxAge} however often
 * Prometheus scrapes (and however many scrapers there are): a scrape never costs more than one
 * cheap, indexed count per gauge and period. A failing query (the database is away) gives NaN,
 * which Prometheus records as a gap, rather than failing the whole scrape.
 */
public final class CachedGauges {

    /** Longer than a usual scrape interval (15 s), shorter than anyone would notice on a dashboard. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CachedGauges.class);

    private CachedGauges() {}

    /** Registers {@code name} (a {@code hailong.*} name) reading {@code query} at most every {@link #DEFAULT_MAX_AGE}. */
    public static void register(
            MeterRegistry registry,
            String name,
            String description,
            @Nullable String unit,
            Supplier<? extends Number> query) {
        register(registry, name, description, unit, Tags.empty(), DEFAULT_MAX_AGE, query);
    }

    public static void register(
            MeterRegistry registry,
            String name,
            String description,
            @Nullable String unit,
            Tags tags,
            Duration maxAge,
            Supplier<? extends Number> query) {
        Cached cached = new Cached(name, maxAge, query);
        Gauge.builder(name, cached, Cached::value)
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private static final class Cached {

        private final String name;
        private final long maxAgeNanos;
        private final Supplier<? extends Number> query;
        private double value = Double.NaN;
        private long readAt;
        private boolean read;

        Cached(String name, Duration maxAge, Supplier<? extends Number> query) {
            this.name = name;
            this.maxAgeNanos = maxAge.toNanos();
            this.query = query;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (!read || now - readAt >= maxAgeNanos) {
                read = true;
                readAt = now;
                try {
                    Number n = query.get();
                    value = n == null ? Double.NaN : n.doubleValue();
                } catch (RuntimeException e) {
                    log.debug("gauge {} not read: {}", name, e.toString());
                    value = Double.NaN;
                }
            }
            return value;
        }
    }
}
