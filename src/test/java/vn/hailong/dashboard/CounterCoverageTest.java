package vn.hailong.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.intake.DossierSubmission.OfficerPart;
import vn.hailong.platform.Ids;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage by counter from the kiosk's handovers: each dossier counts once, at the counter of its
 * last handover in the period; rated when it has a counted rating. Checked against a plain SQL
 * recomputation written another way (latest handover per dossier by GROUP BY).
 */
@HaiLongTest
class CounterCoverageTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    AccountService accounts;

    @Autowired
    BreakdownService breakdowns;

    private int sequence;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void counters_coverage_and_satisfaction_come_from_the_last_handover_of_each_dossier() {
        String suffix = TestData.uniqueSuffix();
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở Quầy Thử " + suffix, "DEPARTMENT", null, null, null, null, null));
        String otherUnit = TestData.agencyCode();
        directory.upsertUnit(
                otherUnit, new UnitChange("Xã Quầy khác " + suffix, "COMMUNE", null, null, null, null, null));
        String centre = "TTQ-" + suffix;
        directory.upsertCentre(centre, "Trung tâm thử " + suffix, unit);
        UUID busy = directory.upsertCounter("QA-" + suffix, "Quầy A", centre);
        UUID quiet = directory.upsertCounter("QB-" + suffix, "Quầy B", centre);
        UUID former = directory.upsertCounter("QC-" + suffix, "Quầy C", centre);

        LocalDate today = LocalDate.now(DashboardFixture.ZONE);
        Instant monthStart =
                today.withDayOfMonth(1).atStartOfDay(DashboardFixture.ZONE).toInstant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Counter A: 12 dossiers, 10 rated (one superseded rating does not count, the phone one does).
        // Counter B: 10 dossiers, 2 rated: below half of all counters' coverage, an outlier.
        // Dossier a0 was first handed over at counter C, then at A: it counts for A only.
        // A dossier of another unit, handed over at A, stays outside the scope; last month's handovers outside the
        // period.
        List<DossierDetails> a = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            DossierDetails d = dossier(unit, suffix, "a" + i);
            a.add(d);
            handover(busy, d, at(monthStart, now, i));
            if (i < 10) {
                rating(d, i == 3 ? 0 : i % 2 == 0 ? 2 : 1, "COUNTED");
            }
        }
        rating(a.get(10), 2, "SUPERSEDED");
        handover(former, a.get(0), at(monthStart, now, 0).minusSeconds(60));
        for (int i = 0; i < 10; i++) {
            DossierDetails d = dossier(unit, suffix, "b" + i);
            handover(quiet, d, at(monthStart, now, i));
            if (i < 2) {
                rating(d, 0, "COUNTED");
            }
        }
        DossierDetails outside = dossier(otherUnit, suffix, "x");
        handover(busy, outside, at(monthStart, now, 1));
        rating(outside, 2, "COUNTED");
        DossierDetails earlier = dossier(unit, suffix, "old");
        handover(former, earlier, monthStart.minus(3, ChronoUnit.DAYS));

        rollups.drainAll();
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, unit);
        UUID unitId = directory.getUnit(unit).id();
        Selection month = new Selection(DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, today), unitId);
        List<BreakdownRow> rows = breakdowns.breakdown(month, Breakdown.COUNTER);

        Map<String, long[]> raw = recompute(
                unitId,
                monthStart,
                today.withDayOfMonth(1)
                        .plusMonths(1)
                        .atStartOfDay(DashboardFixture.ZONE)
                        .toInstant());
        assertThat(rows).extracting(BreakdownRow::key).containsExactlyInAnyOrderElementsOf(raw.keySet());
        for (BreakdownRow row : rows) {
            long[] r = raw.get(row.key());
            assertThat(row.figures().returned())
                    .as("handed over at %s", row.label())
                    .isEqualTo(r[0]);
            assertThat(row.figures().ratings()).as("rated at %s", row.label()).isEqualTo(r[1]);
            assertThat(row.figures().happy()).as("satisfied at %s", row.label()).isEqualTo(r[2]);
        }
        // The fixture's own expectations, so that a wrong recomputation cannot agree by accident.
        BreakdownRow rowA = rows.stream()
                .filter(r -> r.key().equals(busy.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(rowA.figures().returned()).isEqualTo(12);
        assertThat(rowA.figures().ratings()).isEqualTo(10);
        assertThat(rowA.figures().coverage()).isEqualTo(83.3);
        assertThat(rowA.figures().satisfactionRate()).isEqualTo(90.0);
        assertThat(rowA.label()).isEqualTo("Quầy A · Trung tâm thử " + suffix);
        assertThat(rows).extracting(BreakdownRow::key).doesNotContain(former.toString());

        Integrity integrity = breakdowns.integrity(month);
        assertThat(integrity.counters()).extracting(Outlier::key).containsExactly(quiet.toString());
        assertThat(integrity.counters().getFirst().coverage()).isEqualTo(20.0);
        assertThat(integrity.counters().getFirst().expectedCoverage()).isEqualTo(54.5);
    }

    /** Per counter: handed over, rated, satisfied; by latest handover per dossier found with GROUP BY. */
    private Map<String, long[]> recompute(UUID unit, Instant from, Instant to) {
        Map<String, long[]> result = new HashMap<>();
        jdbc.query(
                """
                SELECT h.counter_id, COUNT(*), SUM(EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = h.dossier_id AND r.status = 'COUNTED')),
                       SUM(EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = h.dossier_id AND r.status = 'COUNTED' AND r.overall_points > 0))
                FROM kiosk_handover h
                JOIN (SELECT dossier_id, MAX(handed_over_at) AS latest FROM kiosk_handover
                      WHERE handed_over_at >= ? AND handed_over_at < ? GROUP BY dossier_id) last
                  ON last.dossier_id = h.dossier_id AND last.latest = h.handed_over_at
                JOIN dossier d ON d.id = h.dossier_id AND d.evaluated_agency_id = ?
                GROUP BY h.counter_id""",
                rs -> {
                    result.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                },
                utc(from),
                utc(to),
                unit.toString());
        return result;
    }

    private static Instant at(Instant monthStart, Instant now, int i) {
        Instant t = monthStart.plus(1, ChronoUnit.HOURS).plus(i, ChronoUnit.MINUTES);
        return t.isAfter(now) ? now.minus(30 - i, ChronoUnit.SECONDS) : t;
    }

    private static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private DossierDetails dossier(String unit, String suffix, String tag) {
        Instant returned = Instant.now().minus(1, ChronoUnit.MINUTES);
        String code = TestData.dossierCode(unit, ++sequence);
        return intake.upsert(
                        code,
                        new DossierSubmission(
                                "1.009" + (tag.hashCode() & 0xff),
                                "Thủ tục quầy " + tag,
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RETURNED",
                                DashboardFixture.iso(returned.minus(5, ChronoUnit.DAYS)),
                                DashboardFixture.iso(returned.plus(2, ChronoUnit.DAYS)),
                                DashboardFixture.iso(returned),
                                List.of(new OfficerPart("cbq-" + suffix, "Cán bộ quầy", "RETURNING")),
                                0))
                .dossier();
    }

    private void handover(UUID counter, DossierDetails d, Instant at) {
        jdbc.update(
                "INSERT INTO kiosk_handover (id, version, counter_id, dossier_id, officer_id, handed_over_at, expires_at, ended_at) "
                        + "VALUES (?, 0, ?, ?, 'cbq', ?, ?, ?)",
                Ids.newId().toString(),
                counter.toString(),
                d.id().toString(),
                utc(at),
                utc(at.plus(10, ChronoUnit.MINUTES)),
                utc(at.plus(2, ChronoUnit.MINUTES)));
    }

    private void rating(DossierDetails d, int points, String status) {
        UUID id = Ids.newId();
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        String option = points == 2 ? "VERY_SATISFIED" : points == 1 ? "SATISFIED" : "DISSATISFIED";
        jdbc.update(
                "INSERT INTO rating (id, version, dossier_id, counted_dossier_id, evaluated_agency_id, procedure_id, channel, template_id, "
                        + "status, overall_option, overall_points, comment, submitted_at, device_id, idempotency_key, request_hash) "
                        + "VALUES (?, 0, ?, ?, ?, ?, 'QR', ?, ?, ?, ?, NULL, ?, NULL, ?, ?)",
                id.toString(),
                d.id().toString(),
                "COUNTED".equals(status) ? d.id().toString() : null,
                d.evaluatedUnitId().toString(),
                d.procedureId().toString(),
                DashboardFixture.TEMPLATE,
                status,
                option,
                points,
                utc(Instant.now()),
                "cov-" + id,
                hash);
    }
}
