package vn.hailong.security;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>} on the integrator API. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyService keys;
    // The strategy the chain's other filters use (not the static holder's current one): with two
    // application contexts in one JVM (a second node in tests), the static one may be the other's.
    private final SecurityContextHolderStrategy contexts;

    ApiKeyAuthenticationFilter(ApiKeyService keys, SecurityContextHolderStrategy contexts) {
        this.keys = keys;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiKeyService.KeyHolder> holder =
                    keys.holder(header.substring(7).strip());
            if (holder.isEmpty()) {
                ProblemResponses.write(
                        response,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "Invalid API key",
                        "The API key is unknown or revoked.",
                        "Authorization");
                return;
            }
            ApiKeyService.KeyHolder h = holder.get();
            // An integrator's key is the integrator; a manager's key acts as the account (its name
            // is what the scope of units and the audit log read), with its role and the index scope only.
            UsernamePasswordAuthenticationToken authentication = h.heldByAccount()
                    // Held by an account (heldByAccount): the key has the account's name and role.
                    ? UsernamePasswordAuthenticationToken.authenticated(
                            Objects.requireNonNull(h.username()),
                            null,
                            List.of(
                                    new SimpleGrantedAuthority(
                                            Objects.requireNonNull(h.role()).authority()),
                                    new SimpleGrantedAuthority(ApiKeyService.INDEX_SCOPE_AUTHORITY)))
                    // The integrator: its principal names it "api-client:NAME" and carries its unit and webhook scope.
                    : UsernamePasswordAuthenticationToken.authenticated(
                            h.caller(),
                            null,
                            h.managesWebhooks()
                                    ? List.of(
                                            new SimpleGrantedAuthority(Role.INTEGRATOR_AUTHORITY),
                                            new SimpleGrantedAuthority(Role.WEBHOOK_MANAGER_AUTHORITY))
                                    : List.of(new SimpleGrantedAuthority(Role.INTEGRATOR_AUTHORITY)));
            authentication.setDetails(h);
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication);
            contexts.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
