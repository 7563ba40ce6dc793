package vn.hailong.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;

/**
 * API keys issued by an administrator on screen (ADR 105): a manager's key (scope {@code index},
 * acting as the account) or an integrator's (the one-stop software; optionally one unit's subtree,
 * or managing webhooks). The key is generated here (256 random bits), shown once and stored as its
 * SHA-256 only; revoking stops it at once on this node and within the key cache's 30 s elsewhere.
 *
 * <p>A manager's key must not open what the account's password alone cannot: an account whose role
 * must log in with a second factor gets a key only once it has enrolled one, and keys are issued
 * only by an administrator, who logged in with theirs.
 */
@Service
@PreAuthorize(Roles.IS_ADMIN)
public class ApiKeyAdminService {

    static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,99}";
    /** The roles a key may act as: the index's API is theirs (auditors read on screen, officers never). */
    static final Set<Role> KEY_HOLDING_ROLES = EnumSet.of(Role.ADMIN, Role.PROVINCE_MANAGER, Role.UNIT_MANAGER);

    private final ApiClients clients;
    private final ApiKeyService keys;
    private final AccountService accounts;
    private final TwoFactorService twoFactor;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;

    ApiKeyAdminService(
            ApiClients clients,
            ApiKeyService keys,
            AccountService accounts,
            TwoFactorService twoFactor,
            DirectoryService directory,
            ApplicationEventPublisher events) {
        this.clients = clients;
        this.keys = keys;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.directory = directory;
        this.events = events;
    }

    /** Whether an account of this role may hold an API key. */
    public static boolean holdsKeys(Role role) {
        return KEY_HOLDING_ROLES.contains(role);
    }

    /** A key as the administrator sees it: never the key, only its first characters. */
    public record KeyRow(
            String name,
            String prefix,
            @Nullable String holder,
            @Nullable Role holderRole,
            @Nullable String unitCode,
            boolean managesWebhooks,
            boolean active,
            Instant createdAt) {

        public boolean heldByAccount() {
            return holder != null;
        }
    }

    /** A key just issued: the only time it is shown. */
    public record IssuedKey(String name, String key) {}

    /** Every key, active ones first, then by name. */
    @Transactional(readOnly = true)
    public List<KeyRow> keys() {
        return clients.findAll().stream()
                .map(this::row)
                .sorted(Comparator.comparing((KeyRow k) -> !k.active()).thenComparing(KeyRow::name))
                .toList();
    }

    /**
     * Issues a key held by a manager's account: calls with it act as that account (scope {@code index}).
     *
     * @throws vn.hailong.platform.InvalidInputException naming {@code name} or {@code username}
     * @throws ConflictException naming {@code name} when a key of that name exists
     */
    @Transactional
    public IssuedKey issueForAccount(String name, String username) {
        FieldErrors errors = new FieldErrors();
        String clientName = checkedName(name, errors);
        String holder = username == null ? "" : username.strip();
        AccountService.Account account = accounts.find(holder).orElse(null);
        if (account == null) {
            errors.unprocessable("username", Words.of("security.error.noSuchAccount", Words.VI, holder));
        } else if (!account.enabled()) {
            errors.unprocessable("username", Words.of("security.error.accountDisabled", Words.VI, holder));
        } else if (!KEY_HOLDING_ROLES.contains(account.role())) {
            errors.unprocessable("username", Words.of("security.error.keyHoldingRoles", Words.VI));
        } else if (twoFactor.requiredFor(account.role()) && !twoFactor.enrolled(account.username())) {
            errors.unprocessable("username", Words.of("security.error.keyNeedsTwoFactor", Words.VI));
        }
        errors.throwIfAny();
        refuseTaken(clientName);
        String key = ApiKeys.generate();
        keys.provisionForAccount(clientName, key, holder);
        return new IssuedKey(clientName, key);
    }

    /**
     * Issues an integrator's key (the one-stop software): the whole v1 API, or one unit's subtree
     * (the ratings feed), or managing webhooks (never both).
     */
    @Transactional
    public IssuedKey issueForIntegrator(String name, @Nullable String unitCode, boolean managesWebhooks) {
        FieldErrors errors = new FieldErrors();
        String clientName = checkedName(name, errors);
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (unit != null && directory.findUnit(unit).isEmpty()) {
            errors.unprocessable("unit", Words.of("security.error.noSuchUnit", Words.VI, unit));
        }
        if (unit != null && managesWebhooks) {
            errors.unprocessable("managesWebhooks", Words.of("security.error.unitKeyWebhooks", Words.VI));
        }
        errors.throwIfAny();
        refuseTaken(clientName);
        String key = ApiKeys.generate();
        keys.provision(clientName, key, unit, managesWebhooks);
        return new IssuedKey(clientName, key);
    }

    /** A new key for the same holder and scope; the old one stops. */
    @Transactional
    public IssuedKey rotate(String name) {
        ApiClient client = existing(name);
        KeyRow row = row(client);
        String key = ApiKeys.generate();
        if (row.heldByAccount()) {
            keys.provisionForAccount(client.getName(), key, row.holder());
        } else {
            keys.provision(client.getName(), key, client.unitCode(), client.managesWebhooks());
        }
        keys.forgetVerified(); // the old key's cached verification goes with it
        return new IssuedKey(client.getName(), key);
    }

    /** Stops a key. Revoking a revoked key changes nothing. */
    @Transactional
    public KeyRow revoke(String name) {
        ApiClient client = existing(name);
        if (client.isActive()) {
            client.revoke();
            clients.save(client);
            keys.forgetVerified();
            events.publishEvent(AuditEvent.of(
                    AuditAction.ACCOUNT_CHANGED,
                    "API client " + client.getName(),
                    "key revoked: " + client.keyPrefix() + "…"));
        }
        return row(client);
    }

    private ApiClient existing(String name) {
        return clients.findByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new NotFoundException("no API key named '" + name + "'"));
    }

    private static String checkedName(String name, FieldErrors errors) {
        String clientName = name == null ? "" : name.strip();
        if (!clientName.matches(NAME_PATTERN)) {
            errors.malformed("name", Words.of("security.error.keyNameMalformed", Words.VI));
        }
        return clientName;
    }

    private void refuseTaken(String clientName) {
        if (clients.findByName(clientName).isPresent()) {
            throw new ConflictException("name", Words.of("security.error.keyNameTaken", Words.VI, clientName));
        }
    }

    private KeyRow row(ApiClient client) {
        AccountService.Account holder = client.accountId() == null
                ? null
                : accounts.findById(client.accountId()).orElse(null);
        return new KeyRow(
                client.getName(),
                client.keyPrefix(),
                holder == null ? null : holder.username(),
                holder == null ? null : holder.role(),
                client.unitCode(),
                client.managesWebhooks(),
                client.isActive(),
                client.createdAt());
    }
}
