package vn.hailong.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.hailong.platform.cluster.ClusterMessages;

/**
 * Tells the kiosk pages open on this node that a handover arrived for their counter or that their
 * device was revoked.
 *
 * <p>Nodes keep no state but Vaadin sessions, and a handover may reach any node. So the database
 * is the only truth, and this class is a per-node relay: a handover recorded on this node is
 * signalled right after its commit (no waiting); every {@code hailong.kiosk.cross-node-poll}
 * (2 s), and only while kiosk pages are open here, one indexed query finds handovers and
 * revocations recorded by other nodes. One query per node, not per kiosk; a cross-node handover
 * is at most one poll interval late. With the nodes clustered ({@code hailong.cluster.enabled},
 * ADR 086) a node also tells the others at once through {@link ClusterMessages}; the receiving node
 * waits until its database shows the handover (another Galera member may apply it a moment later),
 * then signals its pages. The poll stays, for messages lost with a node or a network hiccup.
 */
@Component
public class KioskSignals {

    private static final Logger log = LoggerFactory.getLogger(KioskSignals.class);
    // The poll looks back a little further than its interval, to tolerate clock skew between nodes
    // and transactions that commit a moment after their timestamp.
    private static final long LOOK_BACK_SECONDS = 15;

    /** A signal to a kiosk page. */
    public sealed interface Signal {}

    /** {@code survey} is null when the handover was found by the poll: the page then looks it up. */
    public record HandedOver(
            UUID handoverId, UUID counterId, @Nullable KioskSurvey survey) implements Signal {}

    public record Revoked(UUID deviceId) implements Signal {}

    private record Listener(UUID counterId, UUID deviceId, Consumer<Signal> consumer) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    // Signals already delivered on this node (by commit or by poll), so the poll does not repeat them.
    private final Map<UUID, Instant> delivered = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClusterMessages cluster;
    private volatile Instant lastPoll;

    /** The topic of kiosk signals between nodes: "H handoverId counterId" or "R deviceId revokedAt". */
    static final String TOPIC = "hailong.kiosk.signals";
    /** How long a node waits for its database to show a handover another node told it about. */
    private static final long VISIBLE_WITHIN_MILLIS = 1_500;

    KioskSignals(JdbcTemplate jdbc, Clock clock, ClusterMessages cluster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cluster = cluster;
        this.lastPoll = clock.instant();
        cluster.subscribe(TOPIC, this::fromOtherNode);
    }

