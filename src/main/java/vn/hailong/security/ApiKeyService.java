package vn.hailong.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;

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
         * @param account the user name of the manager holding the key (scope index); empty for an integrator's key
         * @param unit an agency code: the integrator's key reads only that unit's subtree (ratings feed); empty: every unit
         * @param managesWebhooks whether the integrator's key may manage webhook endpoints (not with a unit)
         */
        public record BootstrapKey(String name, String key, String account, String unit, Boolean managesWebhooks) {

            public boolean heldByAccount() {
                return account != null && !account.isBlank();
            }
        }
    }

    /** The whole v1 integrator API (the one-stop software's keys). */
    public static final String SCOPE_INTEGRATOR = "integrator";
    /** The index's paths (compute, review, publish, read, indicators), acting as the account holding the key. */
    public static final String SCOPE_INDEX = "index";
    /** The authority of a key with scope {@link #SCOPE_INDEX}. */
    public static final String INDEX_SCOPE_AUTHORITY = "SCOPE_index";

    /**
     * Who holds a key: the client's name, its scope and, for a manager's key, the account's user
     * name and role (null for an integrator); for an integrator's key, the unit whose subtree it
     * reads (null: every unit) and whether it manages webhooks. Set as the authentication's details
     * on API calls.
     */
    public record KeyHolder(
            String clientName,
            String scopes,
            @Nullable String username,
            @Nullable Role role,
            @Nullable String unitCode,
            boolean managesWebhooks) {

        public boolean heldByAccount() {
            return username != null;
        }

        /** The integrator behind the call (for a manager's key: its client, with no unit and no webhooks). */
        public ApiCaller caller() {
            return new ApiCaller(clientName, heldByAccount() ? null : unitCode, !heldByAccount() && managesWebhooks);
        }
    }

    private record Verified(KeyHolder holder, long until) {}

    private final ApiClients clients;
    private final AccountService accounts;
    private final Clock clock;
    private final Map<String, Verified> recentlyVerified = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    ApiKeyService(ApiClients clients, AccountService accounts, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.clients = clients;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Stores a key held by a manager's account (scope {@code index}): calls with it act as that
     * account, with its role and units, while it is enabled. The key itself is not stored.
     *
     * @throws IllegalArgumentException when the account does not exist or the key is too weak
     */
    @Transactional
    public void provisionForAccount(String clientName, String key, @Nullable String username) {
        AccountService.Account account = accounts.find(username == null ? "" : username.strip())
                .orElseThrow(() ->
                        new IllegalArgumentException("API key of '" + clientName + "': no account '" + username + "'"));
        String problem = ApiKeys.problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("API key of '" + clientName + "': " + problem);
        }
        byte[] hash = ApiKeys.hash(key);
        Optional<ApiClient> existing = clients.findByName(clientName);
        boolean changed = existing.isEmpty()
                || !Arrays.equals(existing.get().keyHash(), hash)
                || !account.id().equals(existing.get().accountId());
        ApiClient client =
                existing.orElseGet(() -> new ApiClient(clientName, ApiKeys.prefix(key), hash, clock.instant()));
        client.rotate(ApiKeys.prefix(key), hash);
        client.holdBy(account.id(), SCOPE_INDEX);
        clients.save(client);
        if (changed) {
            events.publishEvent(AuditEvent.of(
                    AuditAction.ACCOUNT_CHANGED,
                    "API client " + clientName,
                    "key provisioned for account " + account.username() + " (" + account.role() + "), scope "
                            + SCOPE_INDEX + ": " + ApiKeys.prefix(key) + "…"));
        }
        log.info(
                "API client '{}' provisioned for account '{}' with key {}…",
                clientName,
                account.username(),
                ApiKeys.prefix(key));
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
    public void provision(String clientName, String key, @Nullable String unitCode, boolean managesWebhooks) {
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (unit != null && managesWebhooks) {
            throw new IllegalArgumentException(
                    "API key of '" + clientName + "': a key limited to a unit cannot manage webhooks");
        }
        String problem = ApiKeys.problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("API key of '" + clientName + "': " + problem);
        }
        byte[] hash = ApiKeys.hash(key);
        Optional<ApiClient> existing = clients.findByName(clientName);
        boolean changed = existing.isEmpty() || !Arrays.equals(existing.get().keyHash(), hash);
        ApiClient client =
                existing.orElseGet(() -> new ApiClient(clientName, ApiKeys.prefix(key), hash, clock.instant()));
        client.rotate(ApiKeys.prefix(key), hash);
        client.holdBy(null, SCOPE_INTEGRATOR);
        client.scope(unit, managesWebhooks);
        clients.save(client);
        recentlyVerified.clear();
        if (changed) {
            events.publishEvent(AuditEvent.of(
                    AuditAction.ACCOUNT_CHANGED,
                    "API client " + clientName,
                    "key provisioned: " + ApiKeys.prefix(key) + "…"));
        }
        log.info("API client '{}' provisioned with key {}…", clientName, ApiKeys.prefix(key));
    }

    /**
     * The name of the active client holding this key. Not transactional on purpose: a key verified
     * in the last seconds is answered from memory without taking a database connection.
     */
    public Optional<String> authenticate(String key) {
        return holder(key).map(KeyHolder::clientName);
    }

    /** The active integrator's client holding this key, with its scope; answered from memory as {@link #authenticate(String)}. */
    public Optional<ApiCaller> authenticateCaller(String key) {
        return holder(key).filter(h -> !h.heldByAccount()).map(KeyHolder::caller);
    }

    /**
     * Who holds this key, if it is an active key: for a manager's key only while the account is
     * enabled (a disabled account's key stops, on other nodes within the cache time as well).
     */
    public Optional<KeyHolder> holder(String key) {
        if (key == null || ApiKeys.problemWith(key) != null) {
            return Optional.empty();
        }
        byte[] hash = ApiKeys.hash(key);
        String cacheKey = HexFormat.of().formatHex(hash);
        long now = clock.millis();
        Verified known = recentlyVerified.get(cacheKey);
        if (known != null && known.until() > now) {
            return Optional.of(known.holder());
        }
        Optional<KeyHolder> holder =
                clients.findByKeyHash(hash).filter(ApiClient::isActive).flatMap(this::holderOf);
        holder.ifPresentOrElse(
                h -> recentlyVerified.put(cacheKey, new Verified(h, now + CACHE_MILLIS)),
                () -> recentlyVerified.remove(cacheKey));
        return holder;
    }

    /** Forgets every key verified recently on this node: after a revocation, its next call is checked again. */
    void forgetVerified() {
        recentlyVerified.clear();
    }

    private Optional<KeyHolder> holderOf(ApiClient client) {
        if (client.accountId() == null) {
            ApiCaller caller = client.caller();
            return Optional.of(new KeyHolder(
                    client.getName(), client.scopes(), null, null, caller.unitCode(), caller.managesWebhooks()));
        }
        return accounts.findById(client.accountId())
                .filter(AccountService.Account::enabled)
                .map(a -> new KeyHolder(client.getName(), client.scopes(), a.username(), a.role(), null, false));
    }
}
