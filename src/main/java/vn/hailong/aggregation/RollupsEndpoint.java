package vn.hailong.aggregation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rollups for an operator, on the management port ({@code /actuator/rollups}): a GET tells
 * the outbox's backlog and the parked changes; a POST rebuilds every unit's rollups from the raw
 * rows (what the logs ask for when a change could not be applied), audited. The port has no log-in
 * and listens on 127.0.0.1 (or the management network) only, as the health and metrics do.
 */
@Component
@Endpoint(id = "rollups")
class RollupsEndpoint {

    private final JdbcTemplate jdbc;
    private final RollupRebuild rebuild;
    private final RollupDrainer drainer;
    private final Clock clock;

    RollupsEndpoint(JdbcTemplate jdbc, RollupRebuild rebuild, RollupDrainer drainer, Clock clock) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
        this.drainer = drainer;
        this.clock = clock;
    }

    @ReadOperation
    Map<String, Object> backlog() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pending", jdbc.queryForObject("SELECT COUNT(*) FROM rollup_pending", Long.class));
        Timestamp oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM rollup_pending", Timestamp.class);
        answer.put(
                "oldestAgeSeconds",
                oldest == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(oldest.toLocalDateTime().toInstant(ZoneOffset.UTC), clock.instant())
                                        .toSeconds()));
        answer.put(
                "parked",
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rollup_pending WHERE attempts >= ?", Long.class, drainer.maxAttempts()));
        return answer;
    }

    @WriteOperation
    Map<String, Object> rebuild() {
        long started = System.nanoTime();
        int units = rebuild.rebuildAllForOperator();
        return Map.of("rebuiltUnits", units, "millis", (System.nanoTime() - started) / 1_000_000);
    }
}
