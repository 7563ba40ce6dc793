package vn.hailong.kiosk;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How long a kiosk device credential lives, and when it is renewed. Browsers keep a cookie at most
 * 400 days whatever its Max-Age asks (RFC 6265bis; Chrome since 2022), so a credential that is
 * never renewed silently drops the whole fleet out of enrolment some 13 months after roll-out.
 * Instead the credential lives {@code maxAge} since it was last renewed — on the server too, so
 * a copied cookie of a tablet gone from the counter stops by itself — and each heartbeat of an
 * enrolled tablet renews it once it is older than {@code renewAfter}. Revocation stays immediate:
 * it clears the stored hash whatever the lifetime left.
 *
 * @param maxAge lifetime since the last renewal (and the cookie's Max-Age), at most {@link #BROWSER_CAP}
 * @param renewAfter age from which a heartbeat renews it, shorter than {@code maxAge}
 */
public record CredentialLifetime(Duration maxAge, Duration renewAfter) {

    /** The longest cookie lifetime browsers honour (Chrome, Firefox, Safari: 400 days). */
    public static final Duration BROWSER_CAP = Duration.ofDays(400);

    public CredentialLifetime {
        if (maxAge == null || maxAge.compareTo(Duration.ofDays(1)) < 0 || maxAge.compareTo(BROWSER_CAP) > 0) {
            throw new IllegalArgumentException("hailong.kiosk.credential-max-age must be between 1 day and 400 days "
                    + "(browsers keep no cookie longer than 400 days), was " + maxAge);
        }
        if (renewAfter == null || renewAfter.isNegative() || renewAfter.compareTo(maxAge) >= 0) {
            throw new IllegalArgumentException(
                    "hailong.kiosk.credential-renew-after must be at least 0 and shorter than "
                            + "hailong.kiosk.credential-max-age (" + maxAge + "), was " + renewAfter);
        }
    }

    /** Whether a credential last renewed at {@code renewedAt} is still valid at {@code now}. */
    public boolean validAt(@Nullable Instant renewedAt, Instant now) {
        return renewedAt != null && now.isBefore(renewedAt.plus(maxAge));
    }

    /** Whether a heartbeat at {@code now} renews a valid credential last renewed at {@code renewedAt}. */
    public boolean renewalDue(@Nullable Instant renewedAt, Instant now) {
        return renewedAt == null || !now.isBefore(renewedAt.plus(renewAfter));
    }
}
