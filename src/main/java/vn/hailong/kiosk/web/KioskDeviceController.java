package vn.hailong.kiosk.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskRating;
import vn.hailong.kiosk.KioskService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingOutcome;

/**
 * What a kiosk tablet calls outside Vaadin: the one-time enrolment link, and the rating outbox
 * (kiosk-client.js), which must work after a network drop or a server restart, when the Vaadin
 * session the rating was made in may be gone. The device proves itself with its cookie.
 */
@RestController
@RequestMapping("/kiosk-device")
class KioskDeviceController {

    /** Sent by kiosk-client.js; a cross-site form cannot send it, which (with SameSite=Strict) stops CSRF. */
    static final String CLIENT_HEADER = "X-Hailong-Kiosk";

    private final KioskDeviceService devices;
    private final KioskService kiosk;

    KioskDeviceController(KioskDeviceService devices, KioskService kiosk) {
        this.devices = devices;
        this.kiosk = kiosk;
    }

    /** Opening the one-time link enrols this browser: it receives the device cookie and goes to the kiosk page. */
    @GetMapping("/enrol/{token}")
    ResponseEntity<String> enrol(@PathVariable String token, HttpServletRequest request) {
        return devices.enrol(token)
                .map(credential -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header(
                                HttpHeaders.SET_COOKIE,
                                cookie(credential, devices.credentialLifetime().maxAge(), request)
                                        .toString())
                        .header(HttpHeaders.LOCATION, request.getContextPath() + "/kiosk")
                        .cacheControl(CacheControl.noStore())
                        .<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE)
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .body("""
                                <!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                                <title>%s</title>
                                <body style="font-family:sans-serif;font-size:1.4rem;max-width:40rem;margin:3rem auto;padding:1rem">
                                <h1>%s</h1>
                                <p>%s</p>
                                <p lang="en">This enrolment link was already used or has expired. Ask an administrator for a new one.</p>
                                </body></html>""".formatted(
                                        Words.of("kiosk.web.enrolGone.title", Words.VI),
                                        Words.of("kiosk.web.enrolGone.heading", Words.VI),
                                        Words.of("kiosk.web.enrolGone.text", Words.VI))));
    }

    /**
     * Installs the kiosk page full-screen (landscape or portrait, no browser chrome) from the
     * tablet's browser menu. Chrome offers installation only with a 192 px and a 512 px icon; the
     * maskable one fills Android's adaptive icon shapes (the face inside the safe zone).
     */
    @GetMapping(value = "/manifest.webmanifest", produces = "application/manifest+json")
    ResponseEntity<String> manifest(HttpServletRequest request) {
        String root = request.getContextPath();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body("""
                {"id": "%1$s/kiosk", "name": "%2$s", "short_name": "%3$s",
                 "description": "%4$s",
                 "start_url": "%1$s/kiosk", "scope": "%1$s/kiosk", "display": "fullscreen",
                 "display_override": ["fullscreen", "standalone"], "orientation": "any",
                 "background_color": "#f6f8fb", "theme_color": "#0a5bd3", "lang": "vi",
                 "icons": [
                  {"src": "%1$s/kiosk-device/icons/kiosk-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
                  {"src": "%1$s/kiosk-device/icons/kiosk-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
                  {"src": "%1$s/kiosk-device/icons/kiosk-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"}
                 ]}""".formatted(
                                root,
                                Words.of("kiosk.web.manifest.name", Words.VI),
                                Words.of("kiosk.web.manifest.shortName", Words.VI),
                                Words.of("kiosk.web.manifest.description", Words.VI)));
    }

    /** The manifest's icons (static, the same for every site). */
    @GetMapping(
            value = "/icons/{name:kiosk-192|kiosk-512|kiosk-maskable-512}.png",
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> icon(@PathVariable String name) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)))
                .body(OfflineShell.resource("icons/" + name + ".png"));
    }

    /**
     * The kiosk's service worker (see kiosk-sw.js): it answers a navigation to /kiosk with the
     * offline shell when the server cannot be reached. Served from here, so its scope may be widened
     * from /kiosk-device/ to the kiosk page itself; never cached by the browser, so a new version
     * reaches the tablets at their next load.
     */
    @GetMapping(value = "/kiosk-sw.js", produces = "text/javascript")
    ResponseEntity<byte[]> serviceWorker(HttpServletRequest request, HttpServletResponse response) {
        // A worker script's policy binds the worker: it fetches the shell and the kiosk's own calls.
        // Replaces the machine paths' default-src 'none' (SecurityHeadersFilter), not added to it.
        response.setHeader("Content-Security-Policy", "default-src 'none'; connect-src 'self'");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", request.getContextPath() + "/kiosk")
                .body(OfflineShell.resource("kiosk-sw.js"));
    }

    /** The offline shell the service worker caches: the same static page for every tablet, no personal data. */
    @GetMapping(value = "/offline", produces = "text/html;charset=UTF-8")
    ResponseEntity<byte[]> offlineShell(HttpServletResponse response) {
        // The shell's own policy (its inline script and style by hash) replaces the machine paths' one:
        // two policies would both apply, and default-src 'none' would block the shell's script.
        response.setHeader("Content-Security-Policy", OfflineShell.CONTENT_SECURITY_POLICY);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(OfflineShell.PAGE);
    }

    record RatingRequest(
            @Nullable String idempotencyKey,
            @Nullable String dossierCode,
            @Nullable String handoverId,
            @Nullable Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String comment,
            @Nullable Boolean abandoned,
            @Nullable Boolean contactConsent,
            @Nullable String phone,
            @Nullable String entry) {}

    record RatingResponse(String ratingId, @Nullable String dossierCode, String status, boolean replayed) {}

    /**
     * A rating from the tablet's outbox: 201 stored, 200 a resend of one stored before. With
     * {@code abandoned: true} a survey begun and left: stored flagged, or 409 naming
     * {@code abandoned} where the kiosk discards them. {@code contactConsent} with {@code phone}: the
     * number is kept for the follow-up case only if the rating opens one (422 naming {@code phone}
     * or {@code contactConsent} when they do not go together).
     */
    @PostMapping("/ratings")
    ResponseEntity<RatingResponse> rate(
            @CookieValue(name = KioskDeviceService.COOKIE, required = false) @Nullable String credential,
            @RequestHeader(name = CLIENT_HEADER, required = false) @Nullable String client,
            @RequestBody RatingRequest body) {
        requireClient(client);
        UUID handoverId = null;
        if (body.handoverId() != null && !body.handoverId().isBlank()) {
            try {
                handoverId = UUID.fromString(body.handoverId());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.malformed("handoverId", "handoverId is not a UUID");
            }
        }
        RatingOutcome outcome = kiosk.submit(
                credential,
                new KioskRating(
                        body.idempotencyKey(),
                        body.dossierCode(),
                        handoverId,
                        body.answers(),
                        body.reasons(),
                        body.comment(),
                        Boolean.TRUE.equals(body.abandoned()),
                        Boolean.TRUE.equals(body.contactConsent()),
                        body.phone(),
                        entry(body.entry())));
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new RatingResponse(
                        outcome.ratingId().toString(),
                        outcome.dossierCode(),
                        outcome.status().name(),
                        outcome.replayed()));
    }

    private static KioskRating.@Nullable Entry entry(@Nullable String entry) {
        if (entry == null || entry.isBlank()) {
            return null;
        }
        try {
            return KioskRating.Entry.valueOf(entry);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.malformed(
                    "entry", "entry is KEYED or SCANNED (how the dossier code came in), or absent");
        }
    }

    record Heartbeat(int unsentRatings) {}

    /**
     * A sign of life, with how many ratings the tablet still holds unsent. 204, or 401 when not
     * enrolled; when the credential is due for renewal the 204 carries the device cookie again, with
     * a fresh Max-Age (hailong.kiosk.credential-max-age), so the browser never reaches its cap.
     */
    @PostMapping("/heartbeat")
    ResponseEntity<Void> heartbeat(
            @CookieValue(name = KioskDeviceService.COOKIE, required = false) @Nullable String credential,
            @RequestHeader(name = CLIENT_HEADER, required = false) @Nullable String client,
            @RequestBody Heartbeat body,
            HttpServletRequest request) {
        requireClient(client);
        return switch (devices.heartbeat(credential, body.unsentRatings())) {
            case REFUSED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            case SEEN -> ResponseEntity.noContent().build();
            case RENEWED ->
                ResponseEntity.noContent()
                        .header(
                                HttpHeaders.SET_COOKIE,
                                cookie(
                                                Objects.requireNonNull(credential), // RENEWED: a device's credential
                                                devices.credentialLifetime().maxAge(),
                                                request)
                                        .toString())
                        .build();
        };
    }

    private static void requireClient(@Nullable String client) {
        if (!"1".equals(client)) {
            throw new MissingClientHeaderException();
        }
    }

    static class MissingClientHeaderException extends RuntimeException {}

    /** HttpOnly (scripts cannot read it), Secure when served over HTTPS, SameSite=Strict (never sent cross-site). */
    static ResponseCookie cookie(String credential, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(KioskDeviceService.COOKIE, credential)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(maxAge)
                .build();
    }
}
