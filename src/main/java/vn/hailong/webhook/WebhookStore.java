package vn.hailong.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.hailong.platform.Ids;

/** The rows of {@code webhook_endpoint} and {@code webhook_delivery} (times in UTC, as JPA stores them). */
@Component
class WebhookStore {

    /** An endpoint with its encrypted secret, for sending. */
    record Endpoint(WebhookEndpointDetails details, byte[] secret) {}

    /** A delivery to send. */
    record Due(
            UUID id,
            UUID endpointId,
            String messageId,
            String eventType,
            String payload,
            int attempts,
            Instant createdAt) {}

    private static final String ENDPOINT_COLUMNS =
            "id, url, description, owner_email, event_types, enabled, disabled_reason, disabled_at, "
                    + "failing_since, created_at, secret_encrypted";
    private static final String DELIVERY_COLUMNS =
            "id, endpoint_id, message_id, event_type, status, attempts, created_at, next_attempt_at, "
                    + "last_attempt_at, last_status, last_response, last_error, delivered_at";

    /** An enabled endpoint and the wire names of the events it takes. */
    private record Subscription(UUID endpointId, Set<String> eventTypes) {}

    private static final String ENABLED = "enabled";

    private final JdbcClient jdbc;
    // Every rating, dossier and follow-up asks who subscribes; the answer changes a few times a year.
    private final Cache<String, List<Subscription>> subscriptions;

    WebhookStore(JdbcClient jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.subscriptions = Caffeine.newBuilder()
                .expireAfterWrite(properties.subscriptionsCache())
                .maximumSize(1)
                .build();
    }

    static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    /** A NOT NULL time column (created_at, next_attempt_at). */
    static Instant requiredInstant(ResultSet rs, int column) throws SQLException {
        return Objects.requireNonNull(instant(rs, column));
    }

