package vn.hailong.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Which webhook URLs may be called (against SSRF): absolute http(s) without user info, https only
 * when {@code requireHttps} (the {@code prod} profile), and a host whose every resolved address is
 * public: no loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with
 * the clouds' metadata address, fe80::/10), carrier-grade NAT (100.64/10), unspecified or multicast
 * address, unless the host is named in {@code allowedHosts} (configuration, for a receiver inside
 * the government network). Checked when an endpoint is saved and again before every delivery,
 * with the addresses resolved then.
 */
public record WebhookUrlPolicy(boolean requireHttps, Set<String> allowedHosts) {

    /** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public WebhookUrlPolicy {
        allowedHosts = allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why this URL may not be called, or null when it may. */
    public @Nullable String refusal(@Nullable String url, Resolver resolver) {
        if (url == null || url.isBlank()) {
            return "url is required";
        }
        if (url.length() > 2000) {
            return "url is longer than 2000 characters";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "url is not a valid address";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return requireHttps ? "url must start with https://" : "url must start with https:// or http://";
        }
        if (uri.getRawUserInfo() != null) {
            return "url must not carry a user name or password";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "url has no host";
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return "url's host '" + bare + "' cannot be resolved";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "url's host '" + bare + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private or link-local address, which webhooks may not call";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0
                    && !(first == 100 && second >= 64 && second <= 127)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && first < 224;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            // IPv4-mapped ::ffff:a.b.c.d: judge the IPv4 address.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static List<String> listOf(String csv) {
        return csv == null ? List.of() : List.of(csv.split(","));
    }
}
