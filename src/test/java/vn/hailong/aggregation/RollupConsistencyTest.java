package vn.hailong.aggregation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.intake.DossierSubmission.OfficerPart;
import vn.hailong.platform.Ids;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incrementally maintained rollups equal a recomputation from the raw ratings and dossiers,
 * after a mixed workload (every channel, supersession, dossiers that change), and stay equal when
 * events are delivered again, concurrently, or the rollups are rebuilt.
 */
@HaiLongTest
class RollupConsistencyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String TEMPLATE = "018f0000-0000-7000-8000-000000000001";

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    RollupMaintainer maintainer;

    @Autowired
    RollupDrainer drainer;

    @Autowired
    RollupRebuild rebuild;

    @Autowired
    RollupStore store;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    String parent;
    String child;
    Set<UUID> units;
    int sequence;

    @BeforeEach
    void twoUnits() {
        parent = TestData.agencyCode();
        directory.upsertUnit(parent, new UnitChange("Sở thử rollup", "DEPARTMENT", null, null, null, null, null));
        child = TestData.agencyCode();
        directory.upsertUnit(child, new UnitChange("Phòng thử rollup", "OTHER", parent, null, null, null, null));
        units = Set.of(directory.getUnit(parent).id(), directory.getUnit(child).id());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    DossierDetails dossier(String unit, Instant returnedAt, boolean late, List<OfficerPart> officers) {
        String code = TestData.dossierCode(unit, ++sequence);
        return upsert(code, unit, returnedAt, late, officers, "1.00422" + (sequence % 3));
    }

    DossierDetails upsert(
            String code, String unit, Instant returnedAt, boolean late, List<OfficerPart> officers, String procedure) {
        Instant received = (returnedAt == null ? Instant.now() : returnedAt).minus(10, ChronoUnit.DAYS);
        Instant due = returnedAt == null
                ? received.plus(15, ChronoUnit.DAYS)
                : late ? returnedAt.minus(1, ChronoUnit.DAYS) : returnedAt.plus(2, ChronoUnit.DAYS);
        return intake.upsert(
                        code,
                        new DossierSubmission(
                                procedure,
                                "Thủ tục thử " + procedure,
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                returnedAt == null ? "RECEIVED" : "RETURNED",
                                iso(received),
                                iso(due),
                                returnedAt == null ? null : iso(returnedAt),
                                officers,
                                0))
                .dossier();
    }

    static String iso(Instant i) {
        return i.atZone(ZONE).toOffsetDateTime().toString();
    }

    static Instant daysAgo(int days, int hour) {
        return LocalDate.now(ZONE).minusDays(days).atTime(hour, 17).atZone(ZONE).toInstant();
    }

    RatingOutcome rate(
            DossierDetails d, String channel, Map<String, String> answers, List<String> reasons, String device) {
        boolean relayed = Set.of("PORTAL", "PAPER", "PHONE").contains(channel);
        if (relayed) {
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("one-stop", null, Role.INTEGRATOR_AUTHORITY));
        }
        try {
            return ratings.submit(new RatingSubmission(
                    d.code(),
                    channel,
                    channel.toLowerCase() + "-" + UUID.randomUUID(),
                    answers,
                    reasons,
                    reasons.isEmpty() ? null : "Chờ lâu quá",
                    device));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A rating stored as a bulk load would (no event), at a chosen time; returns its id. */
    UUID storedRaw(DossierDetails d, Instant submittedAt, String overall, int points, String device) {
        UUID id = Ids.newId();
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        jdbc.update(
                "INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel, template_id, "
                        + "status, overall_option, overall_points, comment, submitted_at, device_id, idempotency_key, request_hash) "
                        + "VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'COUNTED', ?, ?, NULL, ?, ?, ?, ?)",
                id.toString(),
                d.id().toString(),
                d.id().toString(),
                d.evaluatedUnitId().toString(),
                d.procedureId().toString(),
                device == null ? "PAPER" : "KIOSK",
                TEMPLATE,
                overall,
                points,
                Timestamp.valueOf(LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC)),
                device,
                "raw-" + id,
                hash);
        jdbc.update(
                "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES (?, 'overall', ?, ?)",
                id.toString(),
                overall,
                points);
        jdbc.update(
                "INSERT INTO rating_answer (rating_id, criterion_key, option_key, points) VALUES (?, 'contacts', 'ONCE', 1)",
                id.toString());
        return id;
    }

    static List<OfficerPart> officers(String... idsAndRoles) {
        List<OfficerPart> parts = new ArrayList<>();
        for (int i = 0; i < idsAndRoles.length; i += 2) {
            parts.add(new OfficerPart(idsAndRoles[i], "Cán bộ " + idsAndRoles[i], idsAndRoles[i + 1]));
        }
        return parts;
    }

    void assertRollupsEqualRecomputation() {
        // Changes are applied by the node's worker, after their commit: wait for every one of them.
        drainer.drainAll();
        List<RollupRow> stored = sorted(store.ratingRows(units));
        List<RollupRow> expected = sorted(rebuild.recomputeRatings(units));
        assertThat(stored.stream().filter(r -> !expected.contains(r)).toList())
                .as("stored but not recomputed")
                .isEmpty();
        assertThat(expected.stream().filter(r -> !stored.contains(r)).toList())
                .as("recomputed but not stored")
                .isEmpty();
        assertThat(stored).isEqualTo(expected);
        assertThat(sortedReturns(store.returnRows(units))).isEqualTo(sortedReturns(rebuild.recomputeReturns(units)));
    }

    static List<RollupRow> sorted(List<RollupRow> rows) {
        return rows.stream().sorted(RollupRow.KEY_ORDER).toList();
    }

    static List<ReturnRow> sortedReturns(List<ReturnRow> rows) {
        return rows.stream().sorted(Comparator.comparing(ReturnRow::key)).toList();
    }

    @Test
    void rollups_equal_recomputation_after_a_mixed_workload_and_redelivered_events() {
        String a = "cb-a-" + sequence + TestData.uniqueSuffix();
        String b = "cb-b-" + TestData.uniqueSuffix();
        List<DossierDetails> dossiers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String unit = i % 3 == 0 ? child : parent;
            List<OfficerPart> who = switch (i % 4) {
                case 0 -> officers(a, "RECEIVING");
                case 1 -> officers(a, "RECEIVING", b, "RETURNING");
                case 2 -> officers(b, "PROCESSING", a, "PROCESSING");
                default -> List.of();
            };
            dossiers.add(dossier(unit, daysAgo(3 + i * 9, 9), i % 5 == 0, who));
        }
        DossierDetails open = dossier(parent, null, false, officers(a, "RECEIVING"));

        // Every channel; kiosk ratings from two devices; the phone supersedes one kiosk rating.
        RatingOutcome kiosk = rate(
                dossiers.get(0),
                "KIOSK",
                Map.of("overall", "VERY_SATISFIED", "attitude", "SATISFIED"),
                List.of(),
                "kiosk-r1");
        rate(dossiers.get(1), "KIOSK", Map.of("overall", "DISSATISFIED"), List.of("SLOW"), "kiosk-r2");
        rate(
                dossiers.get(0),
                "QR",
                Map.of("overall", "DISSATISFIED", "attitude", "DISSATISFIED", "contacts", "MORE"),
                List.of("ATTITUDE"),
                null);
        rate(
                dossiers.get(2),
                "PORTAL",
                Map.of("overall", "SATISFIED", "convenience", "VERY_SATISFIED", "agencies", "COUNTER_ONLY"),
                List.of(),
                null);
        rate(dossiers.get(3), "PAPER", Map.of("overall", "VERY_SATISFIED", "contacts", "NONE"), List.of(), null);
        rate(dossiers.get(4), "PHONE", Map.of("overall", "SATISFIED"), List.of(), null);
        rate(dossiers.get(5), "QR", Map.of("overall", "VERY_SATISFIED", "attitude", "VERY_SATISFIED"), List.of(), null);
        rate(open, "KIOSK", Map.of("overall", "SATISFIED"), List.of(), "kiosk-r1");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM rating WHERE id = ?",
                        String.class,
                        kiosk.ratingId().toString()))
                .isEqualTo("SUPERSEDED");

        // Ratings loaded in bulk at other days and hours, then their events delivered.
        for (int i = 6; i < 11; i++) {
            UUID id = storedRaw(
                    dossiers.get(i),
                    daysAgo(i * 7, 6 + i),
                    i % 2 == 0 ? "SATISFIED" : "DISSATISFIED",
                    i % 2,
                    i % 3 == 0 ? "kiosk-r2" : null);
            events.publishEvent(new RatingSubmitted(
                    RatingId.of(id), dossiers.get(i).id(), dossiers.get(i).evaluatedUnitId(), null, null, 0, null));
        }

        // Dossiers change after the fact: one is returned at last, one moves to the other unit and day.
        upsert(open.code(), parent, daysAgo(1, 15), true, officers(a, "RECEIVING", b, "RETURNING"), "1.004220");
        DossierDetails moved = dossiers.get(4);
        upsert(moved.code(), child, daysAgo(70, 10), false, officers(b, "RECEIVING"), "1.004221");

        assertRollupsEqualRecomputation();
        assertThat(store.ratingRows(units))
                .anyMatch(r -> r.status().equals("SUPERSEDED")
                        && r.dimension() == RollupDimension.CHANNEL
                        && r.dimValue().equals("KIOSK"));

        // Every event delivered again (a restart replaying them, a second node): nothing changes.
        drainer.drainAll();
        List<RollupRow> before = sorted(store.ratingRows(units));
        for (String id : jdbc.queryForList(
                "SELECT CAST(id AS CHAR) FROM rating WHERE evaluated_agency_id IN (?, ?)",
                String.class,
                units.stream().map(UUID::toString).toArray())) {
            events.publishEvent(new RatingSubmitted(RatingId.of(UUID.fromString(id)), null, null, null, null, 0, null));
        }
        events.publishEvent(
                new RatingSuperseded(kiosk.ratingId(), dossiers.get(0).id(), null));
        dossiers.forEach(d -> events.publishEvent(new DossierRecorded(d.id(), d.code(), false, d.status())));
        drainer.drainAll();
        assertThat(sorted(store.ratingRows(units))).isEqualTo(before);
        assertRollupsEqualRecomputation();
    }

    @Test
    void the_same_event_delivered_on_four_threads_at_once_counts_once() throws Exception {
        List<UUID> raw = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DossierDetails d = dossier(parent, daysAgo(2, 10), false, officers("cb-x", "RETURNING"));
            raw.add(storedRaw(d, daysAgo(1, 10), "VERY_SATISFIED", 2, "kiosk-c"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (UUID id : raw) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        maintainer.reconcileRating(id);
                        return null;
                    }));
                }
                start.countDown();
                for (var run : runs) {
                    run.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertRollupsEqualRecomputation();
        long counted = store.ratingRows(units).stream()
                .filter(r -> r.dimension() == RollupDimension.ALL
                        && r.grain() == 'D'
                        && r.criterion().equals("overall"))
                .mapToLong(RollupRow::answers)
                .sum();
        assertThat(counted).isEqualTo(6);
    }

    @Test
    void the_sweep_catches_up_with_events_that_were_lost() {
        // Ratings and changes committed without their events reaching the listener, as when a
        // node stops between the commit and the listener.
        DossierDetails rated = dossier(parent, daysAgo(1, 9), false, officers("cb-s", "RETURNING"));
        DossierDetails later = dossier(child, daysAgo(1, 10), false, officers("cb-s", "RECEIVING"));
        UUID lost = storedRaw(rated, daysAgo(1, 11), "DISSATISFIED", 0, "kiosk-s");
        UUID excluded = storedRaw(later, daysAgo(1, 12), "SATISFIED", 1, null);
        drainer.drainAll();
        maintainer.reconcileRating(excluded);
        jdbc.update(
                "UPDATE rating SET status = 'EXCLUDED', counted_dossier_id = NULL, status_changed_at = UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE "
                        + "WHERE id = ?",
                excluded.toString());
        // The dossier's ledger row was written ten minutes ago, the dossier changed five minutes ago.
        jdbc.update(
                "UPDATE dossier_rollup_ledger SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE WHERE dossier_id = ?",
                later.id().toString());
        jdbc.update(
                "UPDATE dossier SET returned_at = returned_at - INTERVAL 1 DAY, updated_at = UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE "
                        + "WHERE id = ?",
                later.id().toString());
        assertThat(sorted(store.ratingRows(units))).isNotEqualTo(sorted(rebuild.recomputeRatings(units)));
        assertThat(sortedReturns(store.returnRows(units))).isNotEqualTo(sortedReturns(rebuild.recomputeReturns(units)));

        assertThat(maintainer.sweep()).isGreaterThanOrEqualTo(3);

        assertRollupsEqualRecomputation();
        assertThat(store.ratingRows(units))
                .anyMatch(r -> r.status().equals("EXCLUDED") && r.dimension() == RollupDimension.ALL);
        // Nothing is left out of step for these units: a second sweep finds none of their ratings or dossiers.
        drainer.drainAll();
        List<RollupRow> before = sorted(store.ratingRows(units));
        maintainer.sweep();
        drainer.drainAll();
        assertThat(sorted(store.ratingRows(units))).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating r LEFT JOIN rating_rollup_ledger l ON l.rating_id = r.id "
                                + "WHERE r.id IN (?, ?) AND (l.rating_id IS NULL OR l.status <> r.status)",
                        Integer.class,
                        lost.toString(),
                        excluded.toString()))
                .isZero();
    }

    @Test
    void a_rebuild_repairs_damaged_rollups_and_later_events_stay_idempotent() {
        DossierDetails d = dossier(parent, daysAgo(5, 8), true, officers("cb-y", "RECEIVING"));
        RatingOutcome r = rate(d, "QR", Map.of("overall", "SATISFIED"), List.of(), null);
        String unit = d.evaluatedUnitId().toString();
        // Applied first: damage done before the worker applies the rating would damage no row.
        drainer.drainAll();
        jdbc.update("UPDATE rating_rollup SET answers = answers + 5 WHERE unit_id = ? AND dimension = 'ALL'", unit);
        jdbc.update("DELETE FROM dossier_rollup WHERE unit_id = ? AND dimension = 'PROCEDURE'", unit);
        assertThat(sorted(store.ratingRows(units))).isNotEqualTo(sorted(rebuild.recomputeRatings(units)));

        units.forEach(rebuild::rebuild);

        assertRollupsEqualRecomputation();
        maintainer.reconcileRating(r.ratingId().value());
        maintainer.reconcileDossier(d.id().value());
        assertRollupsEqualRecomputation();
    }

    @Test
    void a_unit_above_sums_the_units_below_and_a_moved_unit_takes_its_figures_along() {
        rate(
                dossier(child, daysAgo(4, 9), false, officers("cb-m", "RECEIVING")),
                "KIOSK",
                Map.of("overall", "SATISFIED"),
                List.of(),
                "kiosk-m1");
        rate(
                dossier(parent, daysAgo(6, 10), true, List.of()),
                "QR",
                Map.of("overall", "DISSATISFIED"),
                List.of("SLOW"),
                null);
        String other = TestData.agencyCode();
        UUID otherId = directory
                .upsertUnit(other, new UnitChange("Sở khác", "DEPARTMENT", null, null, null, null, null))
                .unit()
                .id();
        UUID parentId = directory.getUnit(parent).id();
        units = Set.of(parentId, directory.getUnit(child).id(), otherId);
        assertRollupsEqualRecomputation();
        assertThat(rowsBelow(parentId))
                .as("the parent's rows of the units below")
                .isNotEmpty();
        assertThat(rowsBelow(otherId)).isEmpty();

        directory.upsertUnit(child, new UnitChange("Phòng thử rollup", "OTHER", other, null, null, null, null));

        assertRollupsEqualRecomputation();
        assertThat(rowsBelow(parentId))
                .as("nothing is below the parent any more")
                .isEmpty();
        assertThat(rowsBelow(otherId)).isNotEmpty();
        // A rating of the moved unit now counts under its new parent only.
        rate(
                dossier(child, daysAgo(2, 15), false, List.of()),
                "QR",
                Map.of("overall", "VERY_SATISFIED"),
                List.of(),
                null);
        assertRollupsEqualRecomputation();
    }

    List<RollupRow> rowsBelow(UUID unit) {
        drainer.drainAll();
        return store.ratingRows(Set.of(unit)).stream()
                .filter(r -> r.reach() == RollupRow.BELOW)
                .toList();
    }
}
