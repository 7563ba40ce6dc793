package vn.hailong.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The rule for {@code hailong.public-base-url} ({@code PUBLIC_BASE_URL}), the address printed in
 * every survey QR code on receipts and in kiosk enrolment links: an absolute http(s) address that a
 * citizen's phone or a counter tablet can reach. Without it every link silently points at
 * {@code http://localhost:8080}; the {@code prod} profile refuses to start instead
 * ({@link PublicBaseUrlCheck}, which reads the environment before any bean exists). The modules that
 * build such links get it bound ({@link PublicBaseUrlConfiguration}).
 *
 * @param value the address, without a trailing slash: a link is the address followed by its path
 */
@ConfigurationProperties("hailong")
public record PublicBaseUrl(@Name("public-base-url") String value) {

    public static final String PROPERTY = "hailong.public-base-url";
    public static final String VARIABLE = "PUBLIC_BASE_URL";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public PublicBaseUrl {
        if (value == null) {
            throw new IllegalArgumentException(PROPERTY + " (" + VARIABLE + ") is not set");
        }
        value = value.replaceAll("/+$", "");
    }

    /** The public address of {@code path} (which starts with a slash) in this installation. */
    public String link(String path) {
        return value + path;
    }

    /** What is wrong with {@code value} as the public base URL, or nothing when it is usable. */
    public static Optional<String> problem(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("it is missing");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'" + value + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("'" + value + "' is not an absolute http:// or https:// address");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("'" + value + "' names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("'" + value + "' has a query or fragment; links are built by appending paths to it");
        }
        if (isLocal(host)) {
            return Optional.of("'" + value + "' points at this machine (" + host
                    + "), which no citizen's phone or counter tablet can reach");
        }
        return Optional.empty();
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("localhost.localdomain")) {
            return true;
        }
        boolean literal = IPV4.matcher(h).matches() || h.startsWith("[");
        if (!literal) {
            return false; // a name: never looked up here (start-up must not depend on DNS)
        }
        try {
            // An address literal: parsed, not resolved.
            InetAddress address = InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
