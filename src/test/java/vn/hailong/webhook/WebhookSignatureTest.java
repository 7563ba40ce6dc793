package vn.hailong.webhook;

import java.net.InetAddress;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void the_signature_is_the_standard_webhooks_test_vector() {
        // The example of the Standard Webhooks specification's reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature =
                WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignature.verify(
                        secret,
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}",
                        "v1,bm9wZQ== " + signature))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}", signature))
                .isFalse();
    }

    @Test
    void a_new_secret_is_whsec_and_32_random_bytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    static WebhookUrlPolicy.Resolver resolvesTo(String address) {
        return host -> new InetAddress[] {InetAddress.getByName(address)};
    }

    @Test
    void loopback_private_link_local_and_metadata_addresses_are_refused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, Set.of());
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1"
        }) {
            assertThat(policy.refusal("http://receiver.example/hook", resolvesTo(address)))
                    .as(address)
                    .contains("may not call");
        }
        assertThat(policy.refusal("https://receiver.example/hook", resolvesTo("203.113.131.1")))
                .isNull();
    }

    @Test
    void prod_wants_https_and_no_user_info_and_allowed_hosts_pass() {
        WebhookUrlPolicy prod = new WebhookUrlPolicy(true, Set.of("gateway.internal"));
        assertThat(prod.refusal("http://receiver.example/hook", resolvesTo("203.113.131.1")))
                .contains("https");
        assertThat(prod.refusal("https://u:p@receiver.example/hook", resolvesTo("203.113.131.1")))
                .contains("user name");
        assertThat(prod.refusal("https://gateway.internal/hook", resolvesTo("10.0.0.7")))
                .isNull();
        assertThat(prod.refusal("ftp://receiver.example/", resolvesTo("203.113.131.1")))
                .contains("https");
    }
}
