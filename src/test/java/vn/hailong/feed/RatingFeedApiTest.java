package vn.hailong.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.moderation.DisputeDetails;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationService;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/ratings over real HTTP, read by a key limited to one unit: every change once, in
 * order, also while ratings arrive and change status, and also when a change commits after later
 * ones were already read.
 */
@HaiLongTest
class RatingFeedApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    RatingService ratings;

    @Autowired
    ModerationService moderation;

    @Autowired
    AccountService accounts;

    @Autowired
    RatingFeed feed;

    @Autowired
    PlatformTransactionManager transactions;

    OneStopSoftware oneStop;
    String unit;
    String child;
    String other;
    ApiClient scoped;
    String unitManager;
    String provinceManager;

    /** A change as the feed told it: which rating, what happened, and the status after it. */
    record Seen(String cursor, String rating, String kind, String to) {}

    @BeforeEach
    void aUnitWithASubUnitAndAKeyForIt() {
        oneStop = new OneStopSoftware(port);
        unit = oneStop.registersUnit("DEPARTMENT");
        child = oneStop.registersUnit("OTHER", unit);
        other = oneStop.registersUnit("DEPARTMENT");
        String key = "feed-key-" + UUID.randomUUID().toString().replace("-", "");
        keys.provision("feed-" + unit, key, unit, false);
        scoped = new ApiClient(port, key);
        unitManager = "feed-um-" + unit.replace('.', '-').toLowerCase();
        accounts.ensureAccount(unitManager, "Feed-passw0rd!", "Lãnh đạo " + unit, Role.UNIT_MANAGER, unit);
        provinceManager = "feed-pm-" + unit.replace('.', '-').toLowerCase();
        accounts.ensureAccount(provinceManager, "Feed-passw0rd!", "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
    }

    String rated(String unitCode, String overall) {
        String dossier = oneStop.sendsReceivedDossier(unitCode);
        ApiClient.Response response = oneStop.relays(OneStopSoftware.rating(dossier, overall));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("ratingId").asString();
    }

    void logIn(String username, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    void excluded(String ratingId) {
        logIn(unitManager, Role.UNIT_MANAGER);
        DisputeDetails dispute = moderation.dispute(
                RatingId.of(UUID.fromString(ratingId)), DisputeReason.TEST_OR_DUPLICATE, "Trùng lặp");
        logIn(provinceManager, Role.PROVINCE_MANAGER);
        moderation.decide(dispute.id(), true, "Đồng ý loại");
        SecurityContextHolder.clearContext();
    }

    JsonNode page(ApiClient client, String after, int limit) {
        ApiClient.Response response =
                client.get("/api/v1/ratings?limit=" + limit + (after == null ? "" : "&after=" + after));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Reads from {@code after} to the end; returns the last cursor. */
    String readAll(ApiClient client, String after, int limit, List<Seen> seen, List<JsonNode> items) {
        String cursor = after;
        while (true) {
            JsonNode page = page(client, cursor, limit);
            for (JsonNode item : page.get("items")) {
                seen.add(new Seen(
                        item.get("cursor").asString(),
                        item.get("rating").get("id").asString(),
                        item.get("change").get("kind").asString(),
                        item.get("change").get("to").asString()));
                items.add(item);
            }
            cursor = page.get("next").asString();
            if (!page.get("more").asBoolean()) {
                return cursor;
            }
        }
    }

    @Test
    void a_rating_is_handed_on_with_its_answers_points_reasons_and_history_and_without_contact_details() {
        String dossier = oneStop.sendsReceivedDossier(child);
        Map<String, Object> body = OneStopSoftware.rating(dossier, "DISSATISFIED");
        body.put("answers", Map.of("overall", "DISSATISFIED", "attitude", "SATISFIED"));
        body.put("reasons", List.of("SLOW"));
        body.put("comment", "Chờ quá lâu, gọi tôi 0912 345 678 hoặc an@example.vn");
        String ratingId = oneStop.relays(body).json().get("ratingId").asString();
        rated(other, "SATISFIED");
        excluded(ratingId);
        feed.sequenceNow();

        List<Seen> seen = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        readAll(scoped, null, 50, seen, items);

        assertThat(seen)
                .extracting(Seen::rating, Seen::kind, Seen::to)
                .containsExactly(
                        Tuple.tuple(ratingId, "RECORDED", "COUNTED"),
                        Tuple.tuple(ratingId, "STATUS_CHANGED", "EXCLUDED"));
        JsonNode recorded = items.get(0).get("rating");
        assertThat(recorded.get("dossierCode").asString()).isEqualTo(dossier);
        assertThat(recorded.get("unit").asString()).isEqualTo(child);
        assertThat(recorded.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(recorded.get("status").asString()).isEqualTo("COUNTED");
        assertThat(recorded.get("overall").asString()).isEqualTo("DISSATISFIED");
        assertThat(recorded.get("answers").toString())
                .contains("{\"criterion\":\"attitude\",\"option\":\"SATISFIED\",\"points\":1}");
        assertThat(recorded.get("reasons").toString()).isEqualTo("[\"SLOW\"]");
        assertThat(recorded.get("comment").asString()).isEqualTo("Chờ quá lâu, gọi tôi […] hoặc […]");
        assertThat(recorded.get("history")).hasSize(1);
        JsonNode change = items.get(1).get("change");
        assertThat(change.get("from").asString()).isEqualTo("COUNTED");
        assertThat(change.get("reason").asString()).isEqualTo("TEST_OR_DUPLICATE");
        assertThat(change.get("disputeKind").asString()).isEqualTo("EXCLUDE");
        assertThat(change.get("at").asString()).isNotBlank();
        JsonNode excluded = items.get(1).get("rating");
        assertThat(excluded.get("status").asString()).isEqualTo("EXCLUDED");
        assertThat(excluded.get("history")).hasSize(2);
        String all = items.toString();
        assertThat(all)
                .doesNotContain("0912")
                .doesNotContain("example.vn")
                .doesNotContain("idempotency")
                .doesNotContain("device");
    }

    @Test
    void a_kiosk_rating_replaced_by_the_citizens_own_is_handed_on_as_superseded_naming_the_new_one() {
        String start = readAll(scoped, null, 500, new ArrayList<>(), new ArrayList<>());
        String dossier = oneStop.sendsReceivedDossier(unit);
        SecurityContextHolder.clearContext();
        RatingOutcome kiosk = ratings.submit(new RatingSubmission(
                dossier,
                "KIOSK",
                "kiosk-" + UUID.randomUUID(),
                Map.of("overall", "SATISFIED"),
                List.of(),
                null,
                "tablet-1"));
        RatingOutcome phone = ratings.submit(new RatingSubmission(
                dossier, "QR", "qr-" + UUID.randomUUID(), Map.of("overall", "VERY_SATISFIED"), List.of(), null, null));
        feed.sequenceNow();

        List<Seen> seen = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        readAll(scoped, start, 500, seen, items);

        assertThat(seen)
                .extracting(Seen::rating, Seen::kind, Seen::to)
                .containsExactly(
                        Tuple.tuple(kiosk.ratingId().toString(), "RECORDED", "COUNTED"),
                        Tuple.tuple(kiosk.ratingId().toString(), "STATUS_CHANGED", "SUPERSEDED"),
                        Tuple.tuple(phone.ratingId().toString(), "RECORDED", "COUNTED"));
        JsonNode superseded = items.get(1).get("change");
        assertThat(superseded.get("reason").asString()).isEqualTo("SUPERSEDED_BY_CITIZEN");
        assertThat(superseded.get("relatedRatingId").asString())
                .isEqualTo(phone.ratingId().toString());
    }

    @Test
    void a_key_limited_to_a_unit_cannot_read_another_units_subtree_and_bad_parameters_name_their_field() {
        assertThat(scoped.get("/api/v1/ratings?unit=" + other).status()).isEqualTo(404);
        assertThat(scoped.get("/api/v1/ratings?unit=" + child).status()).isEqualTo(200);
        ApiClient.Response badLimit = scoped.get("/api/v1/ratings?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("field").asString()).isEqualTo("limit");
        ApiClient.Response badCursor = scoped.get("/api/v1/ratings?after=123");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("field").asString()).isEqualTo("after");
        assertThat(badCursor.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_change_that_commits_after_later_ones_were_read_is_still_handed_on() throws Exception {
        String start = readAll(scoped, null, 500, new ArrayList<>(), new ArrayList<>());
        String slowDossier = oneStop.sendsReceivedDossier(unit);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // A rating whose transaction stays open after its change row is written.
        Future<UUID> slow = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
            RatingOutcome outcome = ratings.submit(new RatingSubmission(
                    slowDossier,
                    "QR",
                    "slow-" + UUID.randomUUID(),
                    Map.of("overall", "SATISFIED"),
                    List.of(),
                    null,
                    null));
            inserted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return outcome.ratingId().value();
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        String fast = rated(unit, "SATISFIED");
        feed.sequenceNow();
        List<Seen> seen = new ArrayList<>();
        String cursor = readAll(scoped, start, 500, seen, new ArrayList<>());
        assertThat(seen).extracting(Seen::rating).containsExactly(fast);

        release.countDown();
        UUID slowId = slow.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        feed.sequenceNow();
        List<Seen> later = new ArrayList<>();
        readAll(scoped, cursor, 500, later, new ArrayList<>());

        assertThat(later).extracting(Seen::rating).containsExactly(slowId.toString());
    }

    @Test
    void paging_through_while_ratings_arrive_and_change_status_sees_every_change_once_in_order() throws Exception {
        String start = readAll(scoped, null, 500, new ArrayList<>(), new ArrayList<>());
        Map<String, List<String>> expected = new ConcurrentHashMap<>();
        List<String> recorded = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    String id = rated(i % 2 == 0 ? unit : child, "SATISFIED");
                    expected.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add("RECORDED:COUNTED");
                    recorded.add(id);
                    if (writer == 0 && i % 5 == 0) {
                        rated(other, "SATISFIED"); // another unit: never seen by this key
                    }
                }
                return null;
            }));
        }
        // Moderation excludes some of the ratings as they arrive.
        writers.add(pool.submit(() -> {
            Set<String> done = new HashSet<>();
            while (writing.get() || done.size() < 8) {
                for (String id : List.copyOf(recorded)) {
                    if (done.size() < 8 && done.add(id)) {
                        excluded(id);
                        expected.get(id).add("STATUS_CHANGED:EXCLUDED");
                    }
                }
                Thread.sleep(20);
            }
            return null;
        }));
        // The integrator polls all along, a small page at a time.
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Future<String> reader = pool.submit(() -> {
            String cursor = start;
            while (writing.get()) {
                cursor = readAll(scoped, cursor, 7, seen, new ArrayList<>());
                Thread.sleep(30);
            }
            return cursor;
        });
        for (int i = 0; i < 3; i++) {
            writers.get(i).get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        writers.get(3).get(120, TimeUnit.SECONDS);
        String cursor = reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        feed.sequenceNow();
        readAll(scoped, cursor, 7, seen, new ArrayList<>());

        assertThat(seen).extracting(Seen::cursor).doesNotHaveDuplicates();
        Map<String, List<String>> told = new LinkedHashMap<>();
        seen.forEach(
                s -> told.computeIfAbsent(s.rating(), k -> new ArrayList<>()).add(s.kind() + ":" + s.to()));
        assertThat(told).hasSize(45);
        assertThat(told).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(seen.stream().filter(s -> s.to().equals("EXCLUDED")).count()).isEqualTo(8);
    }
}
