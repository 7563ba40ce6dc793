package vn.hailong.dashboard.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The officer's page read model (ADR 096): counters of service centres, their kiosks' heartbeat
 * and a counter's handovers of a day with whether each dossier has a counted rating. It reads the
 * directory's, the kiosk's, intake's and rating's tables by SQL on purpose, as one query each, and
 * selects no answer, comment or reason of any rating: only whether one exists.
 */
@Component
public class CounterDeskReadModel {

    private final JdbcClient jdbc;

    CounterDeskReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CounterRow(UUID id, String code, String name, String centreName) {}

    public record DeviceRow(
            String code,
            @Nullable Instant enrolledAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastSeenAt,
            int unsentRatings) {}

    public record HandoverRow(
            Instant handedOverAt,
            String dossierCode,
            String officerId,
            @Nullable String officerName,
            boolean waiting,
            @Nullable Instant endedAt,
            Instant expiresAt,
            @Nullable String outcome,
            boolean rated) {}

    /** Counters of the service centres of these units, by code. */
    public List<CounterRow> counters(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, s.name AS centre FROM service_counter c JOIN service_centre s ON s.id = c.centre_id
                WHERE s.agency_id IN (:units) ORDER BY c.code""")
                .param("units", units.stream().map(UUID::toString).toList())
                .query((rs, i) -> new CounterRow(
                        UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The kiosk devices standing at a counter. */
    public List<DeviceRow> devices(UUID counterId) {
        return jdbc.sql("""
                SELECT code, enrolled_at, revoked_at, last_seen_at, unsent_ratings FROM kiosk_device
                WHERE counter_id = :counter ORDER BY code""")
                .param("counter", counterId.toString())
                .query((rs, i) -> new DeviceRow(
                        rs.getString(1),
                        instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        rs.getInt(5)))
                .list();
    }

    /** The counter of this one-stop officer's latest handover, if any (ix_kiosk_handover_officer). */
    public Optional<UUID> latestCounterOf(String officerId) {
        return jdbc.sql("SELECT counter_id FROM kiosk_handover WHERE officer_id = :officer"
                        + " ORDER BY handed_over_at DESC LIMIT 1")
                .param("officer", officerId)
                .query((rs, i) -> UUID.fromString(rs.getString(1)))
                .optional();
    }

    /** A counter's handovers in [{@code from}, {@code to}), newest first, with whether the dossier has a counted rating. */
    public List<HandoverRow> handovers(UUID counterId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT h.handed_over_at, d.code, h.officer_id, o.display_name, h.waiting, h.ended_at, h.expires_at, h.outcome,
                       EXISTS (SELECT 1 FROM rating r WHERE r.counted_dossier_id = h.dossier_id) AS rated
                FROM kiosk_handover h
                JOIN dossier d ON d.id = h.dossier_id
                LEFT JOIN officer o ON o.external_id = h.officer_id
                WHERE h.counter_id = :counter AND h.handed_over_at >= :from AND h.handed_over_at < :to
                ORDER BY h.handed_over_at DESC, h.id DESC
                LIMIT 500""")
                .param("counter", counterId.toString())
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, i) -> new HandoverRow(
                        Objects.requireNonNull(instant(rs.getTimestamp(1))), // handed_over_at: NOT NULL
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        instant(rs.getTimestamp(6)),
                        Objects.requireNonNull(instant(rs.getTimestamp(7))), // expires_at: NOT NULL
                        rs.getString(8),
                        rs.getBoolean(9)))
                .list();
    }

    private static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
