package vn.hailong.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a failed log-in is sent: a password that could not be checked (the database did not answer,
 * as when a cluster member went away in the loopback proof, ADR 085) is not called a wrong one.
 */
class LoginFailureUrlTest {

    @Test
    void an_unchecked_password_a_lock_and_a_wrong_password_each_get_their_own_page() {
        assertThat(SecurityConfiguration.failureUrl(new InternalAuthenticationServiceException(
                        "Could not open JPA EntityManager for transaction",
                        new CannotCreateTransactionException("HikariPool-1 - Connection is not available"))))
                .isEqualTo("/login?unavailable");
        assertThat(SecurityConfiguration.failureUrl(
                        new LoginThrottledException(Instant.now().plusSeconds(600))))
                .isEqualTo("/login?locked");
        assertThat(SecurityConfiguration.failureUrl(new BadCredentialsException("Bad credentials")))
                .isEqualTo("/login?error");
    }
}
