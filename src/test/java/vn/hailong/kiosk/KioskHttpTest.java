package vn.hailong.kiosk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.Selection;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kiosk over real HTTP: the handover call of the one-stop software, enrolment by one-time
 * link, and the tablet's rating outbox endpoint (device cookie, idempotent resends, revocation).
 */
@HaiLongTest
class KioskHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    KioskService kiosk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    RatingService ratings;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    AccountService accounts;

    OneStopSoftware oneStop;
    KioskFixture site;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        oneStop = new OneStopSoftware(port);
        site = KioskFixture.create(oneStop, directory, devices, 60, 5);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    ApiClient.Response handOver(String counter, Object body) {
        return oneStop.api().post("/api/v1/counters/" + counter + "/handover", body);
    }

    @Test
    void a_handover_binds_the_dossier_to_the_counter_for_ten_minutes() {
        String dossier = oneStop.sendsReceivedDossier(site.unit());

        ApiClient.Response response =
                handOver(site.counterCode(), Map.of("dossierCode", dossier, "officerId", "cb-17"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("dossierCode").asString()).isEqualTo(dossier);
        assertThat(response.json().get("state").asString()).isEqualTo("SHOWN");
        Instant handedOver = OffsetDateTime.parse(
                        response.json().get("handedOverAt").asString())
                .toInstant();
        Instant expires = OffsetDateTime.parse(response.json().get("expiresAt").asString())
                .toInstant();
        assertThat(Duration.between(handedOver, expires)).isEqualTo(Duration.ofMinutes(10));
        UUID counterId = directory.findCounter(site.counterCode()).orElseThrow().id();
        assertThat(kiosk.currentSurvey(counterId)).hasValueSatisfying(s -> {
            assertThat(s.dossierCode()).isEqualTo(dossier);
            assertThat(s.dossierTail()).isEqualTo("…" + dossier.substring(dossier.length() - 4));
            assertThat(s.procedureName()).isEqualTo("Cấp giấy phép môi trường");
        });
    }

    @Test
    void the_next_handover_at_a_counter_replaces_the_previous_one() {
        String first = oneStop.sendsReceivedDossier(site.unit());
        String second = oneStop.sendsReceivedDossier(site.unit());
        handOver(site.counterCode(), Map.of("dossierCode", first, "officerId", "cb-17"));
        handOver(site.counterCode(), Map.of("dossierCode", second, "officerId", "cb-17"));

        UUID counterId = directory.findCounter(site.counterCode()).orElseThrow().id();
        assertThat(kiosk.currentSurvey(counterId).orElseThrow().dossierCode()).isEqualTo(second);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_handover WHERE counter_id = ? AND ended_at IS NULL",
                        Integer.class,
                        counterId.toString()))
                .isEqualTo(1);
    }

    KioskDeviceInfo device() {
        return devices.authenticate(enrol()).orElseThrow();
    }

    String outcomeOf(String handoverId) {
        return jdbc.queryForObject("SELECT outcome FROM kiosk_handover WHERE id = ?", String.class, handoverId);
    }

    @Test
    void a_second_handover_while_a_citizen_is_answering_is_stored_queued_202_and_shown_when_the_survey_is_sent() {
        KioskDeviceInfo device = device();
        String first = oneStop.sendsReceivedDossier(site.unit());
        String second = oneStop.sendsReceivedDossier(site.unit());
        String third = oneStop.sendsReceivedDossier(site.unit());
        String firstId = handOver(site.counterCode(), Map.of("dossierCode", first, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        assertThat(kiosk.begin(device, UUID.fromString(firstId))).isTrue();

        ApiClient.Response queued = handOver(site.counterCode(), Map.of("dossierCode", second, "officerId", "cb-17"));
        ApiClient.Response behind = handOver(site.counterCode(), Map.of("dossierCode", third, "officerId", "cb-17"));
        ApiClient.Response again = handOver(site.counterCode(), Map.of("dossierCode", second, "officerId", "cb-17"));

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("state").asString()).isEqualTo("QUEUED");
        assertThat(queued.json().get("waitingAhead").asInt()).isZero();
        assertThat(behind.status()).isEqualTo(202);
        assertThat(behind.json().get("waitingAhead").asInt()).isEqualTo(1);
        // The same dossier handed over again: its waiting handover, nothing new.
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("handoverId").asString())
                .isEqualTo(queued.json().get("handoverId").asString());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_handover WHERE counter_id = ?",
                        Integer.class,
                        device.counterId().toString()))
                .isEqualTo(3);
        // The begun survey stays on the kiosk; nothing else is offered meanwhile.
        assertThat(outcomeOf(firstId)).isNull();
        assertThat(kiosk.currentSurvey(device.counterId())).isEmpty();

        kiosk.finish(device, UUID.fromString(firstId), HandoverOutcome.SENT);

        assertThat(outcomeOf(firstId)).isEqualTo("SENT");
        assertThat(kiosk.surveyToShow(device, false).orElseThrow().dossierCode())
                .isEqualTo(second);
        kiosk.finish(device, UUID.fromString(queued.json().get("handoverId").asString()), HandoverOutcome.ABANDONED);
        assertThat(kiosk.surveyToShow(device, false).orElseThrow().dossierCode())
                .isEqualTo(third);
    }

    @Test
    void a_handover_that_waited_and_is_shown_by_another_node_reaches_this_nodes_kiosk_pages_by_the_poll(
            @Autowired KioskSignals signals) throws Exception {
        KioskDeviceInfo device = device();
        String first = oneStop.sendsReceivedDossier(site.unit());
        String waited = oneStop.sendsReceivedDossier(site.unit());
        String firstId = handOver(site.counterCode(), Map.of("dossierCode", first, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        kiosk.begin(device, UUID.fromString(firstId));
        String waitedId = handOver(site.counterCode(), Map.of("dossierCode", waited, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        LinkedBlockingQueue<KioskSignals.Signal> received = new LinkedBlockingQueue<>();
        Runnable stop = signals.listen(device.counterId(), device.id(), received::add);
        try {
            // Recorded long before the poll's look-back; another node ends the first and shows it now.
            jdbc.update(
                    "UPDATE kiosk_handover SET ended_at = UTC_TIMESTAMP(6), outcome = 'SENT' WHERE id = ?", firstId);
            jdbc.update(
                    "UPDATE kiosk_handover SET handed_over_at = UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE, waiting = FALSE, "
                            + "shown_at = UTC_TIMESTAMP(6) WHERE id = ?",
                    waitedId);
            signals.pollOtherNodes();

            KioskSignals.Signal signal = received.poll(5, TimeUnit.SECONDS);
            assertThat(signal)
                    .isInstanceOfSatisfying(
                            KioskSignals.HandedOver.class,
                            h -> assertThat(h.handoverId()).isEqualTo(UUID.fromString(waitedId)));
            assertThat(kiosk.shownSurvey(device.counterId(), UUID.fromString(waitedId))
                            .orElseThrow()
                            .dossierCode())
                    .isEqualTo(waited);
        } finally {
            stop.run();
        }
    }

    @Test
    void a_handover_is_used_up_by_its_rating_or_its_abandonment_and_a_reload_never_brings_it_back() throws Exception {
        KioskDeviceInfo device = device();
        String credential = enrol();
        String rated = oneStop.sendsReceivedDossier(site.unit());
        String ratedId = handOver(site.counterCode(), Map.of("dossierCode", rated, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        // The outbox delivers the rating; the handover is used up even if the page never said so.
        assertThat(post("/kiosk-device/ratings", """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "handoverId": "%s", "answers": {"overall": "SATISFIED"}}""".formatted(UUID.randomUUID(), rated, ratedId), credential, true)
                        .statusCode())
                .isEqualTo(201);
        assertThat(outcomeOf(ratedId)).isEqualTo("SENT");
        assertThat(kiosk.surveyToShow(device, true)).isEmpty();

        // Begun, then the tablet reloads: the page just opened does not offer it again.
        String begun = oneStop.sendsReceivedDossier(site.unit());
        String waiting = oneStop.sendsReceivedDossier(site.unit());
        String begunId = handOver(site.counterCode(), Map.of("dossierCode", begun, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        kiosk.begin(device, UUID.fromString(begunId));
        handOver(site.counterCode(), Map.of("dossierCode", waiting, "officerId", "cb-17"));
        assertThat(kiosk.surveyToShow(device, false))
                .as("another page's survey in progress")
                .isEmpty();

        assertThat(kiosk.surveyToShow(device, true).orElseThrow().dossierCode()).isEqualTo(waiting);
        assertThat(outcomeOf(begunId)).isEqualTo("ABANDONED");
        // An untouched survey still shows after a reload (the tablet restarted before the citizen began).
        assertThat(kiosk.surveyToShow(device, true).orElseThrow().dossierCode()).isEqualTo(waiting);
    }

    @Test
    void a_survey_left_unsent_is_stored_flagged_and_counted_and_refused_for_good_where_the_kiosk_discards_them()
            throws Exception {
        String credential = enrol();
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        String handoverId = handOver(site.counterCode(), Map.of("dossierCode", dossier, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();
        String abandoned = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "handoverId": "%s", "answers": {"overall": "DISSATISFIED"},
                 "reasons": [], "abandoned": true}""".formatted(UUID.randomUUID(), dossier, handoverId);

        HttpResponse<String> stored = post("/kiosk-device/ratings", abandoned, credential, true);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(jdbc.queryForMap(
                        "SELECT r.status, r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        dossier))
                .containsEntry("status", "COUNTED")
                .hasEntrySatisfying(
                        "anomaly_flags",
                        f -> assertThat((String) f)
                                .contains("NOT_SENT_BY_CITIZEN")
                                .contains("REASON_NOT_GIVEN"));
        assertThat(outcomeOf(handoverId)).isEqualTo("ABANDONED");
        // A "not satisfied" opens its follow-up case as any other.
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case c JOIN rating r ON r.id = c.rating_id "
                                + "JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        Integer.class,
                        dossier))
                .isEqualTo(1);
        // A sent "not satisfied" still needs its reason.
        String other = oneStop.sendsReceivedDossier(site.unit());
        assertThat(post(
                                "/kiosk-device/ratings",
                                abandoned
                                        .replace(dossier, other)
                                        .replace("\"abandoned\": true", "\"abandoned\": false")
                                        .replaceFirst("kiosk-[0-9a-f-]+", "kiosk-" + UUID.randomUUID()),
                                credential,
                                true)
                        .statusCode())
                .isEqualTo(422);

        KioskFixture.asAdmin(() -> {
            devices.configureAbandonedSurveys(site.deviceCode(), AbandonedSurveys.DISCARD);
            return null;
        });
        HttpResponse<String> refused = post(
                "/kiosk-device/ratings",
                abandoned.replace(dossier, other).replaceFirst("kiosk-[0-9a-f-]+", "kiosk-" + UUID.randomUUID()),
                credential,
                true);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"field\":\"abandoned\"");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        Integer.class,
                        other))
                .isZero();
    }

    @Test
    void a_call_back_number_follows_the_phone_pages_rules_kept_with_the_case_never_with_the_rating() throws Exception {
        String credential = enrol();
        String unhappy = oneStop.sendsReceivedDossier(site.unit());
        String rating = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "answers": {"overall": "%s"}, "reasons": ["SLOW"]%s}""";

        HttpResponse<String> noConsent = post(
                "/kiosk-device/ratings",
                rating.formatted(UUID.randomUUID(), unhappy, "DISSATISFIED", ", \"phone\": \"0912345678\""),
                credential,
                true);
        HttpResponse<String> badNumber = post(
                "/kiosk-device/ratings",
                rating.formatted(
                        UUID.randomUUID(), unhappy, "DISSATISFIED", ", \"contactConsent\": true, \"phone\": \"0123\""),
                credential,
                true);
        HttpResponse<String> noNumber = post(
                "/kiosk-device/ratings",
                rating.formatted(UUID.randomUUID(), unhappy, "DISSATISFIED", ", \"contactConsent\": true"),
                credential,
                true);

        assertThat(noConsent.statusCode()).isEqualTo(422);
        assertThat(noConsent.body()).contains("\"field\":\"contactConsent\"");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.body()).contains("\"field\":\"phone\"");
        assertThat(noNumber.statusCode()).isEqualTo(422);
        assertThat(noNumber.body()).contains("\"field\":\"phone\"");
        // Nothing half-written: no rating, no case, no number.
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        Integer.class,
                        unhappy))
                .isZero();

        String key = UUID.randomUUID().toString();
        String withNumber = rating.formatted(
                key, unhappy, "DISSATISFIED", ", \"contactConsent\": true, \"phone\": \"+84 912 345 678\"");
        assertThat(post("/kiosk-device/ratings", withNumber, credential, true).statusCode())
                .isEqualTo(201);
        assertThat(post("/kiosk-device/ratings", withNumber, credential, true).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForList("""
                SELECT k.phone FROM follow_up_contact k JOIN follow_up_case c ON c.id = k.case_id
                JOIN rating r ON r.id = c.rating_id JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?""", String.class, unhappy)).containsExactly("0912345678");

        // A happy answer asks for no reason and offers no call-back: a number sent with it is not kept.
        String happy = oneStop.sendsReceivedDossier(site.unit());
        assertThat(post(
                                "/kiosk-device/ratings",
                                rating.formatted(
                                                UUID.randomUUID(),
                                                happy,
                                                "SATISFIED",
                                                ", \"contactConsent\": true, \"phone\": \"0912345678\"")
                                        .replace("[\"SLOW\"]", "[]"),
                                credential,
                                true)
                        .statusCode())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM follow_up_contact k JOIN follow_up_case c ON c.id = k.case_id
                JOIN rating r ON r.id = c.rating_id JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?""", Integer.class, happy)).isZero();
    }

    @Test
    void handover_errors_are_problems_naming_the_field() {
        String dossier = oneStop.sendsReceivedDossier(site.unit());

        ApiClient.Response unknownCounter =
                handOver("NO-SUCH-COUNTER", Map.of("dossierCode", dossier, "officerId", "cb-1"));
        assertThat(unknownCounter.status()).isEqualTo(404);
        assertThat(unknownCounter.contentType()).startsWith("application/problem+json");

        ApiClient.Response missing = handOver(site.counterCode(), Map.of("officerId", "cb-1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("dossierCode");

        ApiClient.Response noOfficer = handOver(site.counterCode(), Map.of("dossierCode", dossier));
        assertThat(noOfficer.status()).isEqualTo(400);
        assertThat(noOfficer.json().get("field").asString()).isEqualTo("officerId");

        ApiClient.Response unknownDossier =
                handOver(site.counterCode(), Map.of("dossierCode", dossier + "9", "officerId", "cb-1"));
        assertThat(unknownDossier.status()).isEqualTo(422);
        assertThat(unknownDossier.json().get("field").asString()).isEqualTo("dossierCode");

        assertThat(oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED")).status())
                .isEqualTo(201);
        ApiClient.Response rated = handOver(site.counterCode(), Map.of("dossierCode", dossier, "officerId", "cb-1"));
        assertThat(rated.status()).isEqualTo(409);
        assertThat(rated.json().get("field").asString()).isEqualTo("dossierCode");

        ApiClient.Response noKey = new ApiClient(port, "wrong-key-0123456789abcdef0123456789abcdef")
                .post(
                        "/api/v1/counters/" + site.counterCode() + "/handover",
                        Map.of("dossierCode", dossier, "officerId", "cb-1"));
        assertThat(noKey.status()).isEqualTo(401);
    }

    @Test
    void an_enrolment_link_gives_one_browser_a_device_cookie_once() throws Exception {
        String path = site.enrolmentPath(devices);

        HttpResponse<String> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/kiosk");
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(KioskDeviceService.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Max-Age=")
                .doesNotContain("Secure"); // plain http here; Secure when served over https
        String credential = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        assertThat(devices.authenticate(credential))
                .hasValueSatisfying(d -> assertThat(d.code()).isEqualTo(site.deviceCode()));
        // only hashes are stored
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_device WHERE credential_hash = ?", Integer.class, (Object)
                                credential.getBytes()))
                .isZero();

        HttpResponse<String> again = get(path, null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("không còn hiệu lực");
    }

    @Test
    void the_tablet_outbox_stores_a_rating_once_and_revocation_stops_the_device_at_once() throws Exception {
        String credential = enrol();
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        String rating = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "answers": {"overall": "VERY_SATISFIED", "attitude": "SATISFIED"},
                 "reasons": []}""".formatted(UUID.randomUUID(), dossier);

        HttpResponse<String> stored = post("/kiosk-device/ratings", rating, credential, true);
        HttpResponse<String> resent = post("/kiosk-device/ratings", rating, credential, true);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("\"replayed\":true");
        assertThat(jdbc.queryForList(
                        "SELECT r.channel, r.device_id, r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        dossier))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("channel")).isEqualTo("KIOSK");
                    assertThat(row.get("device_id")).isEqualTo(site.deviceCode());
                    // sent without a handover: flagged for review (and still counted)
                    assertThat((String) row.get("anomaly_flags")).contains("NO_HANDOVER");
                });

        // The administrators' fleet view: online (seen at enrolment), one rating today.
        assertThat(KioskFixture.asAdmin(devices::devices))
                .filteredOn(d -> d.code().equals(site.deviceCode()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.state()).isEqualTo(DeviceSummary.State.ENROLLED);
                    assertThat(d.online()).isTrue();
                    assertThat(d.ratingsToday()).isEqualTo(1);
                });
        HttpResponse<String> heartbeat = post("/kiosk-device/heartbeat", "{\"unsentRatings\": 2}", credential, true);
        assertThat(heartbeat.statusCode()).isEqualTo(204);
        assertThat(KioskFixture.asAdmin(devices::devices))
                .filteredOn(d -> d.code().equals(site.deviceCode()))
                .singleElement()
                .satisfies(d -> assertThat(d.unsentRatings()).isEqualTo(2));

        String other = oneStop.sendsReceivedDossier(site.unit());
        String unhappyWithoutReason = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "answers": {"overall": "DISSATISFIED"}}""".formatted(UUID.randomUUID(), other);
        HttpResponse<String> refused = post("/kiosk-device/ratings", unhappyWithoutReason, credential, true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"reasons\"");

        HttpResponse<String> withoutHeader = post("/kiosk-device/ratings", rating, credential, false);
        assertThat(withoutHeader.statusCode()).isEqualTo(403);
        HttpResponse<String> withoutCookie = post("/kiosk-device/ratings", rating, null, true);
        assertThat(withoutCookie.statusCode()).isEqualTo(401);

        site.revoke(devices);
        HttpResponse<String> revoked = post("/kiosk-device/ratings", rating, credential, true);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(devices.authenticate(credential)).isEmpty();
        assertThat(post("/kiosk-device/heartbeat", "{\"unsentRatings\": 0}", credential, true)
                        .statusCode())
                .isEqualTo(401);
        assertThat(KioskFixture.asAdmin(devices::devices))
                .filteredOn(d -> d.code().equals(site.deviceCode()))
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeviceSummary.State.REVOKED));
    }

    @Test
    void a_rating_sent_seconds_after_the_handover_is_flagged_for_review_but_counts() throws Exception {
        String credential = enrol();
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        String handoverId = handOver(site.counterCode(), Map.of("dossierCode", dossier, "officerId", "cb-17"))
                .json()
                .get("handoverId")
                .asString();

        HttpResponse<String> stored =
                post("/kiosk-device/ratings", """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "handoverId": "%s", "answers": {"overall": "VERY_SATISFIED"}}""".formatted(UUID.randomUUID(), dossier, handoverId), credential, true);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .contains("FAST_AFTER_HANDOVER")
                .doesNotContain("NO_HANDOVER");
        assertThat(jdbc.queryForObject(
                        "SELECT r.status FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        dossier))
                .isEqualTo("COUNTED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kiosk_handover WHERE id = ? AND ended_at IS NOT NULL",
                        Integer.class,
                        handoverId))
                .isEqualTo(1);
    }

    @Test
    void the_kiosk_installs_full_screen_from_its_manifest() throws Exception {
        HttpResponse<String> manifest = get("/kiosk-device/manifest.webmanifest", null);

        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        assertThat(ApiClient.JSON.readTree(manifest.body()).get("display").asString())
                .isEqualTo("fullscreen");
        assertThat(ApiClient.JSON.readTree(manifest.body()).get("start_url").asString())
                .isEqualTo("/kiosk");
    }

    @Test
    void an_officer_logged_in_on_the_tablet_cannot_submit() {
        String credential = enrol();
        String dossier = oneStop.sendsReceivedDossier(site.unit());
        SecurityContext officer = SecurityContextHolder.createEmptyContext();
        officer.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "canbo", null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER"))));
        SecurityContextHolder.setContext(officer);

        assertThatThrownBy(() -> kiosk.submit(
                        credential,
                        new KioskRating(
                                "kiosk-" + UUID.randomUUID(),
                                dossier,
                                null,
                                Map.of("overall", "VERY_SATISFIED"),
                                List.of(),
                                null)))
                .isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext();
        assertThat(oneStop.api()
                        .get("/api/v1/dossiers/" + dossier)
                        .json()
                        .get("rated")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_typed_code_or_a_scanned_survey_link_finds_the_dossier() {
        KioskDeviceInfo device = device();
        String dossier = oneStop.sendsReturnedDossier(site.unit(), Instant.now().minus(Duration.ofDays(2)));
        String link = oneStop.api()
                .get("/api/v1/dossiers/" + dossier)
                .json()
                .get("surveyLink")
                .asString();

        assertThat(kiosk.lookUp(device, dossier.toLowerCase()).survey()).isNotNull();
        assertThat(kiosk.lookUp(device, link).survey().dossierCode()).isEqualTo(dossier);
        assertThat(kiosk.lookUp(device, dossier + "1").problem()).isEqualTo(KioskService.LookupProblem.UNKNOWN);
        assertThat(oneStop.relays(OneStopSoftware.rating(dossier, "SATISFIED")).status())
                .isEqualTo(201);
        assertThat(kiosk.lookUp(device, dossier).problem()).isEqualTo(KioskService.LookupProblem.ALREADY_RATED);
    }

    @Test
    void the_keypad_opens_only_dossiers_that_may_be_rated_here() {
        KioskDeviceInfo device = device();
        String notReturned = oneStop.sendsReceivedDossier(site.unit());
        String longAgo = oneStop.sendsReturnedDossier(site.unit(), Instant.now().minus(Duration.ofDays(31)));
        String elsewhere = oneStop.sendsReturnedDossier(
                oneStop.registersUnit("SERVICE_CENTRE"), Instant.now().minus(Duration.ofDays(1)));
        String today =
                oneStop.sendsDossierOfTodayReturned(site.unit(), Instant.now().minusSeconds(600));

        assertThat(kiosk.lookUp(device, notReturned).problem()).isEqualTo(KioskService.LookupProblem.NOT_RETURNED);
        assertThat(kiosk.lookUp(device, longAgo).problem()).isEqualTo(KioskService.LookupProblem.TOO_LATE);
        assertThat(kiosk.lookUp(device, elsewhere).problem()).isEqualTo(KioskService.LookupProblem.NOT_SERVED_HERE);
        assertThat(kiosk.lookUp(device, today).survey()).isNotNull();
        // Most codes need only their sequence number after the centre's agency code and today's date.
        assertThat(kiosk.todaysCodePrefix(device))
                .hasValueSatisfying(
                        prefix -> assertThat(today).startsWith(prefix).hasSize(prefix.length() + 4));
        // A handover is the one-stop software's word: not subject to the keypad's rules.
        assertThat(handOver(site.counterCode(), Map.of("dossierCode", notReturned, "officerId", "cb-17"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_rating_of_a_typed_or_scanned_code_says_so_for_the_integrity_panel() throws Exception {
        String credential = enrol();
        String keyed = oneStop.sendsReturnedDossier(site.unit(), Instant.now().minus(Duration.ofDays(1)));
        String scanned = oneStop.sendsReturnedDossier(site.unit(), Instant.now().minus(Duration.ofDays(1)));
        String rating = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "%s", "answers": {"overall": "SATISFIED"}, "entry": "%s"}""";

        assertThat(post("/kiosk-device/ratings", rating.formatted(UUID.randomUUID(), keyed, "KEYED"), credential, true)
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(
                                "/kiosk-device/ratings",
                                rating.formatted(UUID.randomUUID(), scanned, "SCANNED"),
                                credential,
                                true)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> bad = post(
                "/kiosk-device/ratings", rating.formatted(UUID.randomUUID(), scanned, "GUESSED"), credential, true);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"entry\"");
        assertThat(jdbc.queryForObject(
                        "SELECT r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        keyed))
                .contains("KEYED_CODE")
                .contains("NO_HANDOVER");
        assertThat(jdbc.queryForObject(
                        "SELECT r.anomaly_flags FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        String.class,
                        scanned))
                .contains("SCANNED_CODE");
    }

    @Test
    void a_rating_without_a_dossier_is_refused_by_default_and_stored_apart_uncounted_where_the_device_allows_it()
            throws Exception {
        String credential = enrol();
        String unbound = """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "", "answers": {"overall": "DISSATISFIED"},
                 "reasons": ["SLOW"]}""".formatted(UUID.randomUUID());
        Map<UnitId, RatingService.RatingCounts> before = ratings.countsByUnit(
                Instant.EPOCH,
                Instant.now().plusSeconds(3600),
                List.of(UnitId.of(UUID.fromString(
                        jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", String.class, site.unit())))));

        // Refuse (the default): 400 naming dossierCode, nothing stored.
        HttpResponse<String> refused = post("/kiosk-device/ratings", unbound, credential, true);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("dossierCode");
        assertThat(unboundOf(site)).isZero();

        // Store (this device): kept apart, once, never among the counted ratings.
        KioskFixture.asAdmin(() -> {
            devices.configureUnboundRatings(site.deviceCode(), UnboundRatings.STORE);
            return null;
        });
        HttpResponse<String> stored = post("/kiosk-device/ratings", unbound, credential, true);
        HttpResponse<String> resent = post("/kiosk-device/ratings", unbound, credential, true);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"status\":\"UNBOUND\"");
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(unboundOf(site)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE device_id = ?", Integer.class, site.deviceCode()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case WHERE rating_id = ?",
                        Integer.class,
                        UUID.fromString(stored.body().replaceAll(".*\"ratingId\":\"([^\"]+)\".*", "$1"))
                                .toString()))
                .isZero();
        assertThat(ratings.countsByUnit(
                        Instant.EPOCH,
                        Instant.now().plusSeconds(3600),
                        List.of(UnitId.of(UUID.fromString(jdbc.queryForObject(
                                "SELECT id FROM agency WHERE code = ?", String.class, site.unit()))))))
                .isEqualTo(before);
        assertThat(kiosk.unboundSurvey(devices.authenticate(credential).orElseThrow()))
                .isPresent();
        // ... and shown on the managers' integrity panel of the counter's unit
        assertThat(unboundOnTheIntegrityPanel(site)).isEqualTo(1);

        // Still checked like any rating: "not satisfied" needs a reason.
        HttpResponse<String> noReason =
                post("/kiosk-device/ratings", """
                {"idempotencyKey": "kiosk-%s", "dossierCode": "", "answers": {"overall": "DISSATISFIED"}, "reasons": []}""".formatted(UUID.randomUUID()), credential, true);
        assertThat(noReason.statusCode()).isIn(400, 422);
        assertThat(unboundOf(site)).isEqualTo(1);

        // Back to the site's default: refused again, and the tablet offers no general rating.
        KioskFixture.asAdmin(() -> {
            devices.configureUnboundRatings(site.deviceCode(), null);
            return null;
        });
        assertThat(kiosk.unboundSurvey(devices.authenticate(credential).orElseThrow()))
                .isEmpty();
        assertThat(post("/kiosk-device/ratings", unbound.replace("kiosk-", "kiosk-x"), credential, true)
                        .statusCode())
                .isEqualTo(400);
    }

    long unboundOnTheIntegrityPanel(KioskFixture site) {
        rollups.drainAll();
        String manager = "unbound-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(manager, "Mat-khau-2026x", "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        var user = accounts.loadUserByUsername(manager);
        var before = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            UUID unit = UUID.fromString(
                    jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", String.class, site.unit()));
            return breakdowns
                    .integrity(new Selection(
                            DashboardPeriod.containing(DashboardPeriod.Kind.YEAR, LocalDate.now(OneStopSoftware.ZONE)),
                            unit))
                    .unboundAtCounters();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    int unboundOf(KioskFixture site) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM kiosk_unbound_rating WHERE device_id = ?",
                Integer.class,
                site.device().id());
    }

    String enrol() {
        try {
            HttpResponse<String> response = get(site.enrolmentPath(devices), null);
            String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String credential) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (credential != null) {
            request.header("Cookie", KioskDeviceService.COOKIE + "=" + credential);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String credential, boolean kioskHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (credential != null) {
            request.header("Cookie", KioskDeviceService.COOKIE + "=" + credential);
        }
        if (kioskHeader) {
            request.header("X-Hailong-Kiosk", "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
