package vn.hailong.platform.management;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import vn.hailong.platform.Retries;

/**
 * Meters of the database itself, beyond Hikari's pool (which Boot meters as {@code hikaricp_*}):
 * on a Galera cluster, this node's certification failures and brute-force aborts, the conflicts
 * with writers on other nodes that {@link Retries} then retries (counted there by reason). Only
 * when {@code wsrep_on} is ON: a single MariaDB has no such counters, and a gauge that is always
 * zero would tell an operator something false.
 */
@Component
class DatabaseMeters implements MeterBinder {

    static final List<String> WSREP_COUNTERS = List.of("wsrep_local_cert_failures", "wsrep_local_bf_aborts");
    static final List<String> RETRY_REASONS =
            List.of("certification", "deadlock", "lock_wait_timeout", "optimistic_lock", "duplicate", "other");

    private static final Logger log = LoggerFactory.getLogger(DatabaseMeters.class);

    private final JdbcTemplate jdbc;

    DatabaseMeters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Present from the start, at zero, so that dashboards and alerts find them before the first collision.
        RETRY_REASONS.forEach(reason -> registry.counter(Retries.RETRIES_METER, "reason", reason));
        if (!galera()) {
            return;
        }
        // One SHOW GLOBAL STATUS for both gauges, at most every few seconds.
        Map<String, Long> status = new ConcurrentHashMap<>();
        long[] readAt = {0};
        for (String variable : WSREP_COUNTERS) {
            String name = "hailong.galera."
                    + variable.substring("wsrep_local_".length()).replace('_', '.');
            CachedGauges.register(
                    registry, name, "Galera " + variable + " of this node (since the server started)", null, () -> {
                        synchronized (status) {
                            if (System.nanoTime() - readAt[0] > CachedGauges.DEFAULT_MAX_AGE.toNanos()
                                    || status.isEmpty()) {
                                jdbc.query(
                                        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')",
                                        rs -> {
                                            status.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
                                        });
                                readAt[0] = System.nanoTime();
                            }
                            return status.get(variable);
                        }
                    });
        }
    }

    private boolean galera() {
        try {
            List<String> on = jdbc.query("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'", (rs, i) -> rs.getString(2));
            return !on.isEmpty() && "ON".equalsIgnoreCase(on.getFirst());
        } catch (RuntimeException e) {
            log.warn("Could not tell whether the database is a Galera node; no Galera meters: {}", e.toString());
            return false;
        }
    }
}
