package vn.hailong.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.UnitId;

/** Tells what the logged-in user may see. */
@Service
public class ScopeService {

    private final AccountService accounts;
    private final DirectoryService directory;

    ScopeService(AccountService accounts, DirectoryService directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    public AccessScope currentScope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return AccessScope.nothing();
        }
        if (auth.getPrincipal() instanceof ApiCaller caller) {
            if (caller.unitCode() == null) {
                return AccessScope.everything();
            }
            return directory
                    .findUnit(caller.unitCode())
                    .map(u -> new AccessScope(false, subtreeOf(u.id())))
                    .orElse(AccessScope.nothing());
        }
        Optional<AccountService.Account> account = accounts.find(auth.getName());
        if (account.isEmpty() || !account.get().enabled()) {
            return AccessScope.nothing();
        }
        return switch (account.get().role()) {
            case ADMIN, PROVINCE_MANAGER, AUDITOR -> AccessScope.everything();
            case UNIT_MANAGER ->
                // A unit manager's account belongs to a unit (refused without one when created).
                new AccessScope(
                        false, subtreeOf(Objects.requireNonNull(account.get().agencyId())));
            case OFFICER -> AccessScope.nothing();
            // The dossiers whose paper forms the clerk may key: their unit's subtree, or the province.
            case DATA_ENTRY ->
                account.get().agencyId() == null
                        ? AccessScope.everything()
                        : new AccessScope(false, subtreeOf(account.get().agencyId()));
        };
    }

    private Set<UnitId> subtreeOf(UUID unit) {
        return directory.subtreeOf(UnitId.of(unit));
    }

    public Optional<AccountService.Account> currentAccount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Optional.empty() : accounts.find(auth.getName());
    }
}
