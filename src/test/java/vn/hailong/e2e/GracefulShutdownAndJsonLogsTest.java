package vn.hailong.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node in its own process, started as an operator would with {@code LOG_FORMAT=ecs}, gets SIGTERM
 * while a rating is on its way in (its request line and headers sent, half its body still to
 * come). The node waits for that request: the rest of the body arrives a second later, the answer
 * is 201 and the rating is stored; then the process ends by itself. Everything it wrote to the
 * console, from the first line to the last, is one JSON object per line.
 */
@HaiLongTest
class GracefulShutdownAndJsonLogsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void a_rating_in_flight_when_sigterm_arrives_is_answered_201_and_stored_and_the_logs_are_json_lines()
            throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String dossier = oneStop.sendsReceivedDossier(oneStop.registersUnit("COMMUNE"));
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "SATISFIED");
        byte[] body = ApiClient.JSON.writeValueAsBytes(rating);

        List<String> output;
        try (NodeProcess node = NodeProcess.start(
                Map.of("LOG_FORMAT", "ecs"),
                db.jdbcUrl(),
                "--logging.level.vn.hailong=info",
                "--logging.level.org.springframework.boot.tomcat=info")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/ratings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Authorization: Bearer " + HaiLongTest.API_KEY
                                + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(500); // the request is in the application now, reading its body

                node.terminate();
                Thread.sleep(1000);
                assertThat(node.alive())
                        .as("the node waits for the request in flight")
                        .isTrue();

                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String answer = readAll(socket.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 201");
            }
            OptionalInt exit = node.awaitExit(Duration.ofSeconds(60));
            assertThat(exit)
                    .as("the node stops by itself once the request is answered")
                    .isPresent();
            output = node.output();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE idempotency_key = ?",
                        Integer.class,
                        rating.get("idempotencyKey")))
                .isEqualTo(1);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = ApiClient.JSON.readTree(line); // fails the test on any line that is not JSON
            assertThat(json.isObject()).as(line).isTrue();
            lines.add(json);
        }
        assertThat(lines).as("ECS fields").allSatisfy(json -> {
            assertThat(json.has("@timestamp")).isTrue();
            assertThat(json.path("log").path("level").asString()).isNotBlank();
        });
        List<String> messages =
                lines.stream().map(json -> json.path("message").asString()).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("Start-up step KIOSK_CONFIGURATION done"));
        assertThat(messages).anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("graceful shutdown"));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
