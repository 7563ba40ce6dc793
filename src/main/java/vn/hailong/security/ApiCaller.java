package vn.hailong.security;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * The integrator behind an API call: its client name, the unit whose subtree it may read (null:
 * every unit), and whether it may manage webhook endpoints. Its name is {@code api-client:NAME},
 * as it always was for callers that only read the authentication's name.
 */
public record ApiCaller(String clientName, @Nullable String unitCode, boolean managesWebhooks) implements Principal {

    @Override
    public String getName() {
        return "api-client:" + clientName;
    }

    @Override
    public String toString() {
        return getName();
    }
}
