package vn.hailong.platform.management;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The actuator has no log-in, so a node refuses to start with it on the public port. */
class ManagementPortRuleTest {

    @Test
    void the_management_port_equal_to_the_public_port_stops_the_start_with_a_message_naming_both_settings() {
        MockEnvironment same = new MockEnvironment()
                .withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080");
        assertThatThrownBy(() -> new ManagementConfiguration(same))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MANAGEMENT_PORT")
                .hasMessageContaining("PORT");
        // Not set at all: Boot would put the endpoints on the public port.
        assertThatThrownBy(() -> new ManagementConfiguration(new MockEnvironment().withProperty("server.port", "8080")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_port_of_its_own_or_no_actuator_at_all_are_accepted() {
        assertThatCode(() -> new ManagementConfiguration(new MockEnvironment()
                        .withProperty("server.port", "8080")
                        .withProperty("management.server.port", "8081")))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        new ManagementConfiguration(new MockEnvironment().withProperty("management.server.port", "-1")))
                .doesNotThrowAnyException();
    }
}
