package vn.hailong.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords a subject (an account, or a client address) may give before it must
 * wait, and for how long: free failures, then a lock that doubles with every failure after it, up
 * to a ceiling. Counts are forgotten after a quiet spell, and on a successful log-in.
 *
 * @param freeFailures  wrong passwords an account may give before the first lock (a person mistyping)
 * @param firstLock     the first lock; each further failure doubles it
 * @param maxLock       the ceiling: an attack never locks an account for longer than this at a time
 * @param addressFreeFailures wrong passwords one client address may give, whatever the accounts,
 *                      before it is locked (a guesser trying many accounts)
 * @param forgetAfter   a subject with no failure for this long starts again from zero
 * @param usualPlaceFor an address where the account logged in successfully within this period is
 *                      one of its usual places: failures from elsewhere never lock those out
 */
@ConfigurationProperties("hailong.security.login")
public record LoginThrottlePolicy(
        @DefaultValue("5") int freeFailures,
        @DefaultValue("PT1M") Duration firstLock,
        @DefaultValue("PT1H") Duration maxLock,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("P1D") Duration forgetAfter,
        @DefaultValue("P90D") Duration usualPlaceFor) {

    public LoginThrottlePolicy {
        if (freeFailures < 1 || addressFreeFailures < 1) {
            throw new IllegalArgumentException("hailong.security.login: free failures must be at least 1");
        }
        if (firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException(
                    "hailong.security.login: first-lock must be positive and max-lock at least first-lock");
        }
    }

    /** The lock after the {@code failures}-th consecutive failure of an account; null while still free. */
    public @Nullable Duration accountLockAfter(int failures) {
        return lockAfter(failures, freeFailures);
    }

    /** The lock of a client address after its {@code failures}-th consecutive failure; null while still free. */
    public @Nullable Duration addressLockAfter(int failures) {
        return lockAfter(failures, addressFreeFailures);
    }

    private @Nullable Duration lockAfter(int failures, int free) {
        if (failures < free) {
            return null;
        }
        int doublings = Math.min(failures - free, 30);
        long seconds = firstLock.toSeconds() << doublings;
        return seconds <= 0 || seconds > maxLock.toSeconds() ? maxLock : Duration.ofSeconds(seconds);
    }
}
