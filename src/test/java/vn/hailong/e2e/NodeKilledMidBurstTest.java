package vn.hailong.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.RollupProbe;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL in the middle of a burst of ratings, while a second node (this test's
 * application) keeps running on the same database. Every rating that was acknowledged is stored;
 * the clients resend the others to the surviving node with the same idempotency keys, which stores
 * each exactly once; and the rollups, including the changes the dead node had committed but not
 * applied, catch up within 10 s without the sweep (which runs every 5 minutes).
 */
@HaiLongTest
class NodeKilledMidBurstTest {

    static final int RATINGS = 600;
    static final int CLIENTS = 100;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void ratings_acknowledged_before_a_kill_9_are_stored_resends_store_the_rest_once_and_rollups_catch_up_within_10_s()
            throws Exception {
        OneStopSoftware survivor = new OneStopSoftware(port);
        String unit = survivor.registersUnit("COMMUNE");
        List<String> dossiers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < RATINGS; i++) {
                puts.add(setup.submit(() -> dossiers.add(survivor.sendsReceivedDossier(unit))));
            }
            for (Future<?> put : puts) {
                put.get(60, TimeUnit.SECONDS);
            }
        } finally {
            setup.shutdownNow();
        }
        List<Map<String, Object>> ratings = dossiers.stream()
                .map(d -> OneStopSoftware.rating(d, "SATISFIED"))
                .toList();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger others = new AtomicInteger();
        try (NodeProcess doomed = NodeProcess.start(db.jdbcUrl())) {
            ApiClient toDoomed = new ApiClient(doomed.port(), HaiLongTest.API_KEY);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger next = new AtomicInteger();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < RATINGS; ) {
                            Map<String, Object> rating = ratings.get(i);
                            try {
                                ApiClient.Response answer = toDoomed.post("/api/v1/ratings", rating);
                                if (answer.status() == 201) {
                                    acknowledged.add((String) rating.get("idempotencyKey"));
                                } else {
                                    others.incrementAndGet();
                                }
                            } catch (RuntimeException connectionLost) {
                                others.incrementAndGet();
                            }
                        }
                    });
                }
                // Mid-burst: a third of the ratings acknowledged.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (acknowledged.size() < RATINGS / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                doomed.kill();
            } finally {
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(RATINGS / 3);
        assertThat(acknowledged.size())
                .as("the kill came before the burst ended")
                .isLessThan(RATINGS);

        // Every acknowledged rating is stored.
        for (String key : acknowledged) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rating WHERE idempotency_key = ?", Integer.class, key))
                    .as(key)
                    .isEqualTo(1);
        }
        // The clients resend what was not acknowledged, to the surviving node: stored once, or replayed.
        for (Map<String, Object> rating : ratings) {
            if (!acknowledged.contains((String) rating.get("idempotencyKey"))) {
                assertThat(survivor.relays(rating).status()).isIn(201, 200);
            }
        }
        RollupProbe probe = new RollupProbe(jdbc);
        assertThat(probe.storedRatingsOf(unit)).isEqualTo(RATINGS);
        assertThat(probe.awaitConverged(unit, Duration.ofSeconds(10))).isEqualTo(RATINGS);
    }
}
