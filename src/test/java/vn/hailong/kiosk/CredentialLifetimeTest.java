package vn.hailong.kiosk;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A device credential lives its max age since the last renewal; a heartbeat renews it once it is older than renew-after. */
class CredentialLifetimeTest {

    private static final Instant RENEWED = Instant.parse("2026-01-10T08:00:00Z");
    private final CredentialLifetime lifetime = new CredentialLifetime(Duration.ofDays(180), Duration.ofDays(1));

    @Test
    void a_credential_is_valid_until_its_max_age_after_the_last_renewal_and_not_a_moment_longer() {
        assertThat(lifetime.validAt(RENEWED, RENEWED)).isTrue();
        assertThat(lifetime.validAt(RENEWED, RENEWED.plus(Duration.ofDays(180)).minusMillis(1)))
                .isTrue();
        assertThat(lifetime.validAt(RENEWED, RENEWED.plus(Duration.ofDays(180))))
                .isFalse();
        assertThat(lifetime.validAt(null, RENEWED)).as("never issued").isFalse();
    }

    @Test
    void a_heartbeat_renews_once_the_credential_is_older_than_renew_after() {
        assertThat(lifetime.renewalDue(RENEWED, RENEWED.plus(Duration.ofHours(23))))
                .isFalse();
        assertThat(lifetime.renewalDue(RENEWED, RENEWED.plus(Duration.ofDays(1))))
                .isTrue();
        assertThat(lifetime.renewalDue(RENEWED, RENEWED.plus(Duration.ofDays(90))))
                .isTrue();
    }

    @Test
    void a_tablet_heard_once_a_day_never_reaches_the_browsers_cookie_cap() {
        // Renewed on the first heartbeat a day after each renewal: the cookie always has 179+ days left.
        Instant renewed = RENEWED;
        for (int day = 1; day <= 1000; day++) {
            Instant heartbeat = RENEWED.plus(Duration.ofDays(day));
            assertThat(lifetime.validAt(renewed, heartbeat)).as("day %d", day).isTrue();
            if (lifetime.renewalDue(renewed, heartbeat)) {
                renewed = heartbeat;
            }
        }
        assertThat(lifetime.maxAge()).isLessThan(CredentialLifetime.BROWSER_CAP);
    }

    @Test
    void a_lifetime_beyond_the_400_day_browser_cap_or_a_renewal_no_sooner_than_expiry_is_refused_at_start_up() {
        assertThatThrownBy(() -> new CredentialLifetime(Duration.ofDays(1825), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credential-max-age")
                .hasMessageContaining("400 days");
        assertThatThrownBy(() -> new CredentialLifetime(Duration.ofDays(30), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credential-renew-after");
        assertThatThrownBy(() -> new CredentialLifetime(Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credential-max-age");
        assertThat(new CredentialLifetime(CredentialLifetime.BROWSER_CAP, Duration.ZERO).maxAge())
                .isEqualTo(Duration.ofDays(400));
    }
}
