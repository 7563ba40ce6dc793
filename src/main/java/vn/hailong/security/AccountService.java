package vn.hailong.security;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.InvalidInputException;

/** Managers' accounts, and the look-up Spring Security uses at log-in. */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final DirectoryService directory;
    private final Clock clock;

    AccountService(UserAccounts accounts, PasswordEncoder passwords, DirectoryService directory, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.directory = directory;
        this.clock = clock;
    }

    /** A user as the UI shows them. */
    public record Account(UUID id, String username, String displayName, Role role, UUID agencyId, boolean enabled) {
    }

    /**
     * Creates an account unless one with this username exists (then returns it unchanged).
     * Unit managers and officers must name their unit.
     */
    @Transactional
    public Account ensureAccount(String username, String rawPassword, String displayName, Role role, String agencyCode) {
        Optional<UserAccount> existing = accounts.findByUsername(username);
        if (existing.isPresent()) {
            return toAccount(existing.get());
        }
        if (rawPassword == null || rawPassword.length() < 8) {
            throw InvalidInputException.malformed("password", "a password needs at least 8 characters");
        }
        UUID agencyId = null;
        if (agencyCode != null) {
            AgencySummary unit = directory.findUnit(agencyCode)
                    .orElseThrow(() -> InvalidInputException.unprocessable("agency", "unknown unit '" + agencyCode + "'"));
            agencyId = unit.id();
        } else if (role == Role.UNIT_MANAGER || role == Role.OFFICER) {
            throw InvalidInputException.unprocessable("agency", role + " accounts must belong to a unit");
        }
        UserAccount account = new UserAccount(username, passwords.encode(rawPassword), displayName, role, agencyId, clock.instant());
        return toAccount(accounts.save(account));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return accounts.findByUsername(username).map(AccountService::toAccount);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
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
