package vn.hailong.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests racing each other over real HTTP: a double tap, a retry storm, two nodes of the
 * one-stop software sending the same dossier. Each runs three times, as races are not reliable.
 */
@HaiLongTest
class ConcurrentSubmissionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    OneStopSoftware oneStop;
    String unit;

    @BeforeEach
    void registerUnit() {
        oneStop = new OneStopSoftware(port);
        unit = oneStop.registersUnit("COMMUNE");
    }

    /** Sends {@code n} requests released at the same instant and returns the answers in order. */
    static List<ApiClient.Response> atOnce(int n, IntFunction<ApiClient.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ApiClient.Response> result = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                result.add(answer.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<ApiClient.Response> answers, int status) {
        return answers.stream().filter(r -> r.status() == status).count();
    }

    int ratingRowsOf(String dossierCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE dossier_id = (SELECT id FROM dossier WHERE code = ?)",
                Integer.class,
                dossierCode);
    }

    @RepeatedTest(3)
    void twenty_different_ratings_of_one_dossier_at_once_store_exactly_one() throws Exception {
        String dossier = oneStop.sendsReceivedDossier(unit);

        List<ApiClient.Response> answers = atOnce(
                20, i -> oneStop.relays(OneStopSoftware.rating(dossier, i % 2 == 0 ? "SATISFIED" : "VERY_SATISFIED")));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201, 409);
        assertThat(count(answers, 201)).isEqualTo(1);
        assertThat(count(answers, 409)).isEqualTo(19);
        assertThat(answers.stream()
                        .filter(r -> r.status() == 409)
                        .map(r -> r.json().get("field").asString()))
                .containsOnly("dossierCode");
        assertThat(ratingRowsOf(dossier)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twenty_retries_of_one_rating_at_once_store_it_once_and_replay_it_to_the_others() throws Exception {
        String dossier = oneStop.sendsReceivedDossier(unit);
        Map<String, Object> rating = OneStopSoftware.rating(dossier, "VERY_SATISFIED");

        List<ApiClient.Response> answers = atOnce(20, i -> oneStop.relays(rating));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201, 200);
        assertThat(count(answers, 201)).isEqualTo(1);
        assertThat(answers.stream()
                        .filter(r -> r.status() == 200)
                        .map(r -> r.json().get("replayed").asBoolean()))
                .hasSize(19)
                .containsOnly(true);
        assertThat(answers.stream()
                        .map(r -> r.json().get("ratingId").asString())
                        .distinct())
                .hasSize(1);
        assertThat(ratingRowsOf(dossier)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void ten_first_sends_of_one_dossier_at_once_all_succeed_and_store_one_dossier() throws Exception {
        String code = TestData.dossierCode(unit, 1);
        // A procedure and an officer nobody has seen yet, so that they too are registered by racing requests.
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RECEIVED");
        body.put("procedureCode", "1.004227." + TestData.uniqueSuffix());
        body.put(
                "officers",
                List.of(Map.of("id", "cb-" + TestData.uniqueSuffix(), "name", "Lê Văn C", "role", "RECEIVING")));

        List<ApiClient.Response> answers = atOnce(10, i -> oneStop.api().put("/api/v1/dossiers/" + code, body));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201, 200);
        assertThat(count(answers, 201)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE code = ?", Integer.class, code))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM admin_procedure WHERE code = ?",
                        Integer.class,
                        body.get("procedureCode")))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM survey_link WHERE dossier_id = (SELECT id FROM dossier WHERE code = ?)",
                        Integer.class,
                        code))
                .isEqualTo(1);
        assertThat(answers.stream()
                        .map(r -> r.json().get("surveyLink").asString())
                        .distinct())
                .hasSize(1);
    }

    @RepeatedTest(3)
    void ten_dossiers_naming_one_new_procedure_at_once_all_succeed() throws Exception {
        String procedure = "2.000488." + TestData.uniqueSuffix();

        List<ApiClient.Response> answers = atOnce(10, i -> {
            Map<String, Object> body = OneStopSoftware.dossier(unit, "RECEIVED");
            body.put("procedureCode", procedure);
            return oneStop.api().put("/api/v1/dossiers/" + TestData.dossierCode(unit, 100 + i), body);
        });

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_procedure WHERE code = ?", Integer.class, procedure))
                .isEqualTo(1);
    }
}
