package vn.hailong.aggregation;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The raw ratings and returned dossiers as the rollups see them, in SQL: one row per rating (or
 * returned dossier) with its unit, local day and every dimension's value. The rebuild groups these
 * rows into day rollup rows.
 */
final class RawSql {

    private RawSql() {}

    /**
     * One row per rating of {@code r} matching {@code condition} (which may use {@code r.}):
     * id, unit_id, procedure_key, channel, status, device_id, day, hour_key, officer_key.
     */
    static String ratingFacts(int offsetSeconds, String condition) {
        String local = "(r.submitted_at + INTERVAL " + offsetSeconds + " SECOND)";
        return """
                SELECT r.id, r.evaluated_agency_id AS unit_id, CAST(r.procedure_id AS CHAR) AS procedure_key, r.channel,
                       r.status, r.device_id, DATE(%1$s) AS day,
                       CONCAT(WEEKDAY(%1$s) + 1, '-', LPAD(HOUR(%1$s), 2, '0')) AS hour_key,
                       %2$s AS officer_key
                FROM rating r WHERE %3$s""".formatted(local, OfficerAttribution.sql("r.dossier_id"), condition);
    }

    /** One row per returned dossier of {@code d} matching {@code condition}: unit_id, procedure_key, day, late, officer_key. */
    static String dossierFacts(int offsetSeconds, String condition) {
        return """
                SELECT d.evaluated_agency_id AS unit_id, CAST(d.procedure_id AS CHAR) AS procedure_key,
                       DATE(d.returned_at + INTERVAL %1$d SECOND) AS day, COALESCE(d.timeliness = 'LATE', 0) AS late,
                       %2$s AS officer_key
                FROM dossier d WHERE d.returned_at IS NOT NULL AND %3$s""".formatted(offsetSeconds, OfficerAttribution.sql("d.id"), condition);
    }

    /**
     * The province's offset from UTC. SQL shifts UTC times by it, which is exact for zones without
     * daylight saving time (Viet Nam has had none since 1975); CONVERT_TZ would need the server's
     * time zone tables, which embedded and managed MariaDB often lack.
     */
    static int offsetSeconds(Clock clock) {
        ZoneId zone = clock.getZone();
        if (!zone.getRules().isFixedOffset()
                && !zone.getRules().getTransitions().isEmpty()
                && zone.getRules().nextTransition(clock.instant()) != null) {
            throw new IllegalStateException("the rollups assume a zone without daylight saving time, not " + zone);
        }
        return zone.getRules().getOffset(clock.instant()).getTotalSeconds();
    }
}
