package vn.hailong.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;

/**
 * Account management for administrators: create, disable and enable, reset a password (a
 * one-time password the user must replace at the next log-in), change role and unit. Every
 * change is published as an {@link AuditEvent}; no change ever records a password.
 */
@Service
@PreAuthorize(Roles.IS_ADMIN)
public class AccountAdminService {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LoginProtection logIns;
    private final TwoFactorService twoFactor;

    AccountAdminService(
            UserAccounts accounts,
            PasswordEncoder passwords,
            DirectoryService directory,
            ApplicationEventPublisher events,
            Clock clock,
            LoginProtection logIns,
            TwoFactorService twoFactor) {
        this.logIns = logIns;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.passwords = passwords;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** One account as the administrator sees it. */
    public record AccountRow(
            UUID id,
            String username,
            String displayName,
            Role role,
            @Nullable String unitCode,
            @Nullable String unitName,
            boolean enabled,
            boolean mustChangePassword,
            Instant createdAt,
            @Nullable String email,
            @Nullable Instant loginLockedUntil,
            boolean twoFactorEnrolled,
            @Nullable String oneStopOfficerId) {

        /** Whether wrong passwords have locked the account's log-ins from elsewhere for now (ADR 080). */
        public boolean loginLocked() {
            return loginLockedUntil != null;
        }
    }

    /** Every account, by user name. */
    @Transactional(readOnly = true)
    public List<AccountRow> accounts() {
        Map<UUID, AgencySummary> units =
                directory.allUnits().stream().collect(Collectors.toMap(AgencySummary::id, Function.identity()));
        return accounts.findAll().stream()
                .sorted(Comparator.comparing(UserAccount::getUsername))
                .map(a -> row(a, units))
                .toList();
    }

    /** The units an account may be given, by code. */
    @Transactional(readOnly = true)
    public List<AgencySummary> units() {
        return directory.allUnits().stream()
                .sorted(Comparator.comparing(AgencySummary::code))
                .toList();
    }

    /**
     * Creates an account with an initial one-time password. Unit managers and officers must be
     * given their unit; province-wide roles (administrator, province manager, auditor) have none.
     */
    @Transactional
    public AccountRow create(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable Role role,
            @Nullable String unitCode,
            String initialPassword) {
        FieldErrors errors = new FieldErrors();
        String name = username == null ? "" : username.strip();
        if (!name.matches(USERNAME_PATTERN)) {
            errors.malformed("username", Words.of("security.error.usernameMalformed", Words.VI));
        }
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > 200) {
            errors.malformed("displayName", Words.of("security.error.displayNameRequired", Words.VI));
        }
        UUID unit = unitFor(role, unitCode, errors);
        PasswordPolicy.problem(initialPassword, name).ifPresent(p -> errors.malformed("password", p));
        errors.throwIfAny();
        if (accounts.findByUsername(name).isPresent()) {
            throw new ConflictException("username", Words.of("security.error.usernameTaken", Words.VI, name));
        }
        UserAccount account = new UserAccount(
                name,
                passwords.encode(initialPassword),
                display,
                Objects.requireNonNull(role), // required: unitFor refused a missing one
                unit,
                clock.instant());
        account.setOneTimePassword(account.getPasswordHash(), clock.instant());
        accounts.saveAndFlush(account);
        audit(
                name,
                "created: role " + role + ", unit " + (unitCode == null || unit == null ? "-" : unitCode.strip())
                        + ", name '" + display + "', one-time password");
        return row(account);
    }

    /** Disables or enables an account; a disabled account cannot log in. Nobody disables themselves. */
    @Transactional
    public AccountRow setEnabled(String username, boolean enabled) {
        UserAccount account = find(username);
        if (!enabled && account.getUsername().equals(currentUser())) {
            throw InvalidInputException.unprocessable("enabled", Words.of("security.error.disableSelf", Words.VI));
        }
        if (account.isEnabled() != enabled) {
            account.setEnabled(enabled);
            accounts.saveAndFlush(account);
            audit(account.getUsername(), enabled ? "enabled" : "disabled");
        }
        return row(account);
    }

    /**
     * Lifts the lock that wrong passwords put on an account's log-ins (the user called: it was
     * them, or the attack is over). The password is unchanged; reset it too if it may be known.
     */
    @Transactional
    public AccountRow unlockLogIn(String username) {
        UserAccount account = find(username);
        if (logIns.unlock(account.getUsername())) {
            audit(account.getUsername(), "log-in lock lifted");
        }
        return row(account);
    }

    /** A lost phone: the user's authenticator app and recovery codes are forgotten; they enrol again at the next log-in. */
    @Transactional
    public AccountRow resetTwoFactor(String username) {
        UserAccount account = find(username);
        if (twoFactor.reset(account.getUsername())) {
            audit(account.getUsername(), "authenticator app reset (enrols again at the next log-in)");
        }
        return row(account);
    }

    /** Sets a one-time password chosen by the administrator; the user must replace it at the next log-in. */
    @Transactional
    public AccountRow resetPassword(String username, String oneTimePassword) {
        UserAccount account = find(username);
        PasswordPolicy.problem(oneTimePassword, account.getUsername()).ifPresent(p -> {
            throw InvalidInputException.malformed("password", p);
        });
        account.setOneTimePassword(passwords.encode(oneTimePassword), clock.instant());
        accounts.saveAndFlush(account);
        audit(account.getUsername(), "password reset to a one-time password");
        return row(account);
    }

