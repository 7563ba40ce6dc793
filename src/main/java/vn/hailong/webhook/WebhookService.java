package vn.hailong.webhook;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.Ids;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;

/**
 * Webhook endpoints, managed by administrators (in the UI) and by API keys allowed to
 * ({@code manages-webhooks}): register (the signing secret is shown once), enable, disable,
 * delete, read the delivery log and redeliver. Every change is audited.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
@PreAuthorize(Roles.WEBHOOK_MANAGERS)
public class WebhookService {

    public static final int DESCRIPTION_MAX_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}");

    /** A registered endpoint and its signing secret, shown this once. */
    public record Registered(WebhookEndpointDetails endpoint, String secret) {}

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final WebhookDispatcher dispatcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookService(
            WebhookStore store,
            WebhookSecrets secrets,
            WebhookProperties properties,
            WebhookDispatcher dispatcher,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
    }

    /** The event types an endpoint may subscribe to. */
    public static List<String> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::wireName)
                .toList();
    }

    /**
     * Registers an endpoint.
     *
     * @throws vn.hailong.platform.InvalidInputException naming {@code url} (also when it points at a
     *         loopback, private or link-local address, or is not https in {@code prod}), {@code ownerEmail},
     *         {@code eventTypes} or {@code description}
     */
    @Transactional
    public Registered register(String url, @Nullable String description, String ownerEmail, List<String> eventTypes) {
        if (!secrets.configured()) {
            throw new ConflictException("url", WebhookSecrets.NOT_CONFIGURED);
        }
        FieldErrors errors = new FieldErrors();
        String refusal = properties.urlPolicy().refusal(url, InetAddress::getAllByName);
        if (refusal != null) {
            errors.malformed("url", refusal);
        }
        if (ownerEmail == null || !EMAIL.matcher(ownerEmail.strip()).matches()) {
            errors.malformed(
                    "ownerEmail",
                    "ownerEmail must be an e-mail address: the owner is told there when the endpoint is disabled");
        }
        List<String> types = new ArrayList<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.malformed("eventTypes", "eventTypes must name at least one of " + eventTypes());
        } else {
            for (String type : eventTypes) {
                if (type == null || WebhookEventType.of(type.strip()).isEmpty()) {
                    errors.malformed("eventTypes", "unknown event type '" + type + "'; one of " + eventTypes());
                } else if (!types.contains(type.strip())) {
                    types.add(type.strip());
                }
            }
        }
        if (description != null && description.length() > DESCRIPTION_MAX_LENGTH) {
            errors.malformed("description", "description is longer than " + DESCRIPTION_MAX_LENGTH + " characters");
        }
        errors.throwIfAny();
        String secret = WebhookSignature.newSecret();
        UUID id = Ids.newId();
        store.insertEndpoint(
                id,
                url.strip(),
                description == null || description.isBlank() ? null : description.strip(),
                ownerEmail.strip(),
                types,
                secrets.encrypt(secret),
                clock.instant());
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED, "webhook " + id, "registered " + url.strip() + " for " + types));
        return new Registered(find(id), secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpointDetails> endpoints() {
        return store.endpoints().stream().map(WebhookStore.Endpoint::details).toList();
    }

    @Transactional(readOnly = true)
    public WebhookEndpointDetails find(UUID id) {
        return store.endpoint(id)
                .map(WebhookStore.Endpoint::details)
                .orElseThrow(() -> new NotFoundException("no webhook endpoint " + id));
    }

    /** Enables the endpoint again (after a repair); its failed deliveries stay failed until redelivered. */
    @Transactional
    public WebhookEndpointDetails enable(UUID id) {
        find(id);
        store.setEnabled(id, true, null, clock.instant());
        events.publishEvent(AuditEvent.of(AuditAction.CONFIGURATION_CHANGED, "webhook " + id, "enabled"));
        return find(id);
    }

    @Transactional
    public WebhookEndpointDetails disable(UUID id) {
        find(id);
        store.setEnabled(id, false, "disabled by an administrator", clock.instant());
        events.publishEvent(AuditEvent.of(AuditAction.CONFIGURATION_CHANGED, "webhook " + id, "disabled"));
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (store.deleteEndpoint(id) == 0) {
            throw new NotFoundException("no webhook endpoint " + id);
        }
        events.publishEvent(AuditEvent.of(AuditAction.CONFIGURATION_CHANGED, "webhook " + id, "deleted"));
    }

    /** The endpoint's latest deliveries, newest first (the delivery log), at most {@code limit} (≤ 200). */
    @Transactional(readOnly = true)
    public List<WebhookDeliveryDetails> deliveries(UUID endpointId, int limit) {
        find(endpointId);
        return store.deliveries(endpointId, Math.max(1, Math.min(limit, 200)));
    }

    /** Sends a delivery again (delivered or failed), now and with a fresh schedule of retries; same {@code webhook-id}. */
    @Transactional
    public WebhookDeliveryDetails redeliver(UUID endpointId, UUID deliveryId) {
        WebhookDeliveryDetails delivery = store.delivery(deliveryId)
                .filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> new NotFoundException("no delivery " + deliveryId + " of endpoint " + endpointId));
        store.redeliver(delivery.id(), clock.instant());
        events.publishEvent(AuditEvent.of(
                AuditAction.CONFIGURATION_CHANGED, "webhook " + endpointId, "redelivery of " + delivery.messageId()));
        dispatcher.worker().wakeAfterCommit();
        return store.delivery(deliveryId).orElseThrow();
    }

    /** Sends what is due now instead of within a poll interval (tests, operators); returns how many were attempted. */
    @PreAuthorize("permitAll()")
    public int sendDueNow() {
        int total = 0;
        int sent;
        while ((sent = dispatcher.sendDue()) > 0) {
            total += sent;
        }
        return total;
    }
}
