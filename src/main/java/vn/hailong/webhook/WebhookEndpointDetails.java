package vn.hailong.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An endpoint as administrators see it (never its secret). */
public record WebhookEndpointDetails(
        UUID id,
        String url,
        @Nullable String description,
        String ownerEmail,
        List<String> eventTypes,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant disabledAt,
        @Nullable Instant failingSince,
        Instant createdAt) {}
