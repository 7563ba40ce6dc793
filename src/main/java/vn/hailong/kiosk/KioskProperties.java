package vn.hailong.kiosk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the counter kiosks ({@code hailong.kiosk.*}).
 *
 * @param handoverValidFor how long a handed-over dossier stays bound to the counter's kiosk
 * @param enrolmentValidFor how long a one-time enrolment link may be opened
 * @param idleTimeout default for new devices: an unfinished survey is discarded after this much inactivity
 * @param thankYou default for new devices: how long the thank-you screen stays
 * @param crossNodePoll how often each node looks in the database for handovers and revocations
 *        recorded by other nodes (handovers recorded on the same node arrive at once)
 * @param credentialMaxAge lifetime of the device credential since it was last renewed, on the server
 *        and as the cookie's Max-Age (revocable at any time); at most {@link CredentialLifetime#BROWSER_CAP}
 * @param credentialRenewAfter a heartbeat renews the credential (a fresh cookie, a fresh lifetime) once
 *        it is older than this; shorter than {@code credentialMaxAge}
 * @param unboundRatings ratings without a dossier: refused, or stored apart and never counted; a
 *        device may say otherwise (kiosk-config {@code unboundRatings})
 * @param abandonedSurveys a survey begun and left with an answer to the overall question: stored
 *        (flagged, counted) or discarded; a device may say otherwise (kiosk-config {@code abandonedSurveys})
 * @param configDir the folder of the site's declarative configuration (centres, counters, kiosk
 *        devices; kiosk-config/README.md), applied at start-up ({@link SiteConfigurationLoader});
 *        empty or unset: none (the demo profile applies {@code kiosk-config/})
 */
@ConfigurationProperties("hailong.kiosk")
public record KioskProperties(
        @DefaultValue("PT10M") Duration handoverValidFor,
        @DefaultValue("PT15M") Duration enrolmentValidFor,
        @DefaultValue("PT60S") Duration idleTimeout,
        @DefaultValue("PT6S") Duration thankYou,
        @DefaultValue("PT2S") Duration crossNodePoll,
        @DefaultValue("P180D") Duration credentialMaxAge,
        @DefaultValue("P1D") Duration credentialRenewAfter,
        @DefaultValue("REFUSE") UnboundRatings unboundRatings,
        @DefaultValue("STORE") AbandonedSurveys abandonedSurveys,
        @Nullable String configDir) {

    public KioskProperties {
        // Fails the start-up (binding) with the rule's own message rather than a fleet that lapses later.
        new CredentialLifetime(credentialMaxAge, credentialRenewAfter);
    }

    CredentialLifetime credentialLifetime() {
        return new CredentialLifetime(credentialMaxAge, credentialRenewAfter);
    }
}
