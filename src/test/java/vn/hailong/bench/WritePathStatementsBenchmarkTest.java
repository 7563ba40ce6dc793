package vn.hailong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.aggregation.RollupDrainer;

/**
 * Every SQL statement of one rating and one dossier PUT over HTTP, from MariaDB's general query
 * log: what the request sends (the citizen waits for these) and what the rollup worker sends after
 * it (nobody waits). Written to target/bench/write-path-statements.txt; the figures to cut.
 */
@HaiLongTest
@Tag("bench")
class WritePathStatementsBenchmarkTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    RollupDrainer drainer;

    @Test
    void statements_of_one_rating_and_one_dossier_put() throws Exception {
        BenchmarkReport report = new BenchmarkReport("write-path-statements", "SQL statements of one rating and one dossier PUT (general log)");
        DatabaseProbe db = new DatabaseProbe(dataSource);
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("COMMUNE");
        // Warm: the procedure, the officer and the API key are known, caches are filled.
        oneStop.relays(OneStopSoftware.rating(oneStop.sendsReceivedDossier(unit), "SATISFIED"));
        String dossier = oneStop.sendsReceivedDossier(unit);
        drainer.drainAll();

        AtomicReference<ApiClient.Response> answer = new AtomicReference<>();
        List<String> rating = db.trace(() -> {
            answer.set(oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED")));
            drainer.drainAll();
        });
        assertThat(answer.get().status()).isEqualTo(201);
        trace(report, "one rating (POST /api/v1/ratings) and then its rollup batch", rating);

        Map<String, Object> body = OneStopSoftware.dossier(unit, "PROCESSING");
        String code = vn.hailong.TestData.dossierCode(unit, 9_999);
        oneStop.sends(code, OneStopSoftware.dossier(unit, "RECEIVED"));
        drainer.drainAll();
        List<String> put = db.trace(() -> {
            answer.set(oneStop.api().put("/api/v1/dossiers/" + code, body));
            drainer.drainAll();
        });
        assertThat(answer.get().status()).isEqualTo(200);
        trace(report, "one dossier update (PUT /api/v1/dossiers/{code}) and then its rollup batch", put);
        report.finish();
    }

    private static void trace(BenchmarkReport report, String heading, List<String> lines) {
        report.section(heading + ": " + lines.size() + " statements");
        lines.forEach(l -> report.line("%s", l));
    }
}
