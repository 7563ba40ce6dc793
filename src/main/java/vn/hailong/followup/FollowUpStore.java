package vn.hailong.followup;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code follow_up_contact} (the number a citizen left for a case, times in UTC) and
 * the list of {@code follow_up_case} rows with whether each has one, which JPA cannot say in one
 * query.
 */
@Repository
class FollowUpStore {

    /** A case in the list, as stored. */
    record CaseListRow(
            UUID id,
            UUID ratingId,
            UUID dossierId,
            UUID unitId,
            CaseStatus status,
            Instant openedAt,
            LocalDate dueOn,
            boolean contact) {}

    private final JdbcClient jdbc;

    FollowUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the case's number; a resend of the same form writes the same row again. */
    void keepContact(UUID caseId, String phone, Instant consentedAt) {
        jdbc.sql("""
                INSERT INTO follow_up_contact (case_id, phone, consented_at) VALUES (:caseId, :phone, :at)
                ON DUPLICATE KEY UPDATE phone = VALUES(phone)""")
                .param("caseId", caseId.toString())
                .param("phone", phone)
                .param("at", LocalDateTime.ofInstant(consentedAt, ZoneOffset.UTC))
                .update();
    }

    /** The number kept for the case, if any. */
    Optional<String> contactNumber(UUID caseId) {
        return jdbc
                .sql("SELECT phone FROM follow_up_contact WHERE case_id = :caseId")
                .param("caseId", caseId.toString())
                .query(String.class)
                .list()
                .stream()
                .map(Objects::requireNonNull) // phone is NOT NULL
                .findFirst();
    }

    boolean hasContact(UUID caseId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT COUNT(*) > 0 FROM follow_up_contact WHERE case_id = :caseId")
                .param("caseId", caseId.toString())
                .query(Boolean.class)
                .single());
    }

    void deleteContact(UUID caseId) {
        jdbc.sql("DELETE FROM follow_up_contact WHERE case_id = :caseId")
                .param("caseId", caseId.toString())
                .update();
    }

    /**
     * The cases that pass the filter, in its order, at most {@code limit}.
     *
     * @param within the units whose cases may be listed (not empty); null for every unit
     * @param today the day after which a case not yet resolved or closed is overdue
     */
    List<CaseListRow> cases(
            @Nullable Collection<UUID> within, FollowUpService.CaseFilter filter, LocalDate today, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.rating_id, c.dossier_id, c.responsible_unit_id, c.status, c.opened_at, c.due_on,
                       EXISTS (SELECT 1 FROM follow_up_contact k WHERE k.case_id = c.id) AS contact
                FROM follow_up_case c WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today)); // bound where the statement names it
        if (within != null) {
            sql.append(" AND c.responsible_unit_id IN (:within)");
            params.put("within", within.stream().map(UUID::toString).toList());
        }
        if (filter.unitId() != null) {
            sql.append(" AND c.responsible_unit_id = :unitId");
            params.put("unitId", filter.unitId().toString());
        }
        if (filter.status() != null) {
            sql.append(" AND c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.overdueOnly()) {
            sql.append(" AND c.status IN ('OPEN', 'CONTACTED') AND c.due_on < :today");
        }
        if (filter.order() == FollowUpService.CaseFilter.Order.NEWEST) {
            sql.append(" ORDER BY c.opened_at DESC");
        } else {
            sql.append(
                    " ORDER BY c.status = 'CLOSED', (c.status IN ('OPEN', 'CONTACTED') AND c.due_on < :today) DESC, c.due_on, c.opened_at");
        }
        sql.append(" LIMIT ").append(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new CaseListRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        CaseStatus.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toLocalDateTime().toInstant(ZoneOffset.UTC),
                        rs.getDate(7).toLocalDate(),
                        rs.getBoolean(8)))
                .list();
    }

    /** The units that have cases (any status). */
    List<UUID> unitsWithCases() {
        return jdbc.sql("SELECT DISTINCT responsible_unit_id FROM follow_up_case").query(UUID.class).list().stream()
                .map(Objects::requireNonNull) // NOT NULL
                .toList();
    }
}
