package vn.hailong.survey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.HaiLongTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing survey tokens over HTTP: one address gets a polite 429 after the allowed attempts. */
@HaiLongTest
class SurveyLinkAttemptsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> open(String token, String clientAddress) throws Exception {
        // Tomcat trusts X-Forwarded-For from loopback (a proxy in front of the app), as in production.
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/" + token))
                        .header("X-Forwarded-For", clientAddress)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_client_guessing_tokens_is_slowed_down_and_others_are_not() throws Exception {
        String prober = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        int allowed = 0;
        HttpResponse<String> last = null;
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            last = open("guess" + String.format("%017d", i), prober);
            if (last.statusCode() == 429) {
                break;
            }
            allowed++;
        }
        // 30 at once, then one more every 2 seconds (the bucket refills steadily while we try).
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(allowed).isBetween(30, 30 + (int) (seconds / 2) + 1);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("thử lại sau");

        String citizen = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        assertThat(open("AAAAAAAAAAAAAAAAAAAAAA", citizen).statusCode()).isEqualTo(200);
    }
}
