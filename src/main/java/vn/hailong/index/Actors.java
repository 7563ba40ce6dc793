package vn.hailong.index;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

/** Who is acting, for the "who" of history rows and for integrators' province-wide reading. */
final class Actors {

    private Actors() {}

    static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return "system";
        }
        if (auth.getDetails() instanceof ApiKeyService.KeyHolder key && key.heldByAccount()) {
            return auth.getName() + " (API key " + key.clientName() + ")";
        }
        return isIntegrator() ? "api:" + auth.getName() : auth.getName();
    }

    static boolean isIntegrator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(Role.INTEGRATOR_AUTHORITY::equals);
    }
}
