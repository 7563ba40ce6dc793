package vn.hailong.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** A log-in refused without looking at the password: the account or the address is locked until {@link #until()}. */
public class LoginThrottledException extends AuthenticationException {

    private final Instant until;

    LoginThrottledException(Instant until) {
        super("too many wrong passwords; locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
