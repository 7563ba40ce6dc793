package vn.hailong.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** An integrator (the one-stop software) holding an API key. Only the key's SHA-256 is stored. */
@Entity
@Table(name = "api_client")
public class ApiClient extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    /** The key's first characters, so an operator can tell keys apart in logs without the key. */
    @Column(name = "key_prefix", nullable = false, length = 12)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, unique = true, columnDefinition = "binary(32)")
    private byte[] keyHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The manager's account holding the key (null for an integrator): the key acts as that account. */
    @Column(name = "account_id", columnDefinition = "uuid")
    private @Nullable UUID accountId;

    /** {@code integrator} (the whole v1 API) or {@code index} (the index's paths, as the account). */
    @Column(nullable = false, length = 200)
    private String scopes = ApiKeyService.SCOPE_INTEGRATOR;
    /** The agency code whose subtree this key may read (ratings feed); null: every unit. */
    @Column(name = "unit_code", length = 40)
    private @Nullable String unitCode;

    /** Whether this key may manage webhook endpoints (never together with a unit scope). */
    @Column(name = "manages_webhooks", nullable = false)
    private boolean managesWebhooks;

    protected ApiClient() {}

    ApiClient(String name, String keyPrefix, byte[] keyHash, Instant createdAt) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.active = true;
        this.createdAt = createdAt;
    }

    byte[] keyHash() {
        return keyHash;
    }

    void holdBy(@Nullable UUID accountId, String scopes) {
        this.accountId = accountId;
        this.scopes = scopes;
    }

    @Nullable
    UUID accountId() {
        return accountId;
    }

    String scopes() {
        return scopes;
    }

    void scope(@Nullable String unitCode, boolean managesWebhooks) {
        this.unitCode = unitCode;
        this.managesWebhooks = managesWebhooks;
    }

    ApiCaller caller() {
        return new ApiCaller(name, unitCode, managesWebhooks);
    }

    void rotate(String keyPrefix, byte[] keyHash) {
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.active = true;
    }

    /** Stops the key at once on this node (other nodes within ApiKeyService's cache time); rotating gives a new, active one. */
    void revoke() {
        this.active = false;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    String unitCode() {
        return unitCode;
    }

    boolean managesWebhooks() {
        return managesWebhooks;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
