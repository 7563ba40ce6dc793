package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitMoved;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
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

    private final ApplicationEventPublisher events;

    RollupRebuild(
            JdbcTemplate jdbc,
            DirectoryService directory,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Rebuilds every unit's rollups; returns how many units. For ADMIN (or the system at start-up). */
    @PreAuthorize(Roles.IS_ADMIN)
    public int rebuildAll() {
        int units = rebuildEverything();
        events.publishEvent(AuditEvent.of(AuditAction.ROLLUPS_REBUILT, "rollups", units + " units rebuilt"));
        return units;
    }

    /**
     * The same, asked for by an operator on the management port ({@link RollupsEndpoint}), which
     * has no log-in (it listens on 127.0.0.1 or the management network only): audited as such.
     */
    int rebuildAllForOperator() {
        long started = System.nanoTime();
        int units = rebuildEverything();
        events.publishEvent(new AuditEvent(
                "operator (management port)",
                AuditAction.ROLLUPS_REBUILT,
                "rollups",
                units + " units rebuilt in " + (System.nanoTime() - started) / 1_000_000 + " ms"));
        return units;
    }

    /**
     * Bulk-loaded data (the demo province) has no rollups yet, and a migration that changes their
     * shape empties them (V65): build them once at start-up. Rows of the units below (V67) are
     * computed from the units' own rows when none exist yet.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenMissing() {
        boolean rawWithoutLedger = Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT (EXISTS (SELECT 1 FROM rating) AND NOT EXISTS (SELECT 1 FROM rating_rollup_ledger))
                    OR (EXISTS (SELECT 1 FROM dossier WHERE returned_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM dossier_rollup_ledger))""", Boolean.class));
        if (rawWithoutLedger) {
            rebuildEverything();
        } else if (belowRowsMissing()) {
            long started = System.nanoTime();
            int heads = rebuildAllRowsBelow();
            log.info(
                    "Rollup rows of the units below built for {} units in {} ms",
                    heads,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Whether some unit under another has rows of its own while no unit has rows of the units below. */
    private boolean belowRowsMissing() {
        List<String> placed = directory.parentsOfAllUnits().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey().value().toString())
                .toList();
        if (placed.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM " + YEAR_ROWS + " AND reach = 'B') " + "AND EXISTS (SELECT 1 FROM "
                        + YEAR_ROWS + " AND reach = 'O' AND unit_id IN (" + RollupStore.placeholders(placed) + "))",
                Boolean.class,
                placed.toArray()));
    }

    private static final String YEAR_ROWS = "rating_rollup WHERE dimension = 'ALL' AND grain = 'Y'";

    private int rebuildEverything() {
        long started = System.nanoTime();
        List<UUID> units = directory.allUnits().stream().map(AgencySummary::id).toList();
        // The units' own rows first, then every unit's rows of the units below, summed from them.
        units.forEach(unit -> rebuildOwn(unit, List.of()));
        rebuildAllRowsBelow();
        log.info("Rollups rebuilt for {} units in {} ms", units.size(), (System.nanoTime() - started) / 1_000_000);
        return units.size();
    }

    /**
     * Replaces one unit's own rollups and ledger rows by a recomputation from the raw tables (the
     * rows of the units below of every unit above it follow by the difference), and its rows of
     * the units below by the sum of their own rows.
     */
    public void rebuild(UUID unit) {
        rebuildOwn(unit, raw(directory.ancestorsOf(UnitId.of(unit))));
        rebuildRowsBelow(unit);
    }

    private void rebuildOwn(UUID unit, List<UUID> ancestors) {
        String id = unit.toString();
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            addUnder(id, "'O'", ancestors, -1);
            jdbc.update("DELETE FROM rating_rollup WHERE " + rowsOf("", "'O'", "= ?"), id);
            jdbc.update("DELETE FROM dossier_rollup WHERE " + rowsOf("", "'O'", "= ?"), id);
            jdbc.update(
                    "DELETE l FROM rating_rollup_ledger l JOIN rating r ON r.id = l.rating_id WHERE r.evaluated_agency_id = ?",
                    id);
            jdbc.update("DELETE FROM dossier_rollup_ledger WHERE unit_id = ?", id);
            // Day rows from the raw tables, then the months, quarters and years from the day rows.
            jdbc.update("INSERT INTO rating_rollup (" + RATING_COLUMNS + ") " + ratingDaysSql("= ?"), id);
            jdbc.update(
                    "INSERT INTO rating_rollup (" + RATING_COLUMNS + ") "
                            + coarserRatingsSql("(SELECT * FROM rating_rollup WHERE " + rowsOf("", "'O'", "= ?")
                                    + " AND grain = 'D')"),
                    id);
            jdbc.update("INSERT INTO dossier_rollup (" + RETURN_COLUMNS + ") " + returnDaysSql("= ?"), id);
            jdbc.update(
                    "INSERT INTO dossier_rollup (" + RETURN_COLUMNS + ") "
                            + coarserReturnsSql("(SELECT * FROM dossier_rollup WHERE " + rowsOf("", "'O'", "= ?")
                                    + " AND grain = 'D')"),
                    id);
            addUnder(id, "'O'", ancestors, 1);
            jdbc.update(
                    "INSERT INTO rating_rollup_ledger (rating_id, status, officer_key, updated_at) SELECT r.id, r.status, "
                            + OfficerAttribution.sql("r.dossier_id")
                            + ", ? FROM rating r WHERE r.evaluated_agency_id = ?",
                    RollupStore.utc(now),
                    id);
            jdbc.update(
                    "INSERT INTO dossier_rollup_ledger (dossier_id, returned_day, unit_id, procedure_id, officer_key, late, updated_at) "
                            + "SELECT d.id, DATE(d.returned_at + INTERVAL " + offsetSeconds()
                            + " SECOND), d.evaluated_agency_id, d.procedure_id, "
                            + OfficerAttribution.sql("d.id") + ", COALESCE(d.timeliness = 'LATE', FALSE), ? "
                            + "FROM dossier d WHERE d.evaluated_agency_id = ? AND d.returned_at IS NOT NULL",
                    RollupStore.utc(now),
                    id);
        });
    }

    /**
     * Rows of the given reaches ({@code 'O'}, {@code 'B'}) of the units that {@code unitCondition}
     * names, through the primary key: the key starts with the dimension, grain and reach, so they are
     * listed for the units to be looked up instead of every row scanned.
     */
    private static String rowsOf(String alias, String reaches, String unitCondition) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return a + "dimension IN ('ALL', 'PROCEDURE', 'OFFICER', 'COUNTER', 'CHANNEL', 'HOUR') AND " + a
                + "grain IN ('D', 'M', 'Q', 'Y') AND " + a + "reach IN (" + reaches + ") AND " + a + "unit_id "
                + unitCondition;
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the rows of {@code unit} of the given reaches to or from
     * the rows of the units below of each of {@code targets}, in SQL (a unit's rows can be many).
     */
    private void addUnder(String unit, String reaches, List<UUID> targets, int sign) {
        if (targets.isEmpty()) {
            return;
        }
        String targetTable = targets.stream().map(t -> "SELECT ? AS id").collect(Collectors.joining(" UNION ALL "));
        List<Object> args = new ArrayList<>(targets.stream().map(UUID::toString).toList());
        args.add(unit);
        jdbc.update(
                "INSERT INTO rating_rollup (" + RATING_COLUMNS
                        + ") SELECT r.dimension, r.grain, 'B', r.period_start, t.id, r.dim_value, "
                        + "r.status, r.criterion, " + sign + " * SUM(r.answers), " + sign + " * SUM(r.points), " + sign
                        + " * SUM(r.p0), " + sign
                        + " * SUM(r.p1), " + sign + " * SUM(r.p2) FROM rating_rollup r CROSS JOIN (" + targetTable
                        + ") t WHERE "
                        + rowsOf("r", reaches, "= ?")
                        + " GROUP BY r.dimension, r.grain, r.period_start, t.id, r.dim_value, r.status, r.criterion"
                        + " ON DUPLICATE KEY UPDATE answers = rating_rollup.answers + VALUES(answers), points = rating_rollup.points + VALUES(points), "
                        + "p0 = rating_rollup.p0 + VALUES(p0), p1 = rating_rollup.p1 + VALUES(p1), p2 = rating_rollup.p2 + VALUES(p2)",
                args.toArray());
        jdbc.update(
                "INSERT INTO dossier_rollup (" + RETURN_COLUMNS
                        + ") SELECT r.dimension, r.grain, 'B', r.period_start, t.id, r.dim_value, "
                        + sign + " * SUM(r.returned), " + sign + " * SUM(r.late) FROM dossier_rollup r CROSS JOIN ("
                        + targetTable + ") t WHERE "
                        + rowsOf("r", reaches, "= ?")
                        + " GROUP BY r.dimension, r.grain, r.period_start, t.id, r.dim_value"
                        + " ON DUPLICATE KEY UPDATE returned = dossier_rollup.returned + VALUES(returned), late = dossier_rollup.late + VALUES(late)",
                args.toArray());
    }

    /**
     * A unit moved: what it and the units below it add up to leaves the rows of the units below of
     * its former ancestors and joins those of its new ones (by difference, so a reorganisation of
     * many units costs what they hold, not what the province holds). A rating of the moved subtree
     * committed in the same instant may count under the old ancestors; {@link #rebuildAll} repairs.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitMoved moved) {
        String unit = moved.unitId().toString();
        List<UUID> former = chainFrom(moved.formerParentId());
        List<UUID> current = chainFrom(moved.parentId());
        transaction.executeWithoutResult(tx -> {
            addUnder(unit, "'O', 'B'", former, -1);
            addUnder(unit, "'O', 'B'", current, 1);
        });
    }

    private List<UUID> chainFrom(@Nullable UnitId parent) {
        if (parent == null) {
            return List.of();
        }
        List<UUID> chain = new ArrayList<>(List.of(parent.value()));
        chain.addAll(raw(directory.ancestorsOf(parent)));
        return chain;
    }

    private static List<UUID> raw(List<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }

    /** Recomputes the rows of the units below of every unit that has some; returns how many units. */
    private int rebuildAllRowsBelow() {
        Map<UnitId, @Nullable UnitId> parents = directory.parentsOfAllUnits();
        Set<UUID> heads = new HashSet<>();
        parents.values().forEach(parent -> {
            if (parent != null) {
                heads.add(parent.value());
            }
        });
        heads.forEach(this::rebuildRowsBelow);
        return heads.size();
    }

    /**
     * Replaces a unit's rows of the units below by the sum of those units' own rows (one
     * transaction per unit). For the bench and for repairs; {@link #rebuildAll} calls it for every unit.
     */
    public void rebuildRowsBelow(UUID unit) {
        UnitId root = UnitId.of(unit);
        List<String> below = directory.subtreeOf(root).stream()
                .filter(u -> !u.equals(root))
                .map(u -> u.value().toString())
                .toList();
        String id = unit.toString();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM rating_rollup WHERE " + rowsOf("", "'B'", "= ?"), id);
            jdbc.update("DELETE FROM dossier_rollup WHERE " + rowsOf("", "'B'", "= ?"), id);
            if (below.isEmpty()) {
                return;
            }
            List<Object> args = new ArrayList<>(List.of(id));
            args.addAll(below);
            String ownRowsBelow = rowsOf("", "'O'", "IN (" + RollupStore.placeholders(below) + ")");
            jdbc.update(
                    "INSERT INTO rating_rollup (" + RATING_COLUMNS
                            + ") SELECT dimension, grain, 'B', period_start, ?, dim_value, status, "
                            + "criterion, SUM(answers), SUM(points), SUM(p0), SUM(p1), SUM(p2) FROM rating_rollup WHERE "
                            + ownRowsBelow
                            + " GROUP BY dimension, grain, period_start, dim_value, status, criterion HAVING SUM(answers) <> 0",
                    args.toArray());
            jdbc.update(
                    "INSERT INTO dossier_rollup (" + RETURN_COLUMNS
                            + ") SELECT dimension, grain, 'B', period_start, ?, dim_value, "
                            + "SUM(returned), SUM(late) FROM dossier_rollup WHERE " + ownRowsBelow
                            + " GROUP BY dimension, grain, period_start, dim_value HAVING SUM(returned) <> 0",
                    args.toArray());
        });
    }

    /**
     * The rating rollups of these units as the raw ratings say they should be (nothing is written):
     * their own rows, and their rows of the units below summed from those units' raw ratings.
     */
    List<RollupRow> recomputeRatings(Collection<UUID> units) {
        List<RollupRow> rows = new ArrayList<>(ownRatingsFromRaw(units));
        for (UUID unit : units) {
            List<RollupRow> below = new ArrayList<>();
            ownRatingsFromRaw(unitsBelow(unit)).forEach(r -> below.add(r.below(unit)));
            rows.addAll(RollupRow.merge(below));
        }
        return rows;
    }

    List<ReturnRow> recomputeReturns(Collection<UUID> units) {
        List<ReturnRow> rows = new ArrayList<>(ownReturnsFromRaw(units));
        for (UUID unit : units) {
            List<ReturnRow> below = new ArrayList<>();
            ownReturnsFromRaw(unitsBelow(unit)).forEach(r -> below.add(r.below(unit)));
            rows.addAll(ReturnRow.merge(below));
        }
        return rows;
    }

    private List<UUID> unitsBelow(UUID unit) {
        UnitId root = UnitId.of(unit);
        return directory.subtreeOf(root).stream()
                .filter(u -> !u.equals(root))
                .map(UnitId::value)
                .toList();
    }

    private List<RollupRow> ownRatingsFromRaw(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        String days = ratingDaysSql("IN (" + RollupStore.placeholders(units) + ")");
        Object[] ids = RollupStore.ids(units);
        List<RollupRow> rows = new ArrayList<>(jdbc.query(days, RollupStore::rollupRow, ids));
        rows.addAll(jdbc.query(coarserRatingsSql("(" + days + ")"), RollupStore::rollupRow, ids));
        return rows;
    }

    private List<ReturnRow> ownReturnsFromRaw(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        String days = returnDaysSql("IN (" + RollupStore.placeholders(units) + ")");
        Object[] ids = RollupStore.ids(units);
        List<ReturnRow> rows = new ArrayList<>(jdbc.query(days, RollupStore::returnRow, ids));
        rows.addAll(jdbc.query(coarserReturnsSql("(" + days + ")"), RollupStore::returnRow, ids));
        return rows;
    }

    private static final String RATING_COLUMNS =
            "dimension, grain, reach, period_start, unit_id, dim_value, status, criterion, answers, points, p0, p1, p2";
    private static final String RETURN_COLUMNS =
            "dimension, grain, reach, period_start, unit_id, dim_value, returned, late";

    /**
     * Day rows of ratings: every criterion for the unit as a whole, the criterion {@code overall}
     * for the other dimensions (as {@link RatingContribution#rows} adds them).
     */
    private String ratingDaysSql(String unitCondition) {
        return """
                SELECT dims.dimension, 'D' AS grain, 'O' AS reach, f.day AS period_start, f.unit_id,
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
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""".formatted(
                RawSql.ratingFacts(offsetSeconds(), "r.evaluated_agency_id " + unitCondition), Questionnaire.OVERALL);
    }

    /** Month, quarter and year rows of ratings summed from the day rows of {@code days} (a table expression). */
    private static String coarserRatingsSql(String days) {
        return """
                SELECT d.dimension, g.grain, d.reach, %s, d.unit_id, d.dim_value, d.status, d.criterion,
                       SUM(d.answers), SUM(d.points), SUM(d.p0), SUM(d.p1), SUM(d.p2)
                FROM %s d CROSS JOIN %s g
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""".formatted(coarserStartSql("d.period_start"), days, COARSER_GRAINS);
    }

    /** Day rows of returned dossiers, by the unit as a whole, procedure and officer. */
    private String returnDaysSql(String unitCondition) {
        return """
                SELECT dims.dimension, 'D' AS grain, 'O' AS reach, f.day AS period_start, f.unit_id,
                       CASE dims.dimension WHEN 'ALL' THEN '' WHEN 'PROCEDURE' THEN f.procedure_key ELSE f.officer_key END AS dim_value,
                       COUNT(*) AS returned, SUM(f.late) AS late
                FROM (%s) f
                CROSS JOIN (SELECT 'ALL' AS dimension UNION ALL SELECT 'PROCEDURE' UNION ALL SELECT 'OFFICER') dims
                WHERE NOT (dims.dimension = 'OFFICER' AND f.officer_key IS NULL)
                GROUP BY 1, 2, 3, 4, 5, 6""".formatted(RawSql.dossierFacts(offsetSeconds(), "d.evaluated_agency_id " + unitCondition));
    }

    private static String coarserReturnsSql(String days) {
        return """
                SELECT d.dimension, g.grain, d.reach, %s, d.unit_id, d.dim_value, SUM(d.returned), SUM(d.late)
                FROM %s d CROSS JOIN %s g
                GROUP BY 1, 2, 3, 4, 5, 6""".formatted(coarserStartSql("d.period_start"), days, COARSER_GRAINS);
    }

    private static final String COARSER_GRAINS = "(SELECT 'M' AS grain UNION ALL SELECT 'Q' UNION ALL SELECT 'Y')";

    private static String coarserStartSql(String day) {
        return "CASE g.grain WHEN 'M' THEN " + Grain.MONTH.startSql(day) + " WHEN 'Q' THEN "
                + Grain.QUARTER.startSql(day) + " ELSE " + Grain.YEAR.startSql(day) + " END";
    }

    private int offsetSeconds() {
        return RawSql.offsetSeconds(clock);
    }
}
