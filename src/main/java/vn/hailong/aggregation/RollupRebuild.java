package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;

/**
 * Recomputes the rollups from the raw ratings and dossiers with plain GROUP BY queries: a second,
 * independent path to the same figures, used to repair them and to test the incremental one.
 * The rebuild goes one unit at a time (small transactions, which a Galera cluster needs) and
 * rebuilds that unit's ledger rows with it, so events arriving meanwhile are applied once.
 */
@Service
public class RollupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final Clock clock;
    private final TransactionTemplate transaction;

    private final org.springframework.context.ApplicationEventPublisher events;

    RollupRebuild(JdbcTemplate jdbc, DirectoryService directory, Clock clock, PlatformTransactionManager transactions,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Rebuilds every unit's rollups; returns how many units. For ADMIN (or the system at start-up). */
    @PreAuthorize("hasRole('ADMIN')")
    public int rebuildAll() {
        int units = rebuildEverything();
        events.publishEvent(vn.hailong.audit.AuditEvent.of(vn.hailong.audit.AuditAction.ROLLUPS_REBUILT, "rollups", units + " units rebuilt"));
        return units;
    }

    /** Bulk-loaded data (the demo province) has no rollups yet: build them once at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenMissing() {
        boolean ratingsWithoutLedger = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM rating) AND NOT EXISTS (SELECT 1 FROM rating_rollup_ledger)", Boolean.class));
        if (ratingsWithoutLedger) {
            rebuildEverything();
        }
    }

    private int rebuildEverything() {
        long started = System.nanoTime();
        List<UUID> units = directory.allUnits().stream().map(AgencySummary::id).toList();
        units.forEach(this::rebuild);
        log.info("Rollups rebuilt for {} units in {} ms", units.size(), (System.nanoTime() - started) / 1_000_000);
        return units.size();
    }

    /** Replaces one unit's rollups and ledger rows by a recomputation from the raw tables. */
    public void rebuild(UUID unit) {
        String id = unit.toString();
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM rating_rollup WHERE unit_id = ?", id);
            jdbc.update("DELETE FROM dossier_rollup WHERE unit_id = ?", id);
            jdbc.update("DELETE l FROM rating_rollup_ledger l JOIN rating r ON r.id = l.rating_id WHERE r.evaluated_agency_id = ?", id);
            jdbc.update("DELETE FROM dossier_rollup_ledger WHERE unit_id = ?", id);
            jdbc.update("INSERT INTO rating_rollup (dimension, grain, period_start, unit_id, dim_value, status, criterion, answers, "
                    + "points, p0, p1, p2) " + ratingRollupSql("= ?"), id);
            jdbc.update("INSERT INTO dossier_rollup (dimension, grain, period_start, unit_id, dim_value, returned, late) "
                    + returnRollupSql("= ?"), id);
            jdbc.update("INSERT INTO rating_rollup_ledger (rating_id, status, officer_key, updated_at) SELECT r.id, r.status, "
                    + OfficerAttribution.sql("r.dossier_id") + ", ? FROM rating r WHERE r.evaluated_agency_id = ?",
                    RollupStore.utc(now), id);
            jdbc.update("INSERT INTO dossier_rollup_ledger (dossier_id, returned_day, unit_id, procedure_id, officer_key, late, updated_at) "
                    + "SELECT d.id, DATE(d.returned_at + INTERVAL " + offsetSeconds() + " SECOND), d.evaluated_agency_id, d.procedure_id, "
                    + OfficerAttribution.sql("d.id") + ", COALESCE(d.timeliness = 'LATE', FALSE), ? "
                    + "FROM dossier d WHERE d.evaluated_agency_id = ? AND d.returned_at IS NOT NULL", RollupStore.utc(now), id);
        });
    }

    /** The rating rollups of these units as the raw ratings say they should be (nothing is written). */
    List<RollupRow> recomputeRatings(Collection<UUID> units) {
        return jdbc.query(ratingRollupSql("IN (" + RollupStore.placeholders(units) + ")"), RollupStore::rollupRow,
                RollupStore.ids(units));
    }

    List<ReturnRow> recomputeReturns(Collection<UUID> units) {
        return jdbc.query(returnRollupSql("IN (" + RollupStore.placeholders(units) + ")"), RollupStore::returnRow,
                RollupStore.ids(units));
    }

    private String ratingRollupSql(String unitCondition) {
        return """
                SELECT dims.dimension, g.grain,
                       CASE g.grain WHEN 'D' THEN f.day ELSE DATE_SUB(f.day, INTERVAL DAYOFMONTH(f.day) - 1 DAY) END,
                       f.unit_id,
                       CASE dims.dimension WHEN 'ALL' THEN '' WHEN 'PROCEDURE' THEN f.procedure_key WHEN 'OFFICER' THEN f.officer_key
                            WHEN 'COUNTER' THEN f.device_id WHEN 'CHANNEL' THEN f.channel ELSE f.hour_key END,
                       f.status, a.criterion_key, COUNT(*), SUM(a.points), SUM(a.points = 0), SUM(a.points = 1), SUM(a.points = 2)
                FROM (%s) f
                JOIN rating_answer a ON a.rating_id = f.id
                CROSS JOIN (SELECT 'ALL' AS dimension UNION ALL SELECT 'PROCEDURE' UNION ALL SELECT 'OFFICER'
                            UNION ALL SELECT 'COUNTER' UNION ALL SELECT 'CHANNEL' UNION ALL SELECT 'HOUR') dims
                CROSS JOIN (SELECT 'D' AS grain UNION ALL SELECT 'M') g
                WHERE NOT (dims.dimension = 'OFFICER' AND f.officer_key IS NULL)
                  AND NOT (dims.dimension = 'COUNTER' AND f.device_id IS NULL)
                  AND (g.grain = 'M' OR dims.dimension = 'ALL')
                GROUP BY 1, 2, 3, 4, 5, 6, 7""".formatted(RawSql.ratingFacts(offsetSeconds(), "r.evaluated_agency_id " + unitCondition));
    }

    private String returnRollupSql(String unitCondition) {
        return """
                SELECT dims.dimension, g.grain,
                       CASE g.grain WHEN 'D' THEN f.day ELSE DATE_SUB(f.day, INTERVAL DAYOFMONTH(f.day) - 1 DAY) END,
                       f.unit_id,
                       CASE dims.dimension WHEN 'ALL' THEN '' WHEN 'PROCEDURE' THEN f.procedure_key ELSE f.officer_key END,
                       COUNT(*), SUM(f.late)
                FROM (%s) f
                CROSS JOIN (SELECT 'ALL' AS dimension UNION ALL SELECT 'PROCEDURE' UNION ALL SELECT 'OFFICER') dims
                CROSS JOIN (SELECT 'D' AS grain UNION ALL SELECT 'M') g
                WHERE NOT (dims.dimension = 'OFFICER' AND f.officer_key IS NULL)
                  AND (g.grain = 'M' OR dims.dimension = 'ALL')
                GROUP BY 1, 2, 3, 4, 5""".formatted(RawSql.dossierFacts(offsetSeconds(), "d.evaluated_agency_id " + unitCondition));
    }

    private int offsetSeconds() {
        return RawSql.offsetSeconds(clock);
    }
}
