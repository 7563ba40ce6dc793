package vn.hailong.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.RollupProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst over real HTTP: 200 clients, each sending one rating of its own dossier at the same
 * instant, as a kiosk fleet flushing its outboxes after an outage would. Every rating is answered
 * 201 and stored, and the rollups of the unit and of the department above it catch up by
 * themselves (no test hook drains them) within 10 s.
 */
@HaiLongTest
class RatingBurstTest {

    static final int CLIENTS = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void two_hundred_clients_each_sending_one_rating_at_once_are_all_answered_201_stored_and_counted()
            throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String department = oneStop.registersUnit("DEPARTMENT");
        String unit = oneStop.registersUnit("OTHER", department);
        List<String> dossiers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            dossiers.add(oneStop.sendsReceivedDossier(unit));
        }

        List<ApiClient.Response> answers = ConcurrentSubmissionTest.atOnce(
                CLIENTS,
                i -> oneStop.relays(
                        OneStopSoftware.rating(dossiers.get(i), i % 3 == 0 ? "SATISFIED" : "VERY_SATISFIED")));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(answers).extracting(ApiClient.Response::contentType).allMatch(t -> t.startsWith("application/json"));
        assertThat(answers.stream()
                        .map(r -> r.json().get("ratingId").asString())
                        .distinct())
                .hasSize(CLIENTS);
        RollupProbe probe = new RollupProbe(jdbc);
        assertThat(probe.storedRatingsOf(unit)).isEqualTo(CLIENTS);

        // The node's worker applies them after their commit, by itself.
        assertThat(probe.awaitConverged(unit, Duration.ofSeconds(10)))
                .as("unit's rollups equal its ratings")
                .isEqualTo(CLIENTS);
        assertThat(probe.countedBelow(department))
                .as("the department's rows of the units below")
                .isEqualTo(CLIENTS);
    }
}
