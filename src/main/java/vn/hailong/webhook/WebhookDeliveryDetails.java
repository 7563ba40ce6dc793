package vn.hailong.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One event's delivery to one endpoint, with its last attempt's outcome (the delivery log). */
public record WebhookDeliveryDetails(
        UUID id,
        UUID endpointId,
        String messageId,
        String eventType,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastResponse,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {}
