package vn.hailong.platform.management;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.directory.DirectoryService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator over real HTTP: on the public port {@code /actuator/**} is a 404 problem (never the
 * Vaadin page, never an endpoint); on the management port the probes and the Prometheus endpoint
 * answer without a log-in; the domain's meters are there and move; the Grafana dashboard asks only
 * for metrics the node exports.
 */
@HaiLongTest
class ManagementEndpointsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_management_port_is_its_own() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @Test
    void on_the_public_port_every_actuator_path_is_a_404_problem_not_a_page_nor_an_endpoint() throws Exception {
        for (String path : List.of(
                "/actuator",
                "/actuator/",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/heapdump",
                "/actuator/rollups")) {
            HttpResponse<String> answer = get(port, path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(path).doesNotContain("hikaricp", "hailong_", "\"UP\"", "<html");
        }
    }

    @Test
    void liveness_is_up_and_does_not_look_at_the_database() throws Exception {
        HttpResponse<String> answer = get(managementPort, "/actuator/health/liveness");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode health = ApiClient.JSON.readTree(answer.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(names(health.path("components"))).containsExactly("livenessState");
    }

    @Test
    void readiness_is_up_once_started_and_is_made_of_the_start_up_tasks_and_the_database() throws Exception {
        HttpResponse<String> answer = get(managementPort, "/actuator/health/readiness");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode health = ApiClient.JSON.readTree(answer.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(names(health.path("components"))).containsExactlyInAnyOrder("readinessState", "startup", "db");
        assertThat(health.path("components").path("startup").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void the_management_endpoints_need_no_log_in_and_carry_no_session() throws Exception {
        HttpResponse<String> answer = get(managementPort, "/actuator/health");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        // Only what docs/operations.md lists is exposed.
        assertThat(get(managementPort, "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/heapdump").statusCode()).isEqualTo(404);
    }

    @Test
    void a_stored_rating_counts_in_the_prometheus_output_under_its_channel() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("COMMUNE");
        String dossier = oneStop.sendsReceivedDossier(unit);
        double before = sample(scrape(), "hailong_ratings_stored_total", "channel=\"portal\"");
        var rating = OneStopSoftware.rating(dossier, "SATISFIED");
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);
        // A resend with the same idempotency key is answered from what is stored: not a second rating.
        assertThat(oneStop.relays(rating).status()).isEqualTo(200);
        String after = scrape();
        assertThat(sample(after, "hailong_ratings_stored_total", "channel=\"portal\""))
                .isEqualTo(before + 1);
        assertThat(sample(after, "hailong_ratings_stored_total", "channel=\"kiosk\""))
                .isNotNaN();
    }

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_handover_counts_and_a_kiosk_gone_silent_shows_as_offline_within_the_gauge_s_10_s() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        KioskFixture site = KioskFixture.create(oneStop, directory, devices, 60, 5);
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        double handoversBefore = sample(scrape(), "hailong_handovers_total", "application=");
        assertThat(oneStop.api()
                        .post(
                                "/api/v1/counters/" + site.counterCode() + "/handover",
                                Map.of("dossierCode", dossier, "officerId", "cb-1"))
                        .status())
                .isEqualTo(201);
        assertThat(sample(scrape(), "hailong_handovers_total", "application=")).isEqualTo(handoversBefore + 1);

        double offlineBefore = sample(scrape(), "hailong_kiosk_offline_devices", "application=");
        assertThat(get(port, site.enrolmentPath(devices)).headers().firstValue("Set-Cookie"))
                .isPresent();
        jdbc.update(
                "UPDATE kiosk_device SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE, enrolled_at = UTC_TIMESTAMP(6) - INTERVAL 1 DAY"
                        + " WHERE code = ?",
                site.deviceCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        double offline = offlineBefore;
        while (offline <= offlineBefore && System.nanoTime() < deadline) {
            Thread.sleep(500);
            offline = sample(scrape(), "hailong_kiosk_offline_devices", "application=");
        }
        assertThat(offline).isGreaterThanOrEqualTo(offlineBefore + 1);
    }

    @Test
    void the_domain_meters_and_the_pool_are_exported() throws Exception {
        String metrics = scrape();
        for (String name : List.of(
                "hailong_ratings_stored_total",
                "hailong_handovers_total",
                "hailong_kiosk_heartbeats_total",
                "hailong_kiosk_offline_devices",
                "hailong_rollup_pending_changes",
                "hailong_rollup_oldest_age_seconds",
                "hailong_mail_pending_mails",
                "hailong_followup_overdue_cases",
                "hailong_login_failures_total",
                "hailong_login_locked_subjects",
                "hailong_retries_total",
                "hikaricp_connections_active",
                "http_server_requests_seconds_count")) {
            assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
        // The embedded database is no Galera node: no Galera gauges (a zero would say something false).
        assertThat(metrics).doesNotContain("hailong_galera_");
    }

    @Test
    void the_grafana_dashboard_is_json_and_every_metric_it_asks_for_is_exported() throws Exception {
        JsonNode dashboard = ApiClient.JSON.readTree(Files.readString(Path.of("deploy/grafana/hailong.json")));
        assertThat(dashboard.path("title").asString()).isNotBlank();
        Set<String> asked = new TreeSet<>();
        Pattern metric =
                Pattern.compile("\\b(hailong_[a-z_]+|hikaricp_[a-z_]+|http_server_requests_[a-z_]+|jvm_[a-z_]+)");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = metric.matcher(target.path("expr").asString());
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).as("metrics in the dashboard").hasSizeGreaterThan(10);
        String metrics = scrape();
        for (String name : asked) {
            if (name.startsWith("hailong_galera_")) {
                continue; // exported only by Galera nodes (see the_domain_meters_and_the_pool_are_exported)
            }
            assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
        assertThat(asked).anyMatch(n -> n.startsWith("hailong_galera_"));
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = get(managementPort, "/actuator/prometheus");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return answer.body();
    }

    /** The value of the sample of {@code name} whose labels contain {@code label}; NaN when there is none. */
    static double sample(String metrics, String name, String label) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    @Test
    void an_operator_reads_the_rollup_backlog_and_rebuilds_the_rollups_from_the_raw_rows_audited() throws Exception {
        OneStopSoftware oneStop = new OneStopSoftware(port);
        String unit = oneStop.registersUnit("COMMUNE");
        assertThat(oneStop.relays(OneStopSoftware.rating(oneStop.sendsReceivedDossier(unit), "SATISFIED"))
                        .status())
                .isEqualTo(201);
        drainer.drainAll();
        String unitId = jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", String.class, unit);
        String yearRows =
                "SELECT COALESCE(SUM(answers), 0) FROM rating_rollup WHERE dimension = 'ALL' AND grain = 'Y' AND reach = 'O'"
                        + " AND status = 'COUNTED' AND criterion = 'overall' AND unit_id = ?";
        assertThat(jdbc.queryForObject(yearRows, Long.class, unitId)).isEqualTo(1);

        HttpResponse<String> backlog = get(managementPort, "/actuator/rollups");
        assertThat(backlog.statusCode()).isEqualTo(200);
        JsonNode figures = ApiClient.JSON.readTree(backlog.body());
        assertThat(figures.path("pending").asLong()).isZero();
        assertThat(figures.has("oldestAgeSeconds")).isTrue();
        assertThat(figures.has("parked")).isTrue();

        // The unit's rollups lost (as by a change that could not be applied): a rebuild brings them back.
        jdbc.update("DELETE FROM rating_rollup WHERE unit_id = ?", unitId);
        jdbc.update(
                "DELETE l FROM rating_rollup_ledger l JOIN rating r ON r.id = l.rating_id WHERE r.evaluated_agency_id = ?",
                unitId);
        assertThat(jdbc.queryForObject(yearRows, Long.class, unitId)).isZero();
        HttpResponse<String> rebuilt = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/rollups"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(ApiClient.JSON.readTree(rebuilt.body()).path("rebuiltUnits").asInt())
                .isPositive();
        assertThat(jdbc.queryForObject(yearRows, Long.class, unitId)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT actor FROM audit_entry WHERE action = 'ROLLUPS_REBUILT' ORDER BY seq DESC LIMIT 1",
                        String.class))
                .isEqualTo("operator (management port)");
    }

    @Autowired
    RollupDrainer drainer;

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
