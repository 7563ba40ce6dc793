package vn.hailong.kiosk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static files of the kiosk's offline support and install icons (classpath {@code kiosk-device/}),
 * and the offline shell's Content-Security-Policy: its one inline script and one inline style are
 * allowed by their SHA-256 (a cached page cannot carry a per-response nonce), nothing else runs.
 */
final class OfflineShell {

    static final byte[] PAGE = resource("offline.html");

    static final String CONTENT_SECURITY_POLICY;

    static {
        String html = new String(PAGE, StandardCharsets.UTF_8);
        CONTENT_SECURITY_POLICY =
                "default-src 'none'; script-src " + hashOf(html, "script") + "; style-src " + hashOf(html, "style")
                        + "; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private OfflineShell() {}

    static byte[] resource(String name) {
        try (InputStream in = OfflineShell.class.getClassLoader().getResourceAsStream("kiosk-device/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource kiosk-device/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashOf(String html, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL)
                .matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("offline.html has no inline " + element);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
