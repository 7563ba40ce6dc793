package vn.hailong.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.OneStopSoftware;
import vn.hailong.directory.DirectoryService;
import vn.hailong.e2e.AppNode;
import vn.hailong.kiosk.HandoverOutcome;
import vn.hailong.kiosk.KioskDeviceInfo;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;
import vn.hailong.kiosk.KioskService;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handovers of different dossiers racing each other at one counter, over real HTTP: on one node,
 * and spread over two nodes on one database. Every call is recorded (201), and afterwards exactly
 * one handover of the counter is open: the one recorded last (by time, then id), whatever order
 * the transactions committed in.
 */
@HaiLongTest
@ExtendWith(KeepsSecurityStrategy.class)
class ConcurrentHandoverTest {

    static AppNode secondNode;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    OneStopSoftware oneStop;
    KioskFixture site;

    @BeforeAll
    static void startSecondNode(@Autowired EmbeddedMariaDb db) {
        secondNode = new AppNode(db.jdbcUrl()).start();
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @BeforeEach
    void setUp() {
        oneStop = new OneStopSoftware(port);
        site = KioskFixture.create(oneStop, directory, devices, 60, 5);
    }

    @RepeatedTest(3)
    void twenty_handovers_at_one_counter_at_once_are_all_recorded_and_the_last_recorded_one_is_open() throws Exception {
        List<String> dossiers = IntStream.range(0, 20)
                .mapToObj(i -> oneStop.sendsReceivedDossier(site.unit()))
                .toList();
        ApiClient api = oneStop.api();

        List<ApiClient.Response> answers = ConcurrentSubmissionTest.atOnce(20, i -> handOver(api, dossiers.get(i)));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertOnlyTheLastRecordedHandoverIsOpen(answers);
    }

    @RepeatedTest(3)
    void twenty_handovers_at_one_counter_through_two_nodes_at_once_leave_only_the_last_recorded_one_open()
            throws Exception {
        List<String> dossiers = IntStream.range(0, 20)
                .mapToObj(i -> oneStop.sendsReceivedDossier(site.unit()))
                .toList();
        ApiClient here = oneStop.api();
        ApiClient there = new ApiClient(secondNode.port(), HaiLongTest.API_KEY);

        List<ApiClient.Response> answers =
                ConcurrentSubmissionTest.atOnce(20, i -> handOver(i % 2 == 0 ? here : there, dossiers.get(i)));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertOnlyTheLastRecordedHandoverIsOpen(answers);
    }

    @RepeatedTest(2)
    void twenty_handovers_through_two_nodes_behind_a_begun_survey_all_wait_and_are_shown_one_by_one_in_recorded_order(
            @Autowired KioskService kiosk) throws Exception {
        String begun = oneStop.sendsReceivedDossier(site.unit());
        String begunId = handOver(oneStop.api(), begun).json().get("handoverId").asString();
        String credential = enrolledCredential();
        KioskDeviceInfo device = devices.authenticate(credential).orElseThrow();
        assertThat(kiosk.begin(device, UUID.fromString(begunId))).isTrue();
        List<String> dossiers = IntStream.range(0, 20)
                .mapToObj(i -> oneStop.sendsReceivedDossier(site.unit()))
                .toList();
        ApiClient here = oneStop.api();
        ApiClient there = new ApiClient(secondNode.port(), HaiLongTest.API_KEY);

        List<ApiClient.Response> answers =
                ConcurrentSubmissionTest.atOnce(20, i -> handOver(i % 2 == 0 ? here : there, dossiers.get(i)));

        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(202);
        assertThat(answers).extracting(r -> r.json().get("state").asString()).containsOnly("QUEUED");
        // Each was told a different place in the queue.
        assertThat(answers)
                .extracting(r -> r.json().get("waitingAhead").asInt())
                .doesNotHaveDuplicates();
        List<String> recorded = jdbc.queryForList("""
                SELECT h.id FROM kiosk_handover h JOIN service_counter c ON c.id = h.counter_id
                WHERE c.code = ? AND h.waiting ORDER BY h.handed_over_at, h.id""", String.class, site.counterCode());
        assertThat(recorded).hasSize(20);

        UUID current = UUID.fromString(begunId);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            kiosk.finish(device, current, HandoverOutcome.SENT);
            current = kiosk.surveyToShow(device, false).orElseThrow().handoverId();
            shown.add(current.toString());
        }
        assertThat(shown).containsExactlyElementsOf(recorded);
    }

    private String enrolledCredential() throws Exception {
        String url = KioskFixture.asAdmin(
                        () -> devices.openEnrolment(site.device().id()))
                .url();
        HttpResponse<String> response = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + url.substring(url.indexOf("/kiosk-device/"))))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private ApiClient.Response handOver(ApiClient api, String dossier) {
        return api.post(
                "/api/v1/counters/" + site.counterCode() + "/handover",
                Map.of("dossierCode", dossier, "officerId", "cb-17"));
    }

    private record Row(String id, Timestamp handedOverAt, boolean open) {}

    private void assertOnlyTheLastRecordedHandoverIsOpen(List<ApiClient.Response> answers) {
        List<Row> rows = jdbc.query(
                """
                SELECT h.id, h.handed_over_at, h.ended_at IS NULL FROM kiosk_handover h
                JOIN service_counter c ON c.id = h.counter_id WHERE c.code = ?""", (rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2), rs.getBoolean(3)), site.counterCode());
        assertThat(rows).hasSize(20);
        assertThat(rows.stream().map(Row::id))
                .containsExactlyInAnyOrderElementsOf(answers.stream()
                        .map(r -> r.json().get("handoverId").asString())
                        .toList());
        // Time-ordered UUIDs in their text form sort as their bytes do.
        Row last = rows.stream()
                .max(Comparator.comparing(Row::handedOverAt).thenComparing(Row::id))
                .orElseThrow();
        assertThat(rows).filteredOn(Row::open).singleElement().isEqualTo(last);
    }
}
