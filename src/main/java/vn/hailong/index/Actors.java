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
            return auth.getName() + KEY_SUFFIX + key.clientName() + ")";
        }
        return isIntegrator() ? "api:" + auth.getName() : auth.getName();
    }

    /**
     * The person behind an actor of {@link #current()}: a manager acting through their own API key
     * is the same person as when signed in (so a review through the key is no second pair of eyes).
     */
    static String person(String actor) {
        int key = actor.indexOf(KEY_SUFFIX);
        return key < 0 ? actor : actor.substring(0, key);
    }

    private static final String KEY_SUFFIX = " (API key ";

    static boolean isIntegrator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(Role.INTEGRATOR_AUTHORITY::equals);
    }
}
