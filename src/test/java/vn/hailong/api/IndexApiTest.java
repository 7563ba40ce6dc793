package vn.hailong.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.index.IndexComputationService;
import vn.hailong.index.IndexPublicationService;
import vn.hailong.index.MethodologyService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The index API over real HTTP: published results as JSON and CSV, explanations, unit indicators, problems. */
@HaiLongTest
class IndexApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    IndexComputationService computations;

    @Autowired
    IndexPublicationService publications;

    @Autowired
    MethodologyService methodologies;

    OneStopSoftware oneStop;
    ApiClient api;
    String scheme;
    String group;
    String unitA;
    String unitB;

    @BeforeEach
    void publishedMonth() {
        oneStop = new OneStopSoftware(port);
        api = oneStop.api();
        String manager = "tinh-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, "mat-khau-" + manager, "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        UserDetails user = accounts.loadUserByUsername(manager);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        scheme = "api-" + TestData.uniqueSuffix().toLowerCase();
        methodologies.addVersion(
                scheme,
                null,
                null,
                "API",
                methodologies.forYear("default", 2026).definition().withMinimumRatings(0));
        group = "PG-" + TestData.uniqueSuffix();
        unitA = unit("Sở Xây dựng, thử");
        unitB = unit("Sở Y tế");
        LocalDate day = LocalDate.of(2026, 7, 14);
        rate(dossier(unitA, day), "VERY_SATISFIED");
        rate(dossier(unitA, day), "DISSATISFIED");
        rate(dossier(unitB, day), "SATISFIED");
        assertThat(api.put(
                                "/api/v1/units/" + unitA + "/indicators/2026-07",
                                Map.of("indicator5", 2, "indicator6", 1.5, "indicator9", 1, "note", "báo cáo tháng 7"))
                        .status())
                .isEqualTo(200);
        publications.publish(computations.compute(scheme, "2026-07").id());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void published_results_come_as_json_per_peer_group() {
        ApiClient.Response r = api.get("/api/v1/index?period=2026-07&scheme=" + scheme + "&peerGroup=" + group);
        assertThat(r.status()).isEqualTo(200);
        JsonNode units = r.json().get("units");
        assertThat(units).hasSize(2);
        assertThat(units.get(0).get("unitCode").asString()).isEqualTo(unitB);
        assertThat(units.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(units.get(0).get("satisfactionRate").decimalValue()).isEqualByComparingTo("100");
        assertThat(units.get(1).get("unitCode").asString()).isEqualTo(unitA);
        assertThat(units.get(1).get("satisfactionRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(units.get(1).get("parSurveyPoints").decimalValue()).isEqualByComparingTo("18.25");
        assertThat(units.get(1).get("tt01Band").asString()).isNotBlank();
        assertThat(r.json().get("methodologyVersion").asInt()).isEqualTo(1);
        assertThat(r.json().get("inputsHash").asString()).hasSize(64);
    }

    @Test
    void a_corrected_period_serves_the_correction_and_says_why() {
        JsonNode first =
                api.get("/api/v1/index?period=2026-07&scheme=" + scheme).json().get("correction");
        assertThat(first == null || first.isNull()).as("no correction yet").isTrue();
        rate(dossier(unitB, LocalDate.of(2026, 7, 20)), "DISSATISFIED");
        rate(dossier(unitB, LocalDate.of(2026, 7, 21)), "DISSATISFIED");
        publications.publishCorrection(
                computations.computeCorrection(scheme, "2026-07").id(), "Thiếu một đánh giá của Sở Y tế");
        ApiClient.Response r = api.get("/api/v1/index?period=2026-07&scheme=" + scheme + "&peerGroup=" + group);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("correction").get("reason").asString()).isEqualTo("Thiếu một đánh giá của Sở Y tế");
        assertThat(r.json().get("correction").get("earlierPublications").asInt())
                .isEqualTo(1);
        JsonNode units = r.json().get("units");
        assertThat(units.get(0).get("unitCode").asString()).isEqualTo(unitA);
        assertThat(units.get(1).get("unitCode").asString()).isEqualTo(unitB);
        assertThat(units.get(1).get("ratings").asInt()).isEqualTo(3);
    }

    @Test
    void published_results_come_as_csv_when_asked() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/index?period=2026-07&scheme=" + scheme + "&peerGroup=" + group))
                                .header("Authorization", "Bearer " + HaiLongTest.API_KEY)
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = r.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0])
                .isEqualTo("unit_code,unit_name,peer_group,dossiers,ratings,satisfaction_rate,tt01_score,tt01_band,"
                        + "d766_satisfaction_points,par_survey_points,rank,rank_change,satisfaction_sample,satisfaction_ci95_low,"
                        + "satisfaction_ci95_high,flags");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(unitB + ",Sở Y tế " + unitB + "," + group + ",1,1,100.00,");
        // a name with a comma is quoted
        assertThat(lines[2]).startsWith(unitA + ",\"Sở Xây dựng, thử " + unitA + "\"," + group + ",2,2,50.00,");
        // rank 2, no change; 1 of 2 satisfied: n = 2, Wilson 95 % 9.45–90.55 %
        assertThat(lines[2]).contains(",18.25,2,,2,9.45,90.55,");
    }

    @Test
    void the_methodology_versions_are_readable() {
        ApiClient.Response r = api.get("/api/v1/index/methodologies/default");
        assertThat(r.status()).isEqualTo(200);
        // newest first: v2 (V87, the minimum sample of 30), then v1 as it was stored
        assertThat(r.json().get(0).get("version").asInt()).isEqualTo(2);
        assertThat(r.json()
                        .get(0)
                        .get("definition")
                        .get("ranking")
                        .get("minimumRatings")
                        .asInt())
                .isEqualTo(30);
        assertThat(r.json().get(1).get("version").asInt()).isEqualTo(1);
        assertThat(r.json()
                        .get(1)
                        .get("definition")
                        .get("ranking")
                        .get("minimumRatings")
                        .asInt())
                .isZero();
        assertThat(r.json()
                        .get(0)
                        .get("definition")
                        .get("decision766")
                        .get("curve")
                        .asString())
                .isEqualTo("LINEAR");
        assertThat(r.json().get(0).get("definition").get("indicators")).hasSize(9);
        assertThat(api.get("/api/v1/index/methodologies/" + scheme)
                        .json()
                        .get(0)
                        .get("scheme")
                        .asString())
                .isEqualTo(scheme);
        assertThat(api.get("/api/v1/index/methodologies/no-such").status()).isEqualTo(404);
    }

    @Test
    void bad_periods_and_schemes_are_problems_naming_the_field() {
        ApiClient.Response bad = api.get("/api/v1/index?period=2026-13&scheme=" + scheme);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("field").asString()).isEqualTo("period");
        assertThat(api.get("/api/v1/index?scheme=" + scheme).json().get("field").asString())
                .isEqualTo("period");
        ApiClient.Response scheme = api.get("/api/v1/index?period=2026&scheme=no-such-scheme");
        assertThat(scheme.status()).isEqualTo(422);
        assertThat(scheme.json().get("field").asString()).isEqualTo("scheme");
        assertThat(api.get("/api/v1/index?period=2026-Q3&scheme=" + this.scheme).status())
                .isEqualTo(404);
    }

    @Test
    void a_csv_request_with_a_bad_period_still_gets_a_problem() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/index?period=26&scheme=" + scheme))
                                .header("Authorization", "Bearer " + HaiLongTest.API_KEY)
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("period");
    }

    @Test
    void the_explanation_shows_inputs_averages_points_band_and_rank() {
        ApiClient.Response r = api.get("/api/v1/index/units/" + unitA + "?period=2026-07&scheme=" + scheme);
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.json().get("result");
        assertThat(r.json().get("inputs").get("dossiers").asInt()).isEqualTo(2);
        assertThat(r.json().get("inputs").get("dissatisfiedRatings").asInt()).isEqualTo(1);
        assertThat(result.get("indicators")).hasSize(9);
        assertThat(result.get("indicators").get(4).get("average").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(result.get("indicators").get(5).get("average").decimalValue())
                .isEqualByComparingTo("1.5");
        assertThat(result.get("circular01Band").asString()).isNotBlank();
        assertThat(result.get("rank").asInt()).isEqualTo(2);
        assertThat(result.get("decision766")
                        .get("dossierSatisfaction")
                        .get("ratePercent")
                        .decimalValue())
                .isEqualByComparingTo("50");
        assertThat(r.json()
                        .get("methodology")
                        .get("definition")
                        .get("circular01")
                        .get("bands")
                        .get("excellentAbove")
                        .asInt())
                .isEqualTo(15);
        assertThat(api.get("/api/v1/index/units/000.00.00.NOPE?period=2026-07&scheme=" + scheme)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void unit_indicators_are_validated_and_keep_a_history() {
        Map<String, Object> bad = new HashMap<>(Map.of("indicator5", 2, "indicator6", 3, "indicator9", -1));
        ApiClient.Response r = api.put("/api/v1/units/" + unitB + "/indicators/2026-Q3", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("indicator6");
        assertThat(r.json().get("errors")).hasSize(2);
        assertThat(api.put("/api/v1/units/" + unitB + "/indicators/2026-Q3", Map.of("indicator5", "hai"))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("indicator5");
        assertThat(api.put("/api/v1/units/" + unitB + "/indicators/2026Q3", Map.of("indicator5", 1))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("period");

        // indicator 8 is computed from complaints by the methodologies: an entry would be ignored, so it is refused
        ApiClient.Response eight =
                api.put("/api/v1/units/" + unitB + "/indicators/2026-Q3", Map.of("indicator5", 1, "indicator8", 2));
        assertThat(eight.status()).isEqualTo(400);
        assertThat(eight.json().get("field").asString()).isEqualTo("indicator8");

        ApiClient.Response ok =
                api.put("/api/v1/units/" + unitB + "/indicators/2026-Q3", Map.of("indicator5", 1.25, "indicator9", 2));
        assertThat(ok.status()).isEqualTo(200);
        ok = api.put("/api/v1/units/" + unitB + "/indicators/2026-Q3", Map.of("indicator5", 2, "indicator9", 2));
        JsonNode got = api.get("/api/v1/units/" + unitB + "/indicators/2026-Q3").json();
        assertThat(got.get("indicator5").decimalValue()).isEqualByComparingTo("2");
        assertThat(got.get("history")).hasSize(3);
        assertThat(got.get("history").get(0).get("field").asString()).isEqualTo("indicator5");
        assertThat(got.get("history").get(0).get("previous").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1.25"));
        assertThat(got.get("history").get(0).get("changedBy").asString()).startsWith("api:");
        assertThat(api.get("/api/v1/units/000.00.00.NOPE/indicators/2026").status())
                .isEqualTo(404);
    }

    private String unit(String name) {
        String code = TestData.agencyCode();
        assertThat(api.put(
                                "/api/v1/units/" + code,
                                Map.of("name", name + " " + code, "kind", "DEPARTMENT", "peerGroup", group))
                        .status())
                .isEqualTo(201);
        return code;
    }

    private static int sequence = 7000;

    private String dossier(String unit, LocalDate day) {
        String code = TestData.dossierCode(unit, ++sequence);
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RETURNED");
        body.put("receivedAt", OneStopSoftware.at(day.minusDays(5), "08:00"));
        body.put("dueAt", OneStopSoftware.at(day.plusDays(5), "17:00"));
        body.put("returnedAt", OneStopSoftware.at(day, "10:00"));
        oneStop.sends(code, body);
        return code;
    }

    private void rate(String dossier, String overall) {
        Map<String, Object> rating = OneStopSoftware.rating(dossier, overall);
        if (overall.equals("DISSATISFIED")) {
            rating.put("reasons", List.of("SLOW"));
        }
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);
    }
}
