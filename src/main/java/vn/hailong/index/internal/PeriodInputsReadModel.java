package vn.hailong.index.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hailong.index.Methodology;
import vn.hailong.index.UnitInputs;

/**
 * Reads every unit's inputs for a period with a few GROUP BY queries (the period's dossiers, their
 * counted ratings, their answers, the not-satisfied ones, complaints), never row by row in Java.
 *
 * <p>This is the index's read model over the intake and rating tables: a deliberate reporting
 * read, because joining dossiers, their counted ratings and complaints in the database is what
 * makes a province-year (millions of dossiers) take seconds. It only reads.
 *
 * <p>Which dossiers count for a unit and period: those the unit is <em>evaluated</em> on
 * ({@code evaluated_agency_id}) whose result was returned in the period, with their counted rating
 * (one per dossier; superseded and excluded ratings never count) and their complaints about
 * handling. Complaints for Decision 766's PAKN ratios are those due (deadline) in the period.
 */
@Component
public class PeriodInputsReadModel {

    private final JdbcTemplate jdbc;

    PeriodInputsReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit as the period sees it. */
    public record Unit(UUID id, String code, String name, String peerGroup) {}

    /** The units to score: valid at some time in the period, except provinces and service centres. */
    public List<Unit> units(LocalDate start, LocalDate end) {
        return jdbc.query(
                """
                SELECT id, code, name, COALESCE(peer_group, kind) AS peer_group FROM agency
                WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) AND kind NOT IN ('PROVINCE', 'SERVICE_CENTRE')
                """,
                (rs, i) -> new Unit(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("peer_group")),
                end,
                start);
    }

