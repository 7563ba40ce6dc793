package vn.hailong.security;

import java.util.Objects;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The managers' password log-in, behind {@link LoginProtection}: a locked account or address is
 * refused before its password is hashed; a wrong password is counted; the right one resets the
 * account's count and marks the address as one of its usual places — or, for a role that logs in
 * with a second factor, leaves the user pending until {@link TwoFactorService} has the code.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginProtection protection;
    private final TwoFactorPolicy twoFactor;

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords, LoginProtection protection, TwoFactorPolicy twoFactor) {
        this.passwords = passwords;
        this.protection = protection;
        this.twoFactor = twoFactor;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        try {
            return throttled(attempt);
        } catch (DataAccessException unreachable) {
            // The throttle's own look-ups could not reach the database (a full pool, a cluster member
            // going away): the password was not checked, so the user is told to try again
            // (/login?unavailable, ADR 085) instead of getting the server's error page.
            throw new InternalAuthenticationServiceException(
                    "the log-in could not be checked: the database did not answer", unreachable);
        }
    }

    private Authentication throttled(Authentication attempt) {
        String username = attempt.getName();
        String address = LoginProtection.addressOf(attempt);
        protection.lockedUntil(username, address).ifPresent(until -> {
            throw new LoginThrottledException(until);
        });
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            // Unknown accounts too (Spring hides which it was): a guesser learns nothing from the lock either.
            protection.failed(username, address);
            throw wrong;
        }
        // The password provider supports this token (a UsernamePasswordAuthenticationToken): it
        // answers an authentication or throws, never null.
        if (Objects.requireNonNull(result).getAuthorities().stream()
                .anyMatch(a ->
                        twoFactor.roles().stream().anyMatch(r -> r.authority().equals(a.getAuthority())))) {
            // The code is still owed: until it is given, the user holds no role, and the count of
            // failures is not reset (else the right password would buy more guesses at the code).
            return TwoFactorService.pending(result);
        }
        protection.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
