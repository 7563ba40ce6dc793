package vn.hailong.aggregation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.platform.Roles;

/**
 * Coverage by counter, from the kiosk's handovers: dossiers carry no counter, but the one-stop
 * software's handover call says at which counter a dossier was handed to the citizen. A dossier
 * counts once, for the counter of its <em>last</em> handover in the period (a dossier handed over
 * again at another counter belongs to the second); it is "rated" when it has a counted rating,
 * whenever and through whichever channel that came (the citizen may rate later by the QR link).
 *
 * <p>Not a rollup: a handover's attribution changes with the next handover of the same dossier and
 * its "rated" changes with a rating days later, so an incremental rollup would need a ledger per
 * dossier for little gain. Instead one query over indexed tables, bounded by the period's handovers:
 * {@code ix_kiosk_handover_time} finds them, {@code ix_kiosk_handover_dossier} (V60) checks for a later
 * handover of the same dossier, the dossier's primary key gives its unit, and the unique
 * {@code counted_dossier_id} its counted rating. Reads other modules' tables by SQL on purpose, like
 * {@link RollupRebuild}.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
@Transactional(readOnly = true)
public class CounterCoverageReadModel {

    private final JdbcTemplate jdbc;

    CounterCoverageReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per counter: dossiers of these units handed over in [{@code from}, {@code to}) and their counted ratings. */
    public List<CounterCoverage> coverage(Collection<UUID> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(from));
        args.add(utc(to));
        args.add(utc(from));
        args.add(utc(to));
        args.addAll(List.of(RollupStore.ids(units)));
        return jdbc.query(
                """
                SELECT h.counter_id, COUNT(*), COUNT(r.id), COALESCE(SUM(r.overall_points = 2), 0),
                       COALESCE(SUM(r.overall_points = 1), 0), COALESCE(SUM(r.overall_points = 0), 0)
                FROM kiosk_handover h
                JOIN dossier d ON d.id = h.dossier_id
                LEFT JOIN rating r ON r.counted_dossier_id = h.dossier_id
                WHERE h.handed_over_at >= ? AND h.handed_over_at < ?
                  AND NOT EXISTS (SELECT 1 FROM kiosk_handover l WHERE l.dossier_id = h.dossier_id
                                  AND l.handed_over_at >= ? AND l.handed_over_at < ?
                                  AND (l.handed_over_at > h.handed_over_at OR (l.handed_over_at = h.handed_over_at AND l.id > h.id)))
                  AND d.evaluated_agency_id IN (%s)
                GROUP BY h.counter_id""".formatted(RollupStore.placeholders(units)),
                (rs, i) -> new CounterCoverage(
                        RollupStore.uuid(rs, 1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)),
                args.toArray());
    }

    /**
     * Ratings given at these units' counters without a dossier in [{@code from}, {@code to}): the
     * kiosk stores them apart (only where a device is configured to) and they never count; the
     * integrity panel shows how many there are. A counter belongs to its service centre's unit.
     */
    public long unboundRatings(Collection<UUID> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(from));
        args.add(utc(to));
        args.addAll(List.of(RollupStore.ids(units)));
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM kiosk_unbound_rating u
                JOIN service_counter c ON c.id = u.counter_id
                JOIN service_centre s ON s.id = c.centre_id
                WHERE u.submitted_at >= ? AND u.submitted_at < ? AND s.agency_id IN (%s)""".formatted(RollupStore.placeholders(units)), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Kiosk ratings of these units' dossiers stored from a survey the citizen began and left
     * unsent ({@code NOT_SENT_BY_CITIZEN}) in [{@code from}, {@code to}), whatever their status now,
     * and how many of them are "not satisfied" without a reason ({@code REASON_NOT_GIVEN}).
     */
    public AbandonedRatings abandonedRatings(Collection<UUID> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            return new AbandonedRatings(0, 0);
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(from));
        args.add(utc(to));
        args.addAll(List.of(RollupStore.ids(units)));
        // The flags are a short sorted list in one column; the period's kiosk ratings are few enough to scan.
        return jdbc.queryForObject(
                """
                SELECT COUNT(*), COALESCE(SUM(FIND_IN_SET('REASON_NOT_GIVEN', r.anomaly_flags) > 0), 0) FROM rating r
                WHERE r.submitted_at >= ? AND r.submitted_at < ? AND r.channel = 'KIOSK'
                  AND FIND_IN_SET('NOT_SENT_BY_CITIZEN', r.anomaly_flags) > 0
                  AND r.evaluated_agency_id IN (%s)""".formatted(RollupStore.placeholders(units)),
                (rs, i) -> new AbandonedRatings(rs.getLong(1), rs.getLong(2)),
                args.toArray());
    }

    /**
     * Kiosk ratings of these units' dossiers in [{@code from}, {@code to}) whose code was typed on
     * the keypad ({@code KEYED_CODE}) or scanned from the receipt ({@code SCANNED_CODE}), not handed over.
     */
    public EnteredCodes enteredCodes(Collection<UUID> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            return new EnteredCodes(0, 0);
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(from));
        args.add(utc(to));
        args.addAll(List.of(RollupStore.ids(units)));
        return jdbc.queryForObject(
                """
                SELECT COALESCE(SUM(FIND_IN_SET('KEYED_CODE', r.anomaly_flags) > 0), 0),
                       COALESCE(SUM(FIND_IN_SET('SCANNED_CODE', r.anomaly_flags) > 0), 0) FROM rating r
                WHERE r.submitted_at >= ? AND r.submitted_at < ? AND r.channel = 'KIOSK' AND r.anomaly_flags IS NOT NULL
                  AND r.evaluated_agency_id IN (%s)""".formatted(RollupStore.placeholders(units)),
                (rs, i) -> new EnteredCodes(rs.getLong(1), rs.getLong(2)),
                args.toArray());
    }

    /** See {@link #enteredCodes}. */
    public record EnteredCodes(long keyed, long scanned) {}

    /** See {@link #abandonedRatings}. */
    public record AbandonedRatings(long stored, long withoutReason) {}

    /**
     * Handovers of these units' dossiers that the citizen sent back from the kiosk's faces screen
     * as "not my dossier" ({@code outcome = NOT_MINE}), handed over in [{@code from}, {@code to}).
     * Many of them at a counter suggest dossiers handed over to the wrong citizen, or on purpose.
     */
    public long notMine(Collection<UUID> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(from));
        args.add(utc(to));
        args.addAll(List.of(RollupStore.ids(units)));
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM kiosk_handover h JOIN dossier d ON d.id = h.dossier_id
                WHERE h.handed_over_at >= ? AND h.handed_over_at < ? AND h.outcome = 'NOT_MINE'
                  AND d.evaluated_agency_id IN (%s)""".formatted(RollupStore.placeholders(units)), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** DATETIME columns hold UTC (the JDBC URL's connection time zone). */
    private static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }
}
