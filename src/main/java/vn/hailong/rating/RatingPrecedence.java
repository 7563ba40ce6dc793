package vn.hailong.rating;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which rating of a dossier counts when a second one arrives. One rating counts per dossier; the
 * citizen's own phone (QR) is the channel staff cannot touch, so a phone rating supersedes a kiosk
 * rating of the same dossier made within the window: the kiosk one is kept, marked superseded,
 * and shown in integrity reports. Every other later attempt is refused as "already rated".
 * Bound from {@code hailong.ratings.*}.
 *
 * @param qrSupersedesKioskWithin a phone (QR) rating supersedes a kiosk rating of the same dossier
 *     made at most this long before it; zero: never (the first rating always counts)
 */
@ConfigurationProperties("hailong.ratings")
public record RatingPrecedence(@DefaultValue("P7D") Duration qrSupersedesKioskWithin) {

    public RatingPrecedence {
        if (qrSupersedesKioskWithin == null || qrSupersedesKioskWithin.isNegative()) {
            throw new IllegalArgumentException(
                    "hailong.ratings.qr-supersedes-kiosk-within (the window in which a phone rating "
                            + "supersedes a kiosk rating) must be zero or positive");
        }
    }

    /** Whether a new rating through {@code newChannel} at {@code now} takes the place of the counted one. */
    public boolean supersedes(RatingChannel countedChannel, Instant countedAt, RatingChannel newChannel, Instant now) {
        return countedChannel == RatingChannel.KIOSK
                && newChannel == RatingChannel.QR
                && !now.isBefore(countedAt)
                && !now.isAfter(countedAt.plus(qrSupersedesKioskWithin));
    }
}
