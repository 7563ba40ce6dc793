package vn.hailong.platform.web;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the configured proxies (default: 127.0.0.1 and ::1) may say who the client is. A client on
 * another address (here another loopback address, as a machine on the LAN would be) that invents
 * a new X-Forwarded-For for every attempt is still counted as itself by the survey-link limit.
 */
@HaiLongTest
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void a_client_that_invents_forwarded_addresses_cannot_escape_the_survey_link_limit() throws Exception {
        String client = SecurityHeadersTest.untrustedLoopback();
        int allowed = 0;
        RawHttp.Response last = null;
        for (int i = 0; i < 40; i++) {
            String invented = "198.51.100." + (i + 1);
            last = RawHttp.send(
                    client,
                    port,
                    "/r/guess" + String.format("%017d", i),
                    "GET",
                    Map.of("X-Forwarded-For", invented),
                    null);
            if (last.status() == 429) {
                break;
            }
            allowed++;
        }

        assertThat(last.status())
                .as("refused as " + client + " whatever it claims")
                .isEqualTo(429);
        assertThat(allowed).isBetween(30, 35);
    }

    @Test
    void the_trusted_proxy_passes_on_each_clients_address() throws Exception {
        String first = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        // The limit refills as it goes (30 a minute: one every 2 s), so on a slow machine the 31st may
        // still pass: keep asking until the address is refused, as a guesser would.
        int refusedAt = -1;
        for (int i = 0; i < 60 && refusedAt < 0; i++) {
            if (RawHttp.send(
                                    "127.0.0.1",
                                    port,
                                    "/r/probe" + String.format("%017d", i),
                                    "GET",
                                    Map.of("X-Forwarded-For", first),
                                    null)
                            .status()
                    == 429) {
                refusedAt = i;
            }
        }
        // A client who put a made-up address in front of its own: the proxy appended the real one, which counts.
        RawHttp.Response other = RawHttp.send(
                "127.0.0.1",
                port,
                "/r/probeYYYYYYYYYYYYYYYY",
                "GET",
                Map.of(
                        "X-Forwarded-For",
                        first + ", 192.0.2." + ThreadLocalRandom.current().nextInt(1, 250)),
                null);

        assertThat(refusedAt).as("the address is refused after its 30 attempts").isBetween(30, 59);
        assertThat(other.status())
                .as("counted as its real address, not as the one it claimed")
                .isNotEqualTo(429);
    }
}
