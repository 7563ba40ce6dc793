package vn.hailong.aggregation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.platform.management.CachedGauges;

/**
 * The rollup outbox ({@code rollup_pending}, ADR 070) as an operator watches it: how many changes
 * wait for the rollups, and how old the oldest is — the rollup lag, which the dashboard's figures
 * trail the ratings by. Both read the index on {@code created_at}, cluster-wide (any node drains
 * any orphaned row), so the nodes report the same values.
 */
@Component
class RollupMeters {

    RollupMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        CachedGauges.register(
                registry,
                "hailong.rollup.pending",
                "Changes waiting in rollup_pending for the rollups",
                "changes",
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM rollup_pending", Long.class));
        CachedGauges.register(
                registry,
                "hailong.rollup.oldest.age",
                "Age of the oldest change waiting in rollup_pending (0 when none)",
                "seconds",
                () -> {
                    Timestamp oldest =
                            jdbc.queryForObject("SELECT MIN(created_at) FROM rollup_pending", Timestamp.class);
                    if (oldest == null) {
                        return 0;
                    }
                    Duration age =
                            Duration.between(oldest.toLocalDateTime().toInstant(ZoneOffset.UTC), clock.instant());
                    return Math.max(0, age.toMillis()) / 1000.0;
                });
    }
}
