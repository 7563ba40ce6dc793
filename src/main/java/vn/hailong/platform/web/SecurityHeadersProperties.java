package vn.hailong.platform.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security headers of every answer ({@code hailong.security.frame-ancestors} and
 * {@code hailong.security.hsts.*}; {@link SecurityHeadersFilter}). The other
 * {@code hailong.security.*} settings are the security module's.
 *
 * @param frameAncestors who may show the app's pages in a frame (CSP {@code frame-ancestors}):
 *     {@code 'none'}, {@code 'self'} or origins, e.g. {@code 'self' https://dichvucong.example.gov.vn};
 *     empty or unset: {@code 'none'}. The kiosk is never meant to be framed.
 * @param hsts the Strict-Transport-Security header
 */
@ConfigurationProperties("hailong.security")
record SecurityHeadersProperties(
        @Nullable String frameAncestors, @DefaultValue Hsts hsts) {

    /**
     * Strict-Transport-Security, sent on requests that arrived over TLS (directly or per
     * {@code X-Forwarded-Proto}).
     *
     * @param maxAge how long browsers keep to https for this site; zero: no header
     * @param includeSubDomains whether the rule covers the site's subdomains too
     */
    record Hsts(
            @DefaultValue("P365D") Duration maxAge,
            @DefaultValue("false") boolean includeSubDomains) {}
}