    /** Sets (blank: removes) the e-mail address follow-up notifications are sent to. */
    @Transactional
    public AccountRow setEmail(String username, String email) {
        UserAccount account = find(username);
        String value = ManagerContacts.checkedEmail(email);
        if (!Objects.equals(account.getEmail(), value)) {
            String before = account.getEmail();
            account.setEmail(value);
            accounts.saveAndFlush(account);
            audit(
                    account.getUsername(),
                    "e-mail " + (before == null ? "-" : before) + " → " + (value == null ? "-" : value));
        }
        return row(account);
    }

    /**
     * Sets (blank: removes) the person's officer id in the one-stop software, for staff who also
     * handle dossiers: a data-entry clerk never keys the form of a dossier they handled.
     */
    @Transactional
    public AccountRow setOneStopOfficerId(String username, @Nullable String officerId) {
        UserAccount account = find(username);
        String value = officerId == null || officerId.isBlank() ? null : officerId.strip();
        if (value != null && value.length() > 64) {
            throw InvalidInputException.malformed(
                    "oneStopOfficerId", Words.of("security.error.officerIdTooLong", Words.VI));
        }
        if (!Objects.equals(account.getOneStopOfficerId(), value)) {
            String before = account.getOneStopOfficerId();
            account.setOneStopOfficerId(value);
            accounts.saveAndFlush(account);
            audit(
                    account.getUsername(),
                    "one-stop officer id " + (before == null ? "-" : before) + " → " + (value == null ? "-" : value));
        }
        return row(account);
    }

    /** Changes an account's role and unit (the root of the units it is responsible for). */
    @Transactional
    public AccountRow assign(String username, @Nullable Role role, @Nullable String unitCode) {
        UserAccount account = find(username);
        FieldErrors errors = new FieldErrors();
        UUID unit = unitFor(role, unitCode, errors);
        errors.throwIfAny();
        if (account.getUsername().equals(currentUser()) && role != Role.ADMIN) {
            throw InvalidInputException.unprocessable("role", Words.of("security.error.demoteSelf", Words.VI));
        }
        String before = describe(account.getRole(), account.getAgencyId());
        if (account.getRole() != role || !Objects.equals(account.getAgencyId(), unit)) {
            account.assign(Objects.requireNonNull(role), unit); // required: unitFor refused a missing one
            accounts.saveAndFlush(account);
            audit(account.getUsername(), "role/unit " + before + " → " + describe(role, unit));
        }
        return row(account);
    }

    private @Nullable UUID unitFor(@Nullable Role role, @Nullable String unitCode, FieldErrors errors) {
        if (role == null) {
            errors.malformed("role", Words.of("security.error.roleRequired", Words.VI));
            return null;
        }
        boolean needsUnit = role == Role.UNIT_MANAGER || role == Role.OFFICER;
        // A data-entry clerk may be limited to a unit's dossiers, or key for the whole province.
        boolean mayHaveUnit = needsUnit || role == Role.DATA_ENTRY;
        if (!mayHaveUnit) {
            // province-wide roles see every unit: a unit on them would mean nothing and mislead
            return null;
        }
        if (unitCode == null || unitCode.isBlank()) {
            if (needsUnit) {
                errors.unprocessable("unit", Words.of("security.error.unitRequired", Words.VI));
            }
            return null;
        }
        return directory.findUnit(unitCode.strip()).map(AgencySummary::id).orElseGet(() -> {
            errors.unprocessable("unit", Words.of("security.error.unknownUnit", Words.VI, unitCode.strip()));
            return null;
        });
    }

    private String describe(@Nullable Role role, @Nullable UUID unit) {
        return role + "@"
                + (unit == null
                        ? "-"
                        : directory
                                .findUnit(UnitId.of(unit))
                                .map(AgencySummary::code)
                                .orElse(unit.toString()));
    }

    private UserAccount find(String username) {
        return accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new NotFoundException(
                        Words.of("security.error.noSuchAccount", Words.VI, String.valueOf(username))));
    }

    private void audit(String username, String details) {
        events.publishEvent(AuditEvent.of(AuditAction.ACCOUNT_CHANGED, "account " + username, details));
    }

    private static @Nullable String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    private AccountRow row(UserAccount a) {
        AgencySummary unit = a.getAgencyId() == null
                ? null
                : directory.findUnit(UnitId.of(a.getAgencyId())).orElse(null);
        return row(a, unit == null ? Map.of() : Map.of(unit.id(), unit));
    }

    private AccountRow row(UserAccount a, Map<UUID, AgencySummary> units) {
        AgencySummary unit = a.getAgencyId() == null ? null : units.get(a.getAgencyId());
        return new AccountRow(
                a.getId(),
                a.getUsername(),
                a.getDisplayName(),
                a.getRole(),
                unit == null ? null : unit.code(),
                unit == null ? null : unit.name(),
                a.isEnabled(),
                a.isMustChangePassword(),
                a.getCreatedAt(),
                a.getEmail(),
                logIns.accountLockedUntil(a.getUsername()).orElse(null),
                twoFactor.enrolled(a.getUsername()),
                a.getOneStopOfficerId());
    }
}
