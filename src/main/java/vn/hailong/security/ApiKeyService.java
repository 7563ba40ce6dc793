package vn.hailong.security;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Provisions and checks integrators' API keys. */
@Service
public class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    // A verified key is remembered briefly so that busy integrators do not cost a query per call;
    // a revoked key therefore stops working within this time on every node.
    private static final long CACHE_MILLIS = 30_000;

    /** Keys provisioned from configuration at start-up ({@code hailong.api.bootstrap-keys}). */
    @ConfigurationProperties("hailong.api")
    public record ApiProperties(List<BootstrapKey> bootstrapKeys) {

        public ApiProperties {
            bootstrapKeys = bootstrapKeys == null ? List.of() : bootstrapKeys;
        }

        /**
         * @param unit an agency code: the key reads only that unit's subtree (ratings feed); empty: every unit
         * @param managesWebhooks whether the key may manage webhook endpoints (not with a unit)
         */
        public record BootstrapKey(String name, String key, String unit, Boolean managesWebhooks) {
        }
    }

    private record Verified(ApiCaller caller, long until) {
    }

    private final ApiClients clients;
    private final Clock clock;
    private final Map<String, Verified> recentlyVerified = new ConcurrentHashMap<>();

    private final org.springframework.context.ApplicationEventPublisher events;

    ApiKeyService(ApiClients clients, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Stores a client with this key (or gives an existing client of this name the key). The key
     * itself is not stored.
     */
    @Transactional
    public void provision(String clientName, String key) {
        provision(clientName, key, null, false);
    }

    /**
     * As {@link #provision(String, String)}, with the key's scope: a unit (agency code) whose
     * subtree alone it reads, and whether it may manage webhook endpoints. A key that manages
     * webhooks sees every unit's events, so it cannot also be limited to a unit.
     */
    @Transactional
    public void provision(String clientName, String key, String unitCode, boolean managesWebhooks) {
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (unit != null && managesWebhooks) {
            throw new IllegalArgumentException("API key of '" + clientName + "': a key limited to a unit cannot manage webhooks");
        }
        String problem = ApiKeys.problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("API key of '" + clientName + "': " + problem);
        }
        byte[] hash = ApiKeys.hash(key);
        Optional<ApiClient> existing = clients.findByName(clientName);
        boolean changed = existing.isEmpty() || !java.util.Arrays.equals(existing.get().keyHash(), hash);
        ApiClient client = existing.orElseGet(() -> new ApiClient(clientName, ApiKeys.prefix(key), hash, clock.instant()));
        client.rotate(ApiKeys.prefix(key), hash);
        client.scope(unit, managesWebhooks);
        clients.save(client);
        recentlyVerified.clear();
        if (changed) {
            events.publishEvent(vn.hailong.audit.AuditEvent.of(vn.hailong.audit.AuditAction.ACCOUNT_CHANGED, "API client " + clientName,
                    "key provisioned: " + ApiKeys.prefix(key) + "…"));
        }
        log.info("API client '{}' provisioned with key {}…", clientName, ApiKeys.prefix(key));
    }

    /**
     * The name of the active client holding this key. Not transactional on purpose: a key verified
     * in the last seconds is answered from memory without taking a database connection.
     */
    public Optional<String> authenticate(String key) {
        return authenticateCaller(key).map(ApiCaller::clientName);
    }

    /** The active client holding this key, with its scope; answered from memory as {@link #authenticate(String)}. */
    public Optional<ApiCaller> authenticateCaller(String key) {
        if (key == null || ApiKeys.problemWith(key) != null) {
            return Optional.empty();
        }
        byte[] hash = ApiKeys.hash(key);
        String cacheKey = HexFormat.of().formatHex(hash);
        long now = clock.millis();
        Verified known = recentlyVerified.get(cacheKey);
        if (known != null && known.until() > now) {
            return Optional.of(known.caller());
        }
        Optional<ApiCaller> caller = clients.findByKeyHash(hash).filter(ApiClient::isActive).map(ApiClient::caller);
        caller.ifPresentOrElse(c -> recentlyVerified.put(cacheKey, new Verified(c, now + CACHE_MILLIS)),
                () -> recentlyVerified.remove(cacheKey));
        return caller;
    }
}
