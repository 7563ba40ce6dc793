package vn.hailong.api;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import vn.hailong.webhook.WebhookDeliveryDetails;
import vn.hailong.webhook.WebhookEndpointDetails;
import vn.hailong.webhook.WebhookService;

/**
 * Webhook endpoints over the API, for keys provisioned with {@code manages-webhooks: true}
 * (others get 403); administrators do the same on the Webhooks page. ADR 098.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApiController {

    private final WebhookService webhooks;

    WebhookApiController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointRequest(String url, @Nullable String description, String ownerEmail, List<String> eventTypes) {}

    record Registered(WebhookEndpointDetails endpoint, String secret) {}

    @Operation(summary = "Register a webhook endpoint", description = """
            Events: rating.recorded, rating.status_changed, dossier.returned, followup.opened, followup.overdue, kiosk.offline,
            index.published.
            The answer carries the signing secret (`whsec_...`) once; it is stored encrypted and never shown again.
            The URL must be https in production and must not resolve to a loopback, private or link-local address (400 naming `url`).
            Each delivery is a POST of `{"type", "timestamp", "data"}` with the Standard Webhooks headers `webhook-id` (the same on
            every retry: deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature`
            (`v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed with the base64-decoded part of the
            secret after `whsec_`). Answer 2xx within 15 s; anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.""")
    @PostMapping
    ResponseEntity<Registered> register(@RequestBody EndpointRequest body) {
        WebhookService.Registered registered =
                webhooks.register(body.url(), body.description(), body.ownerEmail(), body.eventTypes());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Registered(registered.endpoint(), registered.secret()));
    }

    @GetMapping
    List<WebhookEndpointDetails> endpoints() {
        return webhooks.endpoints();
    }

    @GetMapping("/{id}")
    WebhookEndpointDetails endpoint(@PathVariable UUID id) {
        return webhooks.find(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Enable an endpoint again",
            description = "After a repair; failed deliveries stay failed until redelivered.")
    @PostMapping("/{id}/enable")
    WebhookEndpointDetails enable(@PathVariable UUID id) {
        return webhooks.enable(id);
    }

    @PostMapping("/{id}/disable")
    WebhookEndpointDetails disable(@PathVariable UUID id) {
        return webhooks.disable(id);
    }

    @Operation(
            summary = "Delivery log",
            description = "The endpoint's latest deliveries, newest first, with each one's last response.")
    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveryDetails> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return webhooks.deliveries(id, limit);
    }

    @Operation(
            summary = "Redeliver",
            description = "Sends the delivery again now, with the same webhook-id and a fresh schedule of retries.")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDeliveryDetails> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(id, deliveryId));
    }
}