    void insertEndpoint(
            UUID id,
            String url,
            @Nullable String description,
            String ownerEmail,
            List<String> types,
            byte[] secret,
            Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, url, description, owner_email, event_types, secret_encrypted, enabled, created_at)
                VALUES (:id, :url, :description, :owner, :types, :secret, TRUE, :now)""")
                .param("id", id.toString())
                .param("url", url)
                .param("description", description)
                .param("owner", ownerEmail)
                .param("types", String.join(",", types))
                .param("secret", secret)
                .param("now", utc(now))
                .update();
        subscriptionsChanged();
    }

    List<Endpoint> endpoints() {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint ORDER BY created_at")
                .query((rs, i) -> endpoint(rs))
                .list();
    }

    /** The enabled endpoints subscribed to this event type (a plain read: nothing is locked). */
    List<UUID> subscribers(WebhookEventType type) {
        return subscriptions
                .get(
                        ENABLED,
                        key -> jdbc.sql("SELECT id, event_types FROM webhook_endpoint WHERE enabled = TRUE")
                                .query((rs, i) -> new Subscription(
                                        rs.getObject(1, UUID.class),
                                        Set.of(rs.getString(2).split(","))))
                                .list())
                .stream()
                .filter(s -> s.eventTypes().contains(type.wireName()))
                .map(Subscription::endpointId)
                .toList();
    }

    /** Forgets this node's read of the subscriptions after the current transaction, when an endpoint was changed. */
    private void subscriptionsChanged() {
        subscriptions.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Also after the commit: a read between the change and its commit would otherwise keep the old list.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    subscriptions.invalidateAll();
                }
            });
        }
    }

    Optional<Endpoint> endpoint(UUID id) {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = :id")
                .param("id", id.toString())
                .query((rs, i) -> endpoint(rs))
                .optional();
    }

    int setEnabled(UUID id, boolean enabled, @Nullable String reason, Instant now) {
        subscriptionsChanged();
        return jdbc.sql("""
                UPDATE webhook_endpoint SET enabled = :enabled, disabled_reason = :reason, disabled_at = :at,
                       failing_since = IF(:enabled, NULL, failing_since)
                WHERE id = :id""")
                .param("enabled", enabled)
                .param("reason", enabled ? null : reason)
                .param("at", enabled ? null : utc(now))
                .param("id", id.toString())
                .update();
    }

    /** Disables the endpoint unless it is disabled already; true when this call disabled it. */
    boolean disableIfEnabled(UUID id, String reason, Instant now) {
        subscriptionsChanged();
        return jdbc.sql(
                                "UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = :reason, disabled_at = :at WHERE id = :id AND enabled")
                        .param("reason", reason)
                        .param("at", utc(now))
                        .param("id", id.toString())
                        .update()
                == 1;
    }

    int deleteEndpoint(UUID id) {
        subscriptionsChanged();
        return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id")
                .param("id", id.toString())
                .update();
    }

    void succeeded(UUID endpointId) {
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .param("id", endpointId.toString())
                .update();
    }

    /** Notes a failed attempt; returns since when the endpoint has been failing. */
    Instant failed(UUID endpointId, Instant now) {
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, :now) WHERE id = :id")
                .param("now", utc(now))
                .param("id", endpointId.toString())
                .update();
        return jdbc.sql("SELECT failing_since FROM webhook_endpoint WHERE id = :id")
                .param("id", endpointId.toString())
                .query((rs, i) -> instant(rs, 1))
                .optional()
                .orElse(now);
    }

    /**
     * Queues a delivery; with a {@code onceKey}, only if none with that key was queued for the
     * endpoint. Only to an endpoint still enabled: the caller's list of subscribers may be a few
     * seconds old (an endpoint disabled or deleted on another node gets nothing).
     */
    void insertDelivery(
            UUID endpointId,
            String messageId,
            WebhookEventType type,
            String payload,
            @Nullable String onceKey,
            Instant now) {
        jdbc.sql("""
                INSERT IGNORE INTO webhook_delivery (id, endpoint_id, message_id, event_type, payload, once_key, status, next_attempt_at, created_at)
                SELECT :id, id, :message, :type, :payload, :once, 'PENDING', :now, :now FROM webhook_endpoint
                WHERE id = :endpoint AND enabled""")
                .param("id", Ids.newId().toString())
                .param("endpoint", endpointId.toString())
                .param("message", messageId)
                .param("type", type.wireName())
                .param("payload", payload)
                .param("once", onceKey)
                .param("now", utc(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries for this node ({@code FOR UPDATE SKIP LOCKED}, so
     * two nodes never claim the same row at once) by moving their next attempt past the lease: a
     * node that dies while sending leaves them due again when the lease runs out.
     */
    List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = :lease WHERE id IN (:ids)")
                    .param("lease", utc(leaseUntil))
                    .param("ids", ids.stream().map(UUID::toString).toList())
                    .update();
        }
        return ids;
    }

    Optional<Due> due(UUID id) {
        return jdbc.sql(
                        "SELECT id, endpoint_id, message_id, event_type, payload, attempts, created_at FROM webhook_delivery WHERE id = :id")
                .param("id", id.toString())
                .query((rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        requiredInstant(rs, 7)))
                .optional();
    }

    void recordAttempt(
            UUID id,
            String status,
            Instant now,
            @Nullable Instant next,
            @Nullable Integer httpStatus,
            @Nullable String response,
            @Nullable String error) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_attempt_at = :now,
                       next_attempt_at = COALESCE(:next, next_attempt_at), last_status = :http, last_response = :response, last_error = :error,
                       delivered_at = IF(:status = 'DELIVERED', :now, delivered_at)
                WHERE id = :id""")
                .param("status", status)
                .param("now", utc(now))
                .param("next", utc(next))
                .param("http", httpStatus)
                .param("response", truncate(response, 1000))
                .param("error", truncate(error, 500))
                .param("id", id.toString())
                .update();
    }

    /** Puts a delivery back in the queue, due now, with a fresh schedule; false when there is none. */
    boolean redeliver(UUID id, Instant now) {
        return jdbc.sql(
                                "UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now WHERE id = :id")
                        .param("now", utc(now))
                        .param("id", id.toString())
                        .update()
                == 1;
    }

    void failPendingOf(UUID endpointId, String why, Instant now) {
        jdbc.sql(
                        "UPDATE webhook_delivery SET status = 'FAILED', last_error = :why, last_attempt_at = :now WHERE endpoint_id = :id AND status = 'PENDING'")
                .param("why", why)
                .param("now", utc(now))
                .param("id", endpointId.toString())
                .update();
    }

    List<WebhookDeliveryDetails> deliveries(UUID endpointId, int limit) {
        return jdbc.sql(
                        "SELECT " + DELIVERY_COLUMNS
                                + " FROM webhook_delivery WHERE endpoint_id = :id ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("id", endpointId.toString())
                .param("limit", limit)
                .query((rs, i) -> delivery(rs))
                .list();
    }

    Optional<WebhookDeliveryDetails> delivery(UUID id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = :id")
                .param("id", id.toString())
                .query((rs, i) -> delivery(rs))
                .optional();
    }

    private static WebhookDeliveryDetails delivery(ResultSet rs) throws SQLException {
        int http = rs.getInt(10);
        Integer lastStatus = rs.wasNull() ? null : http;
        return new WebhookDeliveryDetails(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                requiredInstant(rs, 7),
                requiredInstant(rs, 8),
                instant(rs, 9),
                lastStatus,
                rs.getString(11),
                rs.getString(12),
                instant(rs, 13));
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(
                new WebhookEndpointDetails(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.of(rs.getString(5).split(",")),
                        rs.getBoolean(6),
                        rs.getString(7),
                        instant(rs, 8),
                        instant(rs, 9),
                        requiredInstant(rs, 10)),
                rs.getBytes(11));
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