    /** Units by id (those with dossiers in the period but outside {@link #units}). */
    public Map<UUID, Unit> unitsById(Collection<UUID> ids) {
        Map<UUID, Unit> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        jdbc.query(
                "SELECT id, code, name, COALESCE(peer_group, kind) AS peer_group FROM agency WHERE id IN (" + marks
                        + ")",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    result.put(
                            id, new Unit(id, rs.getString("code"), rs.getString("name"), rs.getString("peer_group")));
                },
                ids.stream().map(UUID::toString).toArray());
        return result;
    }

    /** Mutable counts while reading; turned into {@link UnitInputs} at the end. */
    public static final class Counts {
        public long dossiers, early, onTime, late, ratings, satisfied, dissatisfied, withComplaint, notSatisfied;
        public long complaints, complaintsOnTime, complaintsNotSatisfiedOrLate;
        public final Map<String, UnitInputs.CriterionCounts> criteria = new TreeMap<>();
        public final Map<Integer, BigDecimal> entries = new TreeMap<>();
        final Map<Integer, BigDecimal> ownEntries = new TreeMap<>();
        final Map<Integer, BigDecimal> yearEntries = new TreeMap<>();

        public UnitInputs toInputs(Unit unit) {
            return new UnitInputs(
                    unit.code(),
                    unit.name(),
                    unit.peerGroup(),
                    dossiers,
                    early,
                    onTime,
                    late,
                    ratings,
                    satisfied,
                    dissatisfied,
                    withComplaint,
                    notSatisfied,
                    complaints,
                    complaintsOnTime,
                    complaintsNotSatisfiedOrLate,
                    criteria,
                    entries);
        }
    }

    /**
     * How the methodology reads the data.
     *
     * @param satisfiedMinPoints a counted rating whose overall answer earns fewer points is "Không hài lòng"
     * @param onTimeBy           late after the due instant, or only after the due day
     * @param zoneOffsetSeconds  the province's offset from UTC, for calendar days
     * @param entryFallback      how the period's own entries fall back to its year's
     */
    public record Reading(
            int satisfiedMinPoints,
            Methodology.OnTimeBy onTimeBy,
            int zoneOffsetSeconds,
            Methodology.EntryFallback entryFallback) {}

    /**
     * The counts per unit id for [from, to).
     *
     * @param period the period's code, whose own unit entries apply
     * @param year   the containing year's code for a month or quarter (its entries are the fallback), else null
     */
    public Map<UUID, Counts> counts(Instant from, Instant to, Reading reading, String period, @Nullable String year) {
        Timestamp start = utc(from);
        Timestamp end = utc(to);
        int satisfiedMinPoints = reading.satisfiedMinPoints();
        Timeliness t = new Timeliness(reading.onTimeBy(), reading.zoneOffsetSeconds());
        // Two connections at once: the answers (the largest join) beside the rest. Each query is
        // one consistent statement; a period is computed after it closes, when its data are settled.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<UUID, Counts>> answers = pool.submit(() -> answers(start, end, satisfiedMinPoints));
            Future<Map<UUID, Counts>> rest = pool.submit(() -> {
                Map<UUID, Counts> byUnit = new HashMap<>();
                dossiers(byUnit, start, end, t);
                ratings(byUnit, start, end, satisfiedMinPoints);
                notSatisfied(byUnit, start, end, satisfiedMinPoints, t);
                complaints(byUnit, start, end);
                entries(byUnit, period, year, reading.entryFallback());
                return byUnit;
            });
            Map<UUID, Counts> byUnit = rest.get();
            answers.get()
                    .forEach((unit, c) -> byUnit.computeIfAbsent(unit, k -> new Counts())
                            .criteria
                            .putAll(c.criteria));
            return byUnit;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * SQL conditions for a dossier's timeliness under the methodology. By the due instant they are
     * the stored {@code timeliness} (intake's {@code Timeliness.of}: late after the due instant,
     * early on an earlier day); by the due date they compare calendar days in the province's zone,
     * so a dossier returned at 19:00 on its due day is on time. Without a due date, neither.
     */
    record Timeliness(String early, String onTime, String late) {

        Timeliness(Methodology.OnTimeBy by, int offsetSeconds) {
            this(
                    by == Methodology.OnTimeBy.DUE_INSTANT ? "d.timeliness = 'EARLY'" : days(offsetSeconds, "<"),
                    by == Methodology.OnTimeBy.DUE_INSTANT ? "d.timeliness = 'ON_TIME'" : days(offsetSeconds, "="),
                    by == Methodology.OnTimeBy.DUE_INSTANT ? "d.timeliness = 'LATE'" : days(offsetSeconds, ">"));
        }

        private static String days(int offsetSeconds, String comparison) {
            // An int from the zone rules, never user text.
            return "(d.due_at IS NOT NULL AND DATE(d.returned_at + INTERVAL " + offsetSeconds + " SECOND) " + comparison
                    + " DATE(d.due_at + INTERVAL " + offsetSeconds + " SECOND))";
        }
    }

    /** Dossiers returned in the period by timeliness (covering index on returned_at, evaluated unit, timeliness). */
    private void dossiers(Map<UUID, Counts> byUnit, Timestamp start, Timestamp end, Timeliness t) {
        jdbc.query(
                """
                SELECT d.evaluated_agency_id AS unit, COUNT(*) AS dossiers,
                       COALESCE(SUM(%s), 0) AS early,
                       COALESCE(SUM(%s), 0) AS on_time,
                       COALESCE(SUM(%s), 0) AS late
                FROM dossier d
                WHERE d.returned_at >= ? AND d.returned_at < ?
                GROUP BY d.evaluated_agency_id
                """.formatted(t.early(), t.onTime(), t.late()),
                rs -> {
                    Counts c = byUnit.computeIfAbsent(rs.getObject("unit", UUID.class), k -> new Counts());
                    c.dossiers = rs.getLong("dossiers");
                    c.early = rs.getLong("early");
                    c.onTime = rs.getLong("on_time");
                    c.late = rs.getLong("late");
                    c.notSatisfied += c.late;
                },
                start,
                end);
    }

    /** The counted ratings of those dossiers: how many, satisfied, "Không hài lòng". */
    private void ratings(Map<UUID, Counts> byUnit, Timestamp start, Timestamp end, int satisfiedMinPoints) {
        jdbc.query(
                """
                SELECT d.evaluated_agency_id AS unit, COUNT(*) AS ratings,
                       COALESCE(SUM(r.overall_points >= ?), 0) AS satisfied,
                       COALESCE(SUM(r.overall_points < ?), 0) AS dissatisfied
                FROM rating r
                JOIN dossier d ON d.id = r.counted_dossier_id
                WHERE d.returned_at >= ? AND d.returned_at < ?
                GROUP BY d.evaluated_agency_id
                """,
                rs -> {
                    Counts c = byUnit.computeIfAbsent(rs.getObject("unit", UUID.class), k -> new Counts());
                    c.ratings = rs.getLong("ratings");
                    c.satisfied = rs.getLong("satisfied");
                    c.dissatisfied = rs.getLong("dissatisfied");
                },
                satisfiedMinPoints,
                satisfiedMinPoints,
                start,
                end);
    }

    /**
     * Decision 766's not-satisfied dossiers beyond the late ones (counted with the dossiers): those
     * not late with a "Không hài lòng" counted rating or a complaint about handling, each once; and
     * how many dossiers have such a complaint.
     */
    private void notSatisfied(
            Map<UUID, Counts> byUnit, Timestamp start, Timestamp end, int satisfiedMinPoints, Timeliness t) {
        jdbc.query(
                """
                SELECT d.evaluated_agency_id AS unit, COALESCE(SUM(x.complaint), 0) AS with_complaint,
                       COALESCE(SUM(NOT COALESCE(%s, FALSE)), 0) AS not_late
                FROM (SELECT dossier_id, MAX(complaint) AS complaint FROM (
                        SELECT counted_dossier_id AS dossier_id, 0 AS complaint FROM rating
                        WHERE counted_dossier_id IS NOT NULL AND overall_points < ?
                        UNION ALL
                        SELECT dossier_id, 1 FROM complaint WHERE about_handling) u
                      GROUP BY dossier_id) x
                JOIN dossier d ON d.id = x.dossier_id
                WHERE d.returned_at >= ? AND d.returned_at < ?
                GROUP BY d.evaluated_agency_id
                """.formatted(t.late()),
                rs -> {
                    Counts c = byUnit.computeIfAbsent(rs.getObject("unit", UUID.class), k -> new Counts());
                    c.withComplaint = rs.getLong("with_complaint");
                    c.notSatisfied += rs.getLong("not_late");
                },
                satisfiedMinPoints,
                start,
                end);
    }

    /** The counted ratings' answers per criterion (indicators 3, 4, 7 and the per-criterion rates). */
    private Map<UUID, Counts> answers(Timestamp start, Timestamp end, int satisfiedMinPoints) {
        Map<UUID, Counts> byUnit = new HashMap<>();
        jdbc.query(
                """
                SELECT d.evaluated_agency_id AS unit, a.criterion_key AS criterion, COUNT(*) AS answers,
                       SUM(a.points) AS points, SUM(a.points >= ?) AS satisfied
                FROM rating_answer a
                JOIN rating r ON r.id = a.rating_id
                JOIN dossier d ON d.id = r.counted_dossier_id
                WHERE d.returned_at >= ? AND d.returned_at < ?
                GROUP BY d.evaluated_agency_id, a.criterion_key
                """,
                rs -> {
                    Counts c = byUnit.computeIfAbsent(rs.getObject("unit", UUID.class), k -> new Counts());
                    c.criteria.put(
                            rs.getString("criterion"),
                            new UnitInputs.CriterionCounts(
                                    rs.getLong("answers"), rs.getLong("points"), rs.getLong("satisfied")));
                },
                satisfiedMinPoints,
                start,
                end);
        return byUnit;
    }

    /**
     * Complaints due in the period: on time when handled by the deadline; "not satisfied or late"
     * when the complainant was not satisfied, or it was handled late or not at all.
     */
    private void complaints(Map<UUID, Counts> byUnit, Timestamp start, Timestamp end) {
        jdbc.query(
                """
                SELECT d.evaluated_agency_id AS unit, COUNT(*) AS complaints,
                       COALESCE(SUM(c.handled_at IS NOT NULL AND c.handled_at <= c.deadline), 0) AS on_time,
                       COALESCE(SUM(c.handled_at IS NULL OR c.handled_at > c.deadline
                                    OR COALESCE(c.complainant_satisfied = FALSE, FALSE)), 0) AS not_ok
                FROM complaint c
                JOIN dossier d ON d.id = c.dossier_id
                WHERE c.deadline >= ? AND c.deadline < ?
                GROUP BY d.evaluated_agency_id
                """,
                rs -> {
                    Counts c = byUnit.computeIfAbsent(rs.getObject("unit", UUID.class), k -> new Counts());
                    c.complaints = rs.getLong("complaints");
                    c.complaintsOnTime = rs.getLong("on_time");
                    c.complaintsNotSatisfiedOrLate = rs.getLong("not_ok");
                },
                start,
                end);
    }

    /** Entered indicators: the period's own, falling back to the containing year's as the methodology says. */
    private void entries(
            Map<UUID, Counts> byUnit, String period, @Nullable String year, Methodology.EntryFallback fallback) {
        List<String> periods = year == null ? List.of(period) : List.of(period, year);
        String marks = String.join(",", Collections.nCopies(periods.size(), "?"));
        jdbc.query(
                "SELECT agency_id, period, indicator, value FROM index_unit_indicator WHERE period IN (" + marks + ")",
                rs -> {
                    UUID unit = rs.getObject("agency_id", UUID.class);
                    Counts c = byUnit.computeIfAbsent(unit, k -> new Counts());
                    (period.equals(rs.getString("period")) ? c.ownEntries : c.yearEntries)
                            .put(
                                    rs.getInt("indicator"),
                                    rs.getBigDecimal("value").setScale(2, RoundingMode.HALF_UP));
                },
                periods.toArray());
        for (Counts c : byUnit.values()) {
            c.entries.putAll(fallback.resolve(c.ownEntries, c.yearEntries));
        }
    }

    private static Timestamp utc(Instant instant) {
        // Times are stored in UTC (hibernate.jdbc.time_zone); compare with UTC wall-clock values.
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
