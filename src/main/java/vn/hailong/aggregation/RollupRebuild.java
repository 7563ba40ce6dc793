package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import vn.hailong.rating.Questionnaire;

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

    /**
     * Bulk-loaded data (the demo province) has no rollups yet, and a migration that changes their
     * shape empties them (V65): build them once at start-up.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenMissing() {
        boolean rawWithoutLedger = Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT (EXISTS (SELECT 1 FROM rating) AND NOT EXISTS (SELECT 1 FROM rating_rollup_ledger))
                    OR (EXISTS (SELECT 1 FROM dossier WHERE returned_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM dossier_rollup_ledger))""",
                Boolean.class));
        if (rawWithoutLedger) {
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
            // Day rows from the raw tables, then the months, quarters and years from the day rows.
            jdbc.update("INSERT INTO rating_rollup (" + RATING_COLUMNS + ") " + ratingDaysSql("= ?"), id);
            jdbc.update("INSERT INTO rating_rollup (" + RATING_COLUMNS + ") "
                    + coarserRatingsSql("(SELECT * FROM rating_rollup WHERE unit_id = ? AND grain = 'D')"), id);
            jdbc.update("INSERT INTO dossier_rollup (" + RETURN_COLUMNS + ") " + returnDaysSql("= ?"), id);
            jdbc.update("INSERT INTO dossier_rollup (" + RETURN_COLUMNS + ") "
                    + coarserReturnsSql("(SELECT * FROM dossier_rollup WHERE unit_id = ? AND grain = 'D')"), id);
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
        String days = ratingDaysSql("IN (" + RollupStore.placeholders(units) + ")");
        Object[] ids = RollupStore.ids(units);
        List<RollupRow> rows = new ArrayList<>(jdbc.query(days, RollupStore::rollupRow, ids));
        rows.addAll(jdbc.query(coarserRatingsSql("(" + days + ")"), RollupStore::rollupRow, ids));
        return rows;
    }

    List<ReturnRow> recomputeReturns(Collection<UUID> units) {
        String days = returnDaysSql("IN (" + RollupStore.placeholders(units) + ")");
        Object[] ids = RollupStore.ids(units);
        List<ReturnRow> rows = new ArrayList<>(jdbc.query(days, RollupStore::returnRow, ids));
        rows.addAll(jdbc.query(coarserReturnsSql("(" + days + ")"), RollupStore::returnRow, ids));
        return rows;
    }

    private static final String RATING_COLUMNS = "dimension, grain, period_start, unit_id, dim_value, status, criterion, answers, points, p0, p1, p2";
    private static final String RETURN_COLUMNS = "dimension, grain, period_start, unit_id, dim_value, returned, late";

    /**
     * Day rows of ratings: every criterion for the unit as a whole, the criterion {@code overall}
     * for the other dimensions (as {@link RatingContribution#rows} adds them).
     */
    private String ratingDaysSql(String unitCondition) {
        return """
                SELECT dims.dimension, 'D' AS grain, f.day AS period_start, f.unit_id,
                       CASE dims.dimension WHEN 'ALL' THEN '' WHEN 'PROCEDURE' THEN f.procedure_key WHEN 'OFFICER' THEN f.officer_key
                            WHEN 'COUNTER' THEN f.device_id WHEN 'CHANNEL' THEN f.channel ELSE f.hour_key END AS dim_value,
                       f.status, a.criterion_key AS criterion, COUNT(*) AS answers, SUM(a.points) AS points, SUM(a.points = 0) AS p0,
                       SUM(a.points = 1) AS p1, SUM(a.points = 2) AS p2
                FROM (%s) f
                JOIN rating_answer a ON a.rating_id = f.id
                CROSS JOIN (SELECT 'ALL' AS dimension UNION ALL SELECT 'PROCEDURE' UNION ALL SELECT 'OFFICER'
                            UNION ALL SELECT 'COUNTER' UNION ALL SELECT 'CHANNEL' UNION ALL SELECT 'HOUR') dims
                WHERE NOT (dims.dimension = 'OFFICER' AND f.officer_key IS NULL)
                  AND NOT (dims.dimension = 'COUNTER' AND f.device_id IS NULL)
                  AND (dims.dimension = 'ALL' OR a.criterion_key = '%s')
                GROUP BY 1, 2, 3, 4, 5, 6, 7""".formatted(RawSql.ratingFacts(offsetSeconds(), "r.evaluated_agency_id " + unitCondition),
                Questionnaire.OVERALL);
    }

    /** Month, quarter and year rows of ratings summed from the day rows of {@code days} (a table expression). */
    private static String coarserRatingsSql(String days) {
        return """
                SELECT d.dimension, g.grain, %s, d.unit_id, d.dim_value, d.status, d.criterion,
                       SUM(d.answers), SUM(d.points), SUM(d.p0), SUM(d.p1), SUM(d.p2)
                FROM %s d CROSS JOIN %s g
                GROUP BY 1, 2, 3, 4, 5, 6, 7""".formatted(coarserStartSql("d.period_start"), days, COARSER_GRAINS);
    }

    /** Day rows of returned dossiers, by the unit as a whole, procedure and officer. */
    private String returnDaysSql(String unitCondition) {
        return """
                SELECT dims.dimension, 'D' AS grain, f.day AS period_start, f.unit_id,
                       CASE dims.dimension WHEN 'ALL' THEN '' WHEN 'PROCEDURE' THEN f.procedure_key ELSE f.officer_key END AS dim_value,
                       COUNT(*) AS returned, SUM(f.late) AS late
                FROM (%s) f
                CROSS JOIN (SELECT 'ALL' AS dimension UNION ALL SELECT 'PROCEDURE' UNION ALL SELECT 'OFFICER') dims
                WHERE NOT (dims.dimension = 'OFFICER' AND f.officer_key IS NULL)
                GROUP BY 1, 2, 3, 4, 5""".formatted(RawSql.dossierFacts(offsetSeconds(), "d.evaluated_agency_id " + unitCondition));
    }

    private static String coarserReturnsSql(String days) {
        return """
                SELECT d.dimension, g.grain, %s, d.unit_id, d.dim_value, SUM(d.returned), SUM(d.late)
                FROM %s d CROSS JOIN %s g
                GROUP BY 1, 2, 3, 4, 5""".formatted(coarserStartSql("d.period_start"), days, COARSER_GRAINS);
    }

    private static final String COARSER_GRAINS = "(SELECT 'M' AS grain UNION ALL SELECT 'Q' UNION ALL SELECT 'Y')";

    private static String coarserStartSql(String day) {
        return "CASE g.grain WHEN 'M' THEN " + Grain.MONTH.startSql(day) + " WHEN 'Q' THEN " + Grain.QUARTER.startSql(day) + " ELSE "
                + Grain.YEAR.startSql(day) + " END";
    }

    private int offsetSeconds() {
        return RawSql.offsetSeconds(clock);
    }
}
