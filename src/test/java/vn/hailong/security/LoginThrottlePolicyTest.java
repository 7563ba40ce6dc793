package vn.hailong.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottlePolicyTest {

    final LoginThrottlePolicy policy = new LoginThrottlePolicy(
            5, Duration.ofMinutes(1), Duration.ofHours(1), 20, Duration.ofDays(1), Duration.ofDays(90));

    @Test
    void a_few_mistypes_are_free_then_each_failure_doubles_the_lock_up_to_the_ceiling() {
        assertThat(policy.accountLockAfter(1)).isNull();
        assertThat(policy.accountLockAfter(4)).isNull();
        assertThat(policy.accountLockAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.accountLockAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.accountLockAfter(7)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.accountLockAfter(10)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.accountLockAfter(11)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.accountLockAfter(1_000_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void an_address_has_more_free_failures_as_it_may_serve_many_people() {
        assertThat(policy.addressLockAfter(19)).isNull();
        assertThat(policy.addressLockAfter(20)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.addressLockAfter(21)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void settings_that_would_not_protect_are_refused_at_start_up() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(
                        0, Duration.ofMinutes(1), Duration.ofHours(1), 20, Duration.ofDays(1), Duration.ofDays(90)))
                .hasMessageContaining("free failures");
        assertThatThrownBy(() -> new LoginThrottlePolicy(
                        5, Duration.ofMinutes(2), Duration.ofMinutes(1), 20, Duration.ofDays(1), Duration.ofDays(90)))
                .hasMessageContaining("max-lock");
    }
}
