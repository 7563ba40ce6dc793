package vn.hailong.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.notification.MailOutbox;
import vn.hailong.platform.PolledWorker;
import vn.hailong.platform.Words;

/**
 * Sends queued deliveries (ADR 098), on a worker thread of each node, never on a request thread.
 * It claims due rows with {@code FOR UPDATE SKIP LOCKED} in a short transaction (moving their next
 * attempt past a lease, so a node that dies mid-send leaves them due again), then sends each one
 * outside any transaction with the Standard Webhooks headers, and records the outcome: a 2xx is
 * delivered; anything else (another status, a timeout, a refused connection, an address the URL
 * policy refuses now) is tried again after the next wait of the schedule, and when the schedule
 * has run out the delivery failed. An endpoint that has failed longer than
 * {@code hailong.webhooks.disable-after} is then disabled and its owner told by e-mail.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int BATCH = 20;

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final MailOutbox mail;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final HttpClient http;
    private final PolledWorker worker;
    private final WebhookUrlPolicy policy;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDispatcher(
            WebhookStore store,
            WebhookSecrets secrets,
            WebhookProperties properties,
            MailOutbox mail,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.secrets = secrets;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
        this.policy = properties.urlPolicy();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Redirects are not followed: a receiver could otherwise send us to an address the policy refuses.
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.worker =
                new PolledWorker("webhook-dispatcher", properties.poll(), BATCH, properties.dispatch(), this::sendDue);
    }

    PolledWorker worker() {
        return worker;
    }

    /**
     * Claims and sends one batch of due deliveries, waiting for all of them.
     *
     * @return how many were attempted
     */
    int sendDue() {
        Instant now = clock.instant();
        List<UUID> claimed = transaction.execute(tx -> store.claimDue(now, now.plus(properties.claimLease()), BATCH));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        List<Future<?>> sent = new ArrayList<>();
        claimed.forEach(id -> sent.add(senders.submit(() -> attempt(id))));
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.warn("webhook delivery attempt failed unexpectedly", e.getCause());
            }
        }
        return claimed.size();
    }

    private void attempt(UUID deliveryId) {
        WebhookStore.Due due = store.due(deliveryId).orElse(null);
        if (due == null) {
            return; // its endpoint was deleted
        }
        WebhookStore.Endpoint endpoint = store.endpoint(due.endpointId()).orElse(null);
        if (endpoint == null) {
            return;
        }
        if (!endpoint.details().enabled()) {
            store.recordAttempt(deliveryId, "FAILED", clock.instant(), null, null, null, "endpoint disabled");
            return;
        }
        Integer status = null;
        String response = null;
        String error = null;
        String refusal = policy.refusal(endpoint.details().url(), InetAddress::getAllByName);
        if (refusal != null) {
            error = "not sent: " + refusal;
        } else {
            long timestamp = clock.instant().getEpochSecond();
            String secret = secrets.decrypt(endpoint.secret());
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(endpoint.details().url().strip()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "HaiLong-Webhooks/1")
                    .header("webhook-id", due.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(secret, due.messageId(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                response = answer.body();
            } catch (HttpTimeoutException e) {
                error = "timed out after " + properties.timeout();
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        Instant now = clock.instant();
        if (status != null && status >= 200 && status < 300) {
            store.recordAttempt(deliveryId, "DELIVERED", now, null, status, response, null);
            store.succeeded(due.endpointId());
            return;
        }
        int attemptsSoFar = due.attempts() + 1;
        Instant failingSince = store.failed(due.endpointId(), now);
        if (attemptsSoFar <= properties.retrySchedule().size()) {
            Duration wait = properties.retrySchedule().get(attemptsSoFar - 1);
            store.recordAttempt(deliveryId, "PENDING", now, now.plus(wait), status, response, error);
            log.info(
                    "webhook {} to {}: attempt {} failed ({}), next in {}",
                    due.messageId(),
                    endpoint.details().url(),
                    attemptsSoFar,
                    status != null ? "HTTP " + status : error,
                    wait);
            return;
        }
        store.recordAttempt(deliveryId, "FAILED", now, null, status, response, error);
        log.warn(
                "webhook {} to {}: failed after {} attempts",
                due.messageId(),
                endpoint.details().url(),
                attemptsSoFar);
        if (!failingSince.plus(properties.disableAfter()).isAfter(now)) {
            disable(endpoint.details(), failingSince, now);
        }
    }

    private void disable(WebhookEndpointDetails endpoint, Instant failingSince, Instant now) {
        String reason = "failing since " + failingSince + " (no successful delivery); disabled automatically";
        transaction.executeWithoutResult(tx -> {
            if (store.disableIfEnabled(endpoint.id(), reason, now)) {
                store.failPendingOf(endpoint.id(), "endpoint disabled", now);
                mail.queue(
                        endpoint.id(),
                        MailOutbox.Kind.WEBHOOK_DISABLED,
                        List.of(endpoint.ownerEmail()),
                        Words.of("webhook.mail.disabled.subject", Words.VI, endpoint.url()),
                        Words.of(
                                "webhook.mail.disabled.text",
                                Words.VI,
                                endpoint.url(),
                                failingSince.toString(),
                                mail.link("/webhooks")));
                log.warn("webhook endpoint {} disabled: {}", endpoint.url(), reason);
            }
        });
    }

    @Override
    public int getPhase() {
        return worker.getPhase();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
