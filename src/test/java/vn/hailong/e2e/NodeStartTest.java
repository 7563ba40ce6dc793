package vn.hailong.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.platform.StartupTasks;
import vn.hailong.platform.embedded.EmbeddedMariaDb;
import vn.hailong.security.ApiKeyService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node starting up is not reachable before its start-up tasks are done: a client knocking from
 * the moment start is called gets no answer at all (the port is closed) until its API key, new to
 * the database and provisioned by this very start, works. The knocking alone could miss a short
 * gap (the first request waits for the dispatcher servlet to initialise), so the test also asks
 * the node itself whether the key works at the instant its web server has opened the port.
 */
@HaiLongTest
@ExtendWith(KeepsSecurityStrategy.class)
class NodeStartTest {

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void a_starting_node_opens_its_port_only_once_its_api_key_works() throws Exception {
        // A key this start provisions, so that the database cannot know it already.
        String key = "start-key-" + TestData.uniqueSuffix().toLowerCase() + "-0123456789abcdef0123456789abcdef";
        try (AppNode node = new AppNode(
                db.jdbcUrl(),
                "--hailong.api.bootstrap-keys[0].name=start-" + TestData.uniqueSuffix(),
                "--hailong.api.bootstrap-keys[0].key=" + key)) {
            AtomicReference<Optional<String>> clientWhenPortOpened = new AtomicReference<>();
            node.listening((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof ServletWebServerInitializedEvent opened) {
                    clientWhenPortOpened.set(opened.getApplicationContext()
                            .getBean(ApiKeyService.class)
                            .authenticate(key));
                }
            });
            AtomicBoolean knocking = new AtomicBoolean(true);
            CompletableFuture<Integer> firstAnswer =
                    CompletableFuture.supplyAsync(() -> firstAnswer(node.port(), key, knocking));
            try {
                node.start();
            } finally {
                knocking.set(false);
            }

            assertThat(clientWhenPortOpened.get())
                    .as("the key's client when the port opened")
                    .isPresent();
            assertThat(firstAnswer.get(30, TimeUnit.SECONDS))
                    .as("the first answer the starting node ever gave")
                    .isEqualTo(404);
            assertThat(StartupTasks.PHASE)
                    .as("start-up tasks start before the web server's lifecycle")
                    .isLessThan(node.bean("webServerStartStop", SmartLifecycle.class)
                            .getPhase());
        }
    }

    /** Asks for a dossier that does not exist, as often as it can, until some answer comes. */
    private static int firstAnswer(int port, String key, AtomicBoolean knocking) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dossiers/NO-SUCH-DOSSIER"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        // After start returned, a few more tries: the node answers by then.
        long deadline = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            if (!knocking.get() && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                // Connection refused: the port is not open yet.
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
