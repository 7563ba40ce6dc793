package vn.hailong.rating;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Roles;

/**
 * Who may submit a rating through which channel. Ratings come from citizens, never from staff:
 * an officer's session can never submit, whatever the channel. Citizens are anonymous (the kiosk
 * and the phone page); integrators (API keys) relay ratings gathered by other channels; data-entry
 * clerks key in the answers citizens wrote on paper forms.
 */
public final class RatingSubmissionPolicy {

    public static final String INTEGRATOR = "ROLE_" + Roles.INTEGRATOR;
    /** Keys in paper forms: the citizen's own answers on paper, never their own opinion. */
    public static final String DATA_ENTRY = "ROLE_" + Roles.DATA_ENTRY;

    private static final Set<String> STAFF = Set.of(
            "ROLE_" + Roles.ADMIN,
            "ROLE_" + Roles.PROVINCE_MANAGER,
            "ROLE_" + Roles.UNIT_MANAGER,
            "ROLE_" + Roles.AUDITOR,
            "ROLE_" + Roles.OFFICER);

    private RatingSubmissionPolicy() {}

    /** Why the caller may not submit through this channel, or {@code null} when they may. */
    public static @Nullable String refusal(Set<String> authorities, RatingChannel channel) {
        if (authorities.contains("ROLE_" + Roles.OFFICER)) {
            return "officers cannot submit ratings";
        }
        if (authorities.contains(DATA_ENTRY) && authorities.stream().noneMatch(STAFF::contains)) {
            return channel == RatingChannel.PAPER ? null : "data-entry accounts key paper forms only (channel PAPER)";
        }
        if (authorities.stream().anyMatch(STAFF::contains)) {
            return "staff accounts cannot submit ratings; ratings come from citizens";
        }
        boolean integrator = authorities.contains(INTEGRATOR);
        return switch (channel) {
            case KIOSK, QR ->
                integrator ? "channel " + channel + " is for citizens' own devices, not for API clients" : null;
            case PORTAL, PAPER, PHONE ->
                integrator ? null : "channel " + channel + " ratings are relayed by an API client";
        };
    }
}
