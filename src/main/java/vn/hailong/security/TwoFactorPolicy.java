package vn.hailong.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.hailong.platform.Roles;

/**
 * Which roles log in with a second factor (a code from an authenticator app, RFC 6238), and the
 * issuer name the app shows. Default: administrators and province managers; the demo profile
 * keeps simple log-ins.
 *
 * @param roles  the roles that must enrol and then give a code at every log-in
 * @param issuer the name the authenticator app shows next to the account (default: the product's
 *     name, an annotation's constant)
 */
@ConfigurationProperties("hailong.security.two-factor")
public record TwoFactorPolicy(
        @DefaultValue({Roles.ADMIN, Roles.PROVINCE_MANAGER}) Set<Role> roles,
        @DefaultValue("Hài Lòng") String issuer) {

    public boolean requiredFor(Role role) {
        return roles.contains(role);
    }
}
