package vn.hailong.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.OneStopSoftware;
import vn.hailong.e2e.AppNode;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No delivery is lost when the node that queued it stops: a second node of the application (its
 * own context, its own worker sending, on the shared test database) tries to deliver ratings while
 * the receiver is down, is stopped, and after its restart delivers every one of them.
 */
@HaiLongTest
@ExtendWith(KeepsSecurityStrategy.class)
class WebhookRestartTest {

    static AppNode node;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startNode(@Autowired EmbeddedMariaDb db) {
        node = new AppNode(
                        db.jdbcUrl(),
                        "--hailong.webhooks.dispatch=true",
                        "--hailong.webhooks.poll=PT0.2S",
                        "--hailong.webhooks.retry-schedule=PT0.5S,PT1S,PT1S,PT2S,PT2S,PT5S,PT5S,PT10S",
                        "--hailong.webhooks.disable-after=P1D")
                .start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void deliveries_queued_before_a_restart_arrive_after_it() throws Exception {
        int receiverPort;
        try (Receiver probe = new Receiver()) {
            receiverPort = probe.port();
        }
        ApiClient manager = new ApiClient(port, WebhookDeliveryTest.MANAGER_KEY);
        ApiClient.Response registration = manager.post(
                "/api/v1/webhooks",
                Map.of(
                        "url",
                        "http://localhost:" + receiverPort + "/hook",
                        "ownerEmail",
                        "restart@example.vn",
                        "eventTypes",
                        List.of("rating.recorded")));
        assertThat(registration.status()).isEqualTo(201);
        String endpointId = registration.json().get("endpoint").get("id").asString();
        try {
            // Only the second node sends (the shared context's worker is off); the receiver is down, so it
            // can only fail and retry until it is stopped.
            OneStopSoftware viaNode = new OneStopSoftware(port);
            String unit = viaNode.registersUnit("DEPARTMENT");
            List<String> dossiers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String dossier = viaNode.sendsReceivedDossier(unit);
                assertThat(viaNode.relays(OneStopSoftware.rating(dossier, "SATISFIED"))
                                .status())
                        .isEqualTo(201);
                dossiers.add(dossier);
            }
            Thread.sleep(1000);
            node.stop();

            try (Receiver receiver = new Receiver(receiverPort)) {
                node.start();
                long until = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < until
                        && !dossiers.stream()
                                .allMatch(d -> !receiver.containing(d).isEmpty())) {
                    Thread.sleep(200);
                }
                for (String dossier : dossiers) {
                    assertThat(receiver.containing(dossier)).as(dossier).isNotEmpty();
                }
            }
        } finally {
            manager.send("DELETE", "/api/v1/webhooks/" + endpointId, null);
        }
    }
}
