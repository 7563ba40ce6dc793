package vn.hailong.kiosk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.platform.management.CachedGauges;

/**
 * The kiosk module's meters: handovers recorded (after commit), heartbeats received by answer
 * (counted by {@link KioskDeviceService#heartbeat}), and the enrolled, unrevoked devices silent
 * for longer than {@link KioskDeviceService#ONLINE_WITHIN} — at any hour, unlike the offline alert,
 * which waits for opening hours and its own delay.
 */
@Component
class KioskMeters {

    private final Counter handovers;
    private final MeterRegistry registry;

    KioskMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.handovers = Counter.builder("hailong.handovers")
                .description("Dossiers handed over to a counter's kiosk")
                .register(registry);
        for (KioskDeviceService.HeartbeatAnswer answer : KioskDeviceService.HeartbeatAnswer.values()) {
            heartbeats(answer);
        }
        CachedGauges.register(
                registry,
                "hailong.kiosk.offline",
                "Enrolled kiosk devices silent for longer than 150 s",
                "devices",
                () -> jdbc.queryForObject(
                        """
                        SELECT COUNT(*) FROM kiosk_device WHERE credential_hash IS NOT NULL AND revoked_at IS NULL
                        AND COALESCE(last_seen_at, enrolled_at) < ?""",
                        Long.class,
                        Timestamp.valueOf(clock.instant()
                                .minus(KioskDeviceService.ONLINE_WITHIN)
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDateTime())));
        CachedGauges.register(
                registry,
                "hailong.kiosk.enrolled",
                "Enrolled, unrevoked kiosk devices",
                "devices",
                () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_device WHERE credential_hash IS NOT NULL AND revoked_at IS NULL",
                        Long.class));
    }

    Counter heartbeats(KioskDeviceService.HeartbeatAnswer answer) {
        return Counter.builder("hailong.kiosk.heartbeats")
                .description("Heartbeats of kiosk tablets, by answer")
                .tag("answer", answer.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HandoverRecorded recorded) {
        handovers.increment();
    }
}
