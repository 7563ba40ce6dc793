package vn.hailong.security;

import java.io.IOException;
import java.util.List;
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
            Optional<ApiCaller> client = keys.authenticateCaller(header.substring(7).strip());
            if (client.isEmpty()) {
                ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid API key",
                        "The API key is unknown or revoked.", "Authorization");
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            List<SimpleGrantedAuthority> authorities = client.get().managesWebhooks()
                    ? List.of(new SimpleGrantedAuthority(Role.INTEGRATOR_AUTHORITY), new SimpleGrantedAuthority(Role.WEBHOOK_MANAGER_AUTHORITY))
                    : List.of(new SimpleGrantedAuthority(Role.INTEGRATOR_AUTHORITY));
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null, authorities));
            contexts.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
