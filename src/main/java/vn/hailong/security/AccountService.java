package vn.hailong.security;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Words;

/** Managers' accounts, and the look-up Spring Security uses at log-in. */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final DirectoryService directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountService(
            UserAccounts accounts,
            PasswordEncoder passwords,
            DirectoryService directory,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.passwords = passwords;
        this.directory = directory;
        this.clock = clock;
    }

    /** A user as the UI shows them. */
    public record Account(
            UUID id,
            String username,
            String displayName,
            Role role,
            @Nullable UUID agencyId,
            boolean enabled) {}

    /**
     * Creates an account unless one with this username exists (then returns it unchanged).
     * Unit managers and officers must name their unit.
     */
    @Transactional
    public Account ensureAccount(
            String username, String rawPassword, String displayName, Role role, @Nullable String agencyCode) {
        Optional<UserAccount> existing = accounts.findByUsername(username);
        if (existing.isPresent()) {
            return toAccount(existing.get());
        }
        if (rawPassword == null || rawPassword.length() < 8) {
            throw InvalidInputException.malformed("password", "a password needs at least 8 characters");
        }
        UUID agencyId = null;
        if (agencyCode != null) {
            AgencySummary unit = directory
                    .findUnit(agencyCode)
                    .orElseThrow(
                            () -> InvalidInputException.unprocessable("agency", "unknown unit '" + agencyCode + "'"));
            agencyId = unit.id();
        } else if (role == Role.UNIT_MANAGER || role == Role.OFFICER) {
            throw InvalidInputException.unprocessable("agency", role + " accounts must belong to a unit");
        }
        UserAccount account =
                new UserAccount(username, passwords.encode(rawPassword), displayName, role, agencyId, clock.instant());
        return toAccount(accounts.save(account));
    }

    /**
     * The first administrator of a fresh installation, from configuration: created with the
     * configured password as a one-time password (to be replaced at the first log-in) when no
     * administrator exists yet; otherwise nothing happens, so the setting may stay in place.
     * Answers whether it created the account.
     */
    @Transactional
    public boolean ensureFirstAdministrator(String username, String password) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            return false;
        }
        if (!name.matches(AccountAdminService.USERNAME_PATTERN)) {
            throw new IllegalStateException(
                    "hailong.security.first-admin.username: '" + name + "' is not a user name (3–64 of a-z 0-9 . _ -)");
        }
        PasswordPolicy.problem(password, name).ifPresent(p -> {
            throw new IllegalStateException(
                    "hailong.security.first-admin.password (HAILONG_SECURITY_FIRST_ADMIN_PASSWORD): " + p);
        });
        if (accounts.existsByRole(Role.ADMIN)) {
            return false;
        }
        UserAccount account = new UserAccount(
                name,
                passwords.encode(password),
                Words.of("security.account.firstAdminName", Words.VI),
                Role.ADMIN,
                null,
                clock.instant());
        account.setOneTimePassword(account.getPasswordHash(), clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(new AuditEvent(
                "system",
                AuditAction.ACCOUNT_CHANGED,
                "account " + name,
                "first administrator created from configuration, one-time password"));
        return true;
    }

    /**
     * The officer id this account's person has in the one-stop software, if set: the paper forms
     * of the dossiers that officer handled are not theirs to key.
     */
    @Transactional(readOnly = true)
    public Optional<String> oneStopOfficerId(String username) {
        return accounts.findByUsername(username).map(UserAccount::getOneStopOfficerId);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return accounts.findByUsername(username).map(AccountService::toAccount);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findById(UUID id) {
        return accounts.findById(id).map(AccountService::toAccount);
    }

    /** Whether the logged-in user still holds a one-time password set by an administrator. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return accounts.findByUsername(username)
                .map(UserAccount::isMustChangePassword)
                .orElse(false);
    }

    /**
     * The logged-in user replaces their password (the one-time one after a reset, or any time):
     * the current password is checked, the new one must meet {@link PasswordPolicy} and differ.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        // isAuthenticated(): there is an authentication.
        String username = Objects.requireNonNull(
                        SecurityContextHolder.getContext().getAuthentication())
                .getName();
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("no account " + username));
        if (currentPassword == null || !passwords.matches(currentPassword, account.getPasswordHash())) {
            throw InvalidInputException.unprocessable(
                    "currentPassword", Words.of("security.error.currentPasswordWrong", Words.VI));
        }
        PasswordPolicy.problem(newPassword, username).ifPresent(p -> {
            throw InvalidInputException.malformed("newPassword", p);
        });
        if (newPassword.equals(currentPassword)) {
            throw InvalidInputException.malformed("newPassword", Words.of("security.error.samePassword", Words.VI));
        }
        account.setOwnPassword(passwords.encode(newPassword), clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(
                AuditEvent.of(AuditAction.ACCOUNT_CHANGED, "account " + username, "password changed by its owner"));
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .authorities(new SimpleGrantedAuthority(account.getRole().authority()))
                .disabled(!account.isEnabled())
                .build();
    }

    private static Account toAccount(UserAccount a) {
        return new Account(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.getAgencyId(), a.isEnabled());
    }
}
