package vn.hailong.index;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.hailong.index.UnitIndicatorService.Change;
import vn.hailong.platform.Ids;

/**
 * The rows of {@code index_unit_indicator} (a unit's entered values) and
 * {@code index_unit_indicator_change} (their history); times in UTC.
 */
@Repository
class UnitIndicatorStore {

    /** An entered value of a unit and period, and who entered it. */
    record Entered(int indicator, BigDecimal value, String enteredBy) {}

    private final JdbcClient jdbc;

    UnitIndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values entered for a unit and period, by indicator. */
    List<Entered> entered(UUID agencyId, String period) {
        return jdbc.sql(
                        "SELECT indicator, value, entered_by FROM index_unit_indicator WHERE agency_id = :agency AND period = :period ORDER BY indicator")
                .param("agency", agencyId.toString())
                .param("period", period)
                .query((rs, i) ->
                        new Entered(rs.getInt("indicator"), rs.getBigDecimal("value"), rs.getString("entered_by")))
                .list();
    }

    /** The changes of a unit and period, newest first. */
    List<Change> history(UUID agencyId, String period) {
        return jdbc.sql("""
                SELECT indicator, previous_value, new_value, changed_by, changed_at, note FROM index_unit_indicator_change
                WHERE agency_id = :agency AND period = :period ORDER BY changed_at DESC, indicator""")
                .param("agency", agencyId.toString())
                .param("period", period)
                .query(UnitIndicatorStore::change)
                .list();
    }

    /** Forgets an indicator's value: it is not entered any more. */
    void clear(UUID agencyId, String period, int indicator) {
        jdbc.sql(
                        "DELETE FROM index_unit_indicator WHERE agency_id = :agency AND period = :period AND indicator = :indicator")
                .param("agency", agencyId.toString())
                .param("period", period)
                .param("indicator", indicator)
                .update();
    }

    /** Sets an indicator's value, entered or replaced. */
    void put(UUID agencyId, String period, int indicator, BigDecimal value, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO index_unit_indicator (agency_id, period, indicator, value, entered_by, entered_at)
                VALUES (:agency, :period, :indicator, :value, :by, :at)
                ON DUPLICATE KEY UPDATE value = VALUES(value), entered_by = VALUES(entered_by), entered_at = VALUES(entered_at)""")
                .param("agency", agencyId.toString())
                .param("period", period)
                .param("indicator", indicator)
                .param("value", value)
                .param("by", by)
                .param("at", utc(at))
                .update();
    }

    /** Keeps a change of an indicator in its history (null = not entered). */
    void recordChange(
            UUID agencyId,
            String period,
            int indicator,
            @Nullable BigDecimal previous,
            @Nullable BigDecimal value,
            @Nullable String note,
            String by,
            Instant at) {
        jdbc.sql("""
                INSERT INTO index_unit_indicator_change
                (id, agency_id, period, indicator, previous_value, new_value, note, changed_by, changed_at)
                VALUES (:id, :agency, :period, :indicator, :previous, :value, :note, :by, :at)""")
                .param("id", Ids.newId().toString())
                .param("agency", agencyId.toString())
                .param("period", period)
                .param("indicator", indicator)
                .param("previous", previous)
                .param("value", value)
                .param("note", note)
                .param("by", by)
                .param("at", utc(at))
                .update();
    }

    private static Change change(ResultSet rs, int i) throws SQLException {
        return new Change(
                rs.getInt("indicator"),
                rs.getBigDecimal("previous_value"),
                rs.getBigDecimal("new_value"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getString("note"));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
