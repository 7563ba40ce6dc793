package vn.hailong.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

/**
 * The security headers of every answer, pages, resources and API alike, set before anything else
 * runs so that no path is forgotten (Spring Security's header writers only cover its own chains,
 * and keep a header that is already there). A page with a stricter policy of its own (the
 * citizen's survey page, with a nonce) replaces the Content-Security-Policy set here.
 * <ul>
 * <li>{@code Content-Security-Policy}: for the Vaadin pages what Vaadin Flow documents it needs
 * ({@code script-src 'unsafe-inline' 'unsafe-eval'}, {@code style-src 'unsafe-inline'}), otherwise
 * only this origin: no plug-ins, no foreign scripts, frames, forms or base URLs. The machines'
 * paths answer JSON (and the receipt's slip) and get {@code default-src 'none'}.</li>
 * <li>{@code frame-ancestors} (and {@code X-Frame-Options}): no page may be framed by default, the
 * kiosk included (a framed kiosk could be overlaid and made to rate); configurable.</li>
 * <li>{@code Strict-Transport-Security} only on requests that arrived over TLS, as the server sees
 * them: behind a trusted proxy, from its {@code X-Forwarded-Proto}.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (addresses of
 * managers' pages carry dossier codes), {@code Permissions-Policy} (the camera for the kiosk's QR
 * reader, nothing else).</li>
 * </ul>
 */
public final class SecurityHeadersFilter extends HttpFilter {

    private final List<String> machinePrefixes;
    private final String pagePolicy;
    private final String machinePolicy;
    private final @Nullable String frameOptions;
    private final @Nullable String hsts;

    /**
     * @param frameAncestors the CSP {@code frame-ancestors} sources, {@code 'none'} for no framing (also when empty or null)
     * @param hstsMaxAge     how long browsers keep to HTTPS; zero sends no HSTS header
     */
    public SecurityHeadersFilter(
            List<String> machinePrefixes,
            @Nullable String frameAncestors,
            Duration hstsMaxAge,
            boolean hstsIncludeSubDomains) {
        this.machinePrefixes = List.copyOf(machinePrefixes);
        String ancestors = frameAncestors == null || frameAncestors.isBlank() ? "'none'" : frameAncestors.strip();
        this.pagePolicy = pagePolicy(ancestors);
        this.machinePolicy =
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        this.frameOptions = ancestors.equals("'none'") ? "DENY" : ancestors.equals("'self'") ? "SAMEORIGIN" : null;
        this.hsts = hstsMaxAge.isZero() || hstsMaxAge.isNegative()
                ? null
                : "max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubDomains ? "; includeSubDomains" : "");
    }

    /** The policy of the Vaadin pages (and every other page without one of its own). */
    static String pagePolicy(String frameAncestors) {
        return String.join(
                "; ",
                "default-src 'self'",
                // Vaadin Flow's bootstrap is an inline script and its client builds functions from what the server
                // sends.
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                // Vaadin's components and Lumo set inline styles.
                "style-src 'self' 'unsafe-inline'",
                // Lumo's icons are data: URIs; chart images and the QR reader's frames may be blobs.
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                // XHR and Push (its WebSocket is same-origin, which 'self' covers).
                "connect-src 'self'",
                "media-src 'self' blob:",
                "worker-src 'self' blob:",
                "manifest-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors " + frameAncestors);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean machine = MachinePaths.covers(machinePrefixes, request, request.getRequestURI());
        response.setHeader("Content-Security-Policy", machine ? machinePolicy : pagePolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
        if (machine || frameOptions != null) {
            response.setHeader("X-Frame-Options", machine ? "DENY" : frameOptions);
        }
        if (hsts != null && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
        chain.doFilter(request, response);
    }
}