    /** Listens for signals to one device at one counter; run the returned handle to stop. */
    public Runnable listen(UUID counterId, UUID deviceId, Consumer<Signal> consumer) {
        Listener listener = new Listener(counterId, deviceId, consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int openPages() {
        return listeners.size();
    }

    @TransactionalEventListener
    void handoverCommitted(HandoverRecorded event) {
        // Off the caller's thread: the one-stop software's call returns without waiting for tablets.
        Thread.ofVirtual().start(() -> {
            cluster.publish(TOPIC, "H " + event.handoverId() + " " + event.counterId());
            deliver(new HandedOver(event.handoverId(), event.counterId(), event.survey()), event.handoverId());
        });
    }

    @TransactionalEventListener
    void revocationCommitted(DeviceRevoked event) {
        cluster.publish(TOPIC, "R " + event.deviceId() + " " + event.at());
        deliver(new Revoked(event.deviceId()), revocationKey(event.deviceId(), event.at()));
    }

    private static UUID revocationKey(UUID deviceId, Instant at) {
        return UUID.nameUUIDFromBytes(("revoked:" + deviceId + at).getBytes());
    }

    /** What another node told (on the cluster's thread): handed to a virtual thread, which may wait for the database. */
    private void fromOtherNode(String message) {
        String[] part = message.split(" ");
        if (part.length != 3 || listeners.isEmpty()) {
            return;
        }
        try {
            switch (part[0]) {
                case "H" -> {
                    UUID handoverId = UUID.fromString(part[1]);
                    UUID counterId = UUID.fromString(part[2]);
                    if (listeners.stream().anyMatch(l -> l.counterId().equals(counterId))) {
                        Thread.ofVirtual().start(() -> {
                            if (visible(handoverId)) {
                                deliver(new HandedOver(handoverId, counterId, null), handoverId);
                            }
                        });
                    }
                }
                case "R" ->
                    deliver(
                            new Revoked(UUID.fromString(part[1])),
                            revocationKey(UUID.fromString(part[1]), Instant.parse(part[2])));
                default -> log.debug("Unknown kiosk signal from another node: {}", message);
            }
        } catch (RuntimeException e) {
            log.warn("Kiosk signal from another node not taken ({}): {}", message, e.toString());
        }
    }

    /**
     * Whether this node's database shows the handover yet, waiting a little for it: on a Galera
     * cluster the member this node reads from may apply the other node's commit a moment after
     * that node's message arrives. Not shown in time: the poll delivers it later.
     */
    private boolean visible(UUID handoverId) {
        long until = System.nanoTime() + VISIBLE_WITHIN_MILLIS * 1_000_000;
        for (long wait = 5; ; wait = Math.min(wait * 2, 100)) {
            try {
                Integer n = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_handover WHERE id = ?", Integer.class, handoverId.toString());
                if (n != null && n > 0) {
                    return true;
                }
            } catch (RuntimeException e) {
                log.debug("Handover {} not looked up: {}", handoverId, e.toString());
            }
            if (System.nanoTime() + wait * 1_000_000 > until) {
                return false;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    // The interval is the bound KioskProperties.crossNodePoll (its default written there, once).
    @Scheduled(fixedDelayString = "#{@'hailong.kiosk-vn.hailong.kiosk.KioskProperties'.crossNodePoll()}")
    void pollOtherNodes() {
        Instant now = clock.instant();
        Instant since = lastPoll.minusSeconds(LOOK_BACK_SECONDS);
        lastPoll = now;
        delivered.values().removeIf(at -> at.isBefore(now.minusSeconds(LOOK_BACK_SECONDS * 4)));
        if (listeners.isEmpty()) {
            return;
        }
        try {
            Set<UUID> counters = ConcurrentHashMap.newKeySet();
            listeners.forEach(l -> counters.add(l.counterId()));
            // Shown, not recorded: a handover that waited behind a survey is shown long after its recording.
            jdbc.query(
                    "SELECT id, counter_id FROM kiosk_handover WHERE shown_at > ? AND ended_at IS NULL AND NOT waiting",
                    rs -> {
                        UUID counterId = UUID.fromString(rs.getString(2));
                        if (counters.contains(counterId)) {
                            UUID id = UUID.fromString(rs.getString(1));
                            deliver(new HandedOver(id, counterId, null), id);
                        }
                    },
                    LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            jdbc.query(
                    "SELECT id, revoked_at FROM kiosk_device WHERE revoked_at > ?",
                    rs -> {
                        UUID deviceId = UUID.fromString(rs.getString(1));
                        deliver(
                                new Revoked(deviceId),
                                UUID.nameUUIDFromBytes(("revoked:" + deviceId
                                                + rs.getTimestamp(2).toInstant())
                                        .getBytes()));
                    },
                    LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        } catch (RuntimeException e) {
            log.warn("Kiosk poll for other nodes' handovers failed: {}", e.getMessage());
        }
    }

    private void deliver(Signal signal, UUID key) {
        if (delivered.putIfAbsent(key, clock.instant()) != null) {
            return;
        }
        for (Listener l : listeners) {
            boolean forIt = switch (signal) {
                case HandedOver h -> h.counterId().equals(l.counterId());
                case Revoked r -> r.deviceId().equals(l.deviceId());
            };
            if (forIt) {
                try {
                    l.consumer().accept(signal);
                } catch (RuntimeException e) {
                    log.warn("A kiosk page failed to take a signal: {}", e.getMessage());
                }
            }
        }
    }
}
