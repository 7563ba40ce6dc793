package vn.hailong.rating;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Ratings come from citizens: never from staff, and each kind of caller only through its own channels. */
class RatingSubmissionPolicyTest {

    @ParameterizedTest
    @EnumSource(RatingChannel.class)
    void an_officer_is_refused_on_every_channel(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of("ROLE_OFFICER"), channel))
                .isEqualTo("officers cannot submit ratings");
    }

    @ParameterizedTest
    @EnumSource(RatingChannel.class)
    void an_officer_who_also_holds_an_api_key_role_is_still_refused(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of("ROLE_OFFICER", RatingSubmissionPolicy.INTEGRATOR), channel))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLE_ADMIN", "ROLE_PROVINCE_MANAGER", "ROLE_UNIT_MANAGER", "ROLE_AUDITOR"})
    void staff_are_refused_on_every_channel(String role) {
        for (RatingChannel channel : RatingChannel.values()) {
            assertThat(RatingSubmissionPolicy.refusal(Set.of(role), channel))
                    .as("%s on %s", role, channel)
                    .contains("staff");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RatingChannel.class,
            names = {"KIOSK", "QR"})
    void an_anonymous_citizen_may_rate_at_the_kiosk_and_through_the_qr_code(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of(), channel)).isNull();
        assertThat(RatingSubmissionPolicy.refusal(Set.of("ROLE_ANONYMOUS"), channel))
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = RatingChannel.class,
            names = {"PORTAL", "PAPER", "PHONE"})
    void an_anonymous_caller_cannot_claim_a_relayed_channel(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of(), channel)).contains("relayed by an API client");
        assertThat(RatingSubmissionPolicy.refusal(Set.of("ROLE_ANONYMOUS"), channel))
                .isNotNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = RatingChannel.class,
            names = {"PORTAL", "PAPER", "PHONE"})
    void an_integrator_may_relay_portal_paper_and_phone_ratings(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of(RatingSubmissionPolicy.INTEGRATOR), channel))
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = RatingChannel.class,
            names = {"KIOSK", "QR"})
    void an_integrator_cannot_submit_kiosk_or_qr_ratings(RatingChannel channel) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of(RatingSubmissionPolicy.INTEGRATOR), channel))
                .contains("not for API clients");
    }

    @ParameterizedTest
    @EnumSource(RatingChannel.class)
    void a_data_entry_clerk_keys_paper_forms_and_nothing_else(RatingChannel channel) {
        String refusal = RatingSubmissionPolicy.refusal(Set.of(RatingSubmissionPolicy.DATA_ENTRY), channel);
        if (channel == RatingChannel.PAPER) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal).contains("paper forms only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLE_OFFICER", "ROLE_UNIT_MANAGER"})
    void a_clerk_who_is_also_staff_is_refused_even_on_paper(String role) {
        assertThat(RatingSubmissionPolicy.refusal(Set.of(RatingSubmissionPolicy.DATA_ENTRY, role), RatingChannel.PAPER))
                .isNotNull();
    }
}
