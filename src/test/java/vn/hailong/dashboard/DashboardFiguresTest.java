package vn.hailong.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every number of the dashboard equals the same figure recomputed with plain SQL from the raw
 * ratings and dossiers: headline figures of three periods, averages per criterion, and each breakdown.
 */
@HaiLongTest
class DashboardFiguresTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccountService accounts;

    @Autowired
    DashboardService dashboard;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    RatingDetailService ratingDetails;

    /** One small province for the whole class: building it costs seconds. */
    static DashboardFixture f;

    @BeforeEach
    void aSmallProvince() {
        if (f == null) {
            f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The raw truth for a period and units, by plain SQL. */
    record Raw(
            long returned,
            long late,
            long ratings,
            long happy,
            long unhappy,
            Map<String, long[]> criteria,
            long superseded) {}

    static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    Object[] args(Set<UUID> units, DashboardPeriod p, String extra) {
        Instant from = p.from().atStartOfDay(DashboardFixture.ZONE).toInstant();
        Instant to = p.to().plusDays(1).atStartOfDay(DashboardFixture.ZONE).toInstant();
        List<Object> a = new ArrayList<>(units.stream().map(UUID::toString).toList());
        a.add(utc(from));
        a.add(utc(to));
        return a.toArray();
    }

    static String in(Set<UUID> units) {
        return units.stream().map(u -> "?").collect(Collectors.joining(", "));
    }

    Raw raw(Set<UUID> units, DashboardPeriod p, String ratingFilter, String dossierFilter) {
        Map<String, Object> d = jdbc.queryForMap(
                "SELECT COUNT(*) n, COALESCE(SUM(timeliness = 'LATE'), 0) late FROM dossier d WHERE evaluated_agency_id IN ("
                        + in(units) + ") AND returned_at >= ? AND returned_at < ?" + dossierFilter,
                args(units, p, null));
        Map<String, Object> r = jdbc.queryForMap(
                "SELECT COUNT(*) n, COALESCE(SUM(overall_points > 0), 0) happy, COALESCE(SUM(overall_points = 0), 0) unhappy "
                        + "FROM rating r WHERE status = 'COUNTED' AND evaluated_agency_id IN (" + in(units)
                        + ") AND submitted_at >= ? AND submitted_at < ?"
                        + ratingFilter,
                args(units, p, null));
        Map<String, long[]> criteria = new HashMap<>();
        jdbc.query(
                "SELECT a.criterion_key, COUNT(*), SUM(a.points) FROM rating_answer a JOIN rating r ON r.id = a.rating_id WHERE r.status = 'COUNTED' "
                        + "AND r.evaluated_agency_id IN (" + in(units)
                        + ") AND r.submitted_at >= ? AND r.submitted_at < ?" + ratingFilter
                        + " GROUP BY a.criterion_key",
                rs -> {
                    criteria.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                args(units, p, null));
        long superseded = jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating r WHERE status = 'SUPERSEDED' AND evaluated_agency_id IN (" + in(units)
                        + ") AND submitted_at >= ? AND submitted_at < ?" + ratingFilter,
                Long.class,
                args(units, p, null));
        return new Raw(
                ((Number) d.get("n")).longValue(),
                ((Number) d.get("late")).longValue(),
                ((Number) r.get("n")).longValue(),
                ((Number) r.get("happy")).longValue(),
                ((Number) r.get("unhappy")).longValue(),
                criteria,
                superseded);
    }

    /**
     * A breakdown row (procedure, officer, counter, channel, hour) against the raw ratings: its
     * rollups keep the criterion "overall" only, so the other criteria's averages are not compared.
     */
    static void assertMatchesBreakdown(Figures figures, Raw raw) {
        Map<String, long[]> overall = new HashMap<>();
        if (raw.criteria().containsKey("overall")) {
            overall.put("overall", raw.criteria().get("overall"));
        }
        assertMatches(
                figures,
                new Raw(
                        raw.returned(),
                        raw.late(),
                        raw.ratings(),
                        raw.happy(),
                        raw.unhappy(),
                        overall,
                        raw.superseded()));
    }

    static void assertMatches(Figures figures, Raw raw) {
        assertThat(figures.returned()).as("returned").isEqualTo(raw.returned());
        assertThat(figures.late()).as("late").isEqualTo(raw.late());
        assertThat(figures.ratings()).as("ratings").isEqualTo(raw.ratings());
        assertThat(figures.happy()).as("satisfied").isEqualTo(raw.happy());
        assertThat(figures.dissatisfied()).as("dissatisfied").isEqualTo(raw.unhappy());
        assertThat(figures.satisfactionRate()).isEqualTo(UnitSatisfaction.rate(raw.happy(), raw.ratings()));
        assertThat(figures.coverage())
                .isEqualTo(
                        raw.returned() == 0
                                ? null
                                : BigDecimal.valueOf(raw.ratings() * 100)
                                        .divide(BigDecimal.valueOf(raw.returned()), 1, RoundingMode.HALF_UP)
                                        .doubleValue());
        assertThat(figures.superseded()).as("superseded").isEqualTo(raw.superseded());
        raw.criteria().forEach((criterion, sums) -> {
            assertThat(figures.criteria().get(criterion).answers())
                    .as(criterion)
                    .isEqualTo(sums[0]);
            assertThat(figures.criteria().get(criterion).points()).as(criterion).isEqualTo(sums[1]);
        });
        assertThat(figures.criteria().keySet()).isEqualTo(raw.criteria().keySet());
    }

    DashboardPeriod thisMonth() {
        return DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, LocalDate.now(DashboardFixture.ZONE));
    }

    @Test
    void headline_figures_of_three_periods_match_the_raw_ratings() {
        DashboardFixture.signIn(accounts, Role.PROVINCE_MANAGER, null);
        Headline h = dashboard.headline(new Selection(thisMonth(), f.parentId));

        assertMatches(h.current(), raw(f.parentSubtree(), thisMonth(), "", ""));
        // This month runs: it is compared with as many days of last month and of this month a year ago.
        long days = LocalDate.now(DashboardFixture.ZONE).getDayOfMonth();
        assertThat(h.asOf()).isEqualTo(LocalDate.now(DashboardFixture.ZONE));
        assertThat(h.previousPeriod()).isEqualTo(thisMonth().previous().firstDays(days));
        assertThat(h.lastYearPeriod()).isEqualTo(thisMonth().sameLastYear().firstDays(days));
        assertMatches(h.previous(), raw(f.parentSubtree(), h.previousPeriod(), "", ""));
        assertMatches(h.lastYear(), raw(f.parentSubtree(), h.lastYearPeriod(), "", ""));
        // The fixture's own expectations, so that a wrong recomputation cannot agree by accident.
        assertThat(h.current().returned()).isEqualTo(14);
        assertThat(h.current().ratings()).isEqualTo(12);
        assertThat(h.current().superseded()).isEqualTo(2);
        assertThat(h.previous().returned()).isEqualTo(6);
        assertThat(h.previous().ratings()).isEqualTo(4);
        assertThat(h.lastYear().ratings()).isEqualTo(5);
        assertThat(h.lastYear().satisfactionRate()).isEqualTo(100.0);
    }

    @Test
    void every_month_of_the_trend_and_the_same_month_a_year_earlier_match_the_raw_ratings() {
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        List<TrendPoint> trend = dashboard.trend(new Selection(thisMonth(), f.parentId));

        assertThat(trend).hasSize(12);
        assertThat(trend.getLast().month()).isEqualTo(YearMonth.now(DashboardFixture.ZONE));
        for (TrendPoint p : trend) {
            DashboardPeriod month = DashboardPeriod.containing(
                    DashboardPeriod.Kind.MONTH, p.month().atDay(1));
            assertMatches(p.figures(), raw(f.parentSubtree(), month, "", ""));
            assertMatches(p.yearBefore(), raw(f.parentSubtree(), month.sameLastYear(), "", ""));
        }
        assertThat(trend.getLast().figures().ratings()).isEqualTo(12);
        assertThat(trend.getLast().yearBefore().ratings()).isEqualTo(5);
        assertThat(trend.get(10).figures().ratings()).isEqualTo(4);
        // A year shows its twelve months; a custom period of three years and more, its last 36.
        assertThat(dashboard.trend(new Selection(
                        DashboardPeriod.containing(DashboardPeriod.Kind.YEAR, LocalDate.of(2025, 6, 1)), f.parentId)))
                .extracting(TrendPoint::month)
                .first()
                .isEqualTo(YearMonth.of(2025, 1));
        assertThat(dashboard.trend(new Selection(
                        DashboardPeriod.custom(LocalDate.of(2020, 1, 15), LocalDate.of(2025, 3, 2)), f.parentId)))
                .hasSize(36);
    }

    @Test
    void a_custom_period_across_months_and_a_quarter_match_too() {
        DashboardFixture.signIn(accounts, Role.ADMIN, null);
        DashboardPeriod custom = DashboardPeriod.custom(
                LocalDate.now(DashboardFixture.ZONE)
                        .withDayOfMonth(1)
                        .minusMonths(1)
                        .plusDays(1),
                LocalDate.now(DashboardFixture.ZONE).minusDays(1));
        assertMatches(
                dashboard.headline(new Selection(custom, f.parentId)).current(),
                raw(f.parentSubtree(), custom, "", ""));
        DashboardPeriod quarter = DashboardPeriod.containing(
                DashboardPeriod.Kind.QUARTER,
                LocalDate.now(DashboardFixture.ZONE).minusYears(1));
        assertMatches(
                dashboard.headline(new Selection(quarter, f.parentId)).current(),
                raw(f.parentSubtree(), quarter, "", ""));
        // A year (year rows), and a period from twenty days before last year's month to today:
        // day, month, quarter (and, when it spans one, year) rows together.
        DashboardPeriod year = DashboardPeriod.containing(
                DashboardPeriod.Kind.YEAR, LocalDate.now(DashboardFixture.ZONE).minusYears(1));
        assertMatches(
                dashboard.headline(new Selection(year, f.parentId)).current(), raw(f.parentSubtree(), year, "", ""));
        LocalDate today = LocalDate.now(DashboardFixture.ZONE);
        DashboardPeriod longer =
                DashboardPeriod.custom(today.withDayOfMonth(1).minusYears(1).minusDays(20), today);
        Figures all = dashboard.headline(new Selection(longer, f.parentId)).current();
        assertMatches(all, raw(f.parentSubtree(), longer, "", ""));
        assertThat(all.ratings()).isEqualTo(12 + 4 + 5);
        long byProcedure = 0;
        for (BreakdownRow row : breakdowns.breakdown(new Selection(longer, f.parentId), Breakdown.PROCEDURE)) {
            assertMatchesBreakdown(
                    row.figures(),
                    raw(
                            f.parentSubtree(),
                            longer,
                            " AND CAST(r.procedure_id AS CHAR) = '" + row.key() + "'",
                            " AND CAST(d.procedure_id AS CHAR) = '" + row.key() + "'"));
            byProcedure += row.figures().ratings();
        }
        assertThat(byProcedure).isEqualTo(all.ratings());
    }

    @Test
    void every_breakdown_row_matches_the_raw_ratings() {
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        Selection s = new Selection(thisMonth(), null);

        List<BreakdownRow> units = breakdowns.breakdown(s, Breakdown.UNIT);
        assertThat(units).extracting(BreakdownRow::key).containsExactly(f.parentId.toString());
        assertMatches(units.getFirst().figures(), raw(f.parentSubtree(), thisMonth(), "", ""));
        List<BreakdownRow> drilled = breakdowns.breakdown(new Selection(thisMonth(), f.parentId), Breakdown.UNIT);
        assertThat(drilled)
                .extracting(BreakdownRow::key)
                .containsExactlyInAnyOrder(f.parentId.toString(), f.childId.toString());
        for (BreakdownRow row : drilled) {
            assertMatches(row.figures(), raw(Set.of(UUID.fromString(row.key())), thisMonth(), "", ""));
        }

        List<BreakdownRow> procedures = breakdowns.breakdown(s, Breakdown.PROCEDURE);
        assertThat(procedures).hasSize(3);
        for (BreakdownRow row : procedures) {
            assertMatchesBreakdown(
                    row.figures(),
                    raw(
                            f.parentSubtree(),
                            thisMonth(),
                            " AND CAST(r.procedure_id AS CHAR) = '" + row.key() + "'",
                            " AND CAST(d.procedure_id AS CHAR) = '" + row.key() + "'"));
            assertThat(row.label()).startsWith("Thủ tục thử");
        }

        for (BreakdownRow row : breakdowns.breakdown(s, Breakdown.CHANNEL)) {
            Raw raw = raw(f.parentSubtree(), thisMonth(), " AND r.channel = '" + row.key() + "'", " AND FALSE");
            assertThat(row.figures().ratings()).isEqualTo(raw.ratings());
            assertThat(row.figures().happy()).isEqualTo(raw.happy());
            assertThat(row.figures().superseded()).isEqualTo(raw.superseded());
        }
        assertThat(breakdowns.breakdown(s, Breakdown.CHANNEL))
                .extracting(BreakdownRow::key)
                .containsExactlyInAnyOrder("KIOSK", "QR", "PORTAL", "PAPER", "PHONE");

        // Kiosk devices (the integrity panel); counters from handovers: CounterCoverageTest.
        for (BreakdownRow row : breakdowns.integrity(s).devices()) {
            Raw raw = raw(f.parentSubtree(), thisMonth(), " AND r.device_id = '" + row.key() + "'", " AND FALSE");
            assertThat(row.figures().ratings()).isEqualTo(raw.ratings());
            assertThat(row.figures().superseded()).isEqualTo(raw.superseded());
        }
    }

    @Test
    void breakdowns_of_a_custom_period_with_edge_days_match_the_raw_ratings() {
        // The partial months at the custom period's ends come from day rows, the month between
        // from a month row.
        DashboardFixture.signIn(accounts, Role.PROVINCE_MANAGER, null);
        LocalDate today = LocalDate.now(DashboardFixture.ZONE);
        DashboardPeriod custom =
                DashboardPeriod.custom(today.withDayOfMonth(1).minusMonths(2).plusDays(3), today);
        Selection s = new Selection(custom, f.parentId);
        List<BreakdownRow> procedures = breakdowns.breakdown(s, Breakdown.PROCEDURE);
        assertThat(procedures).isNotEmpty();
        long ratings = 0;
        for (BreakdownRow row : procedures) {
            assertMatchesBreakdown(
                    row.figures(),
                    raw(
                            f.parentSubtree(),
                            custom,
                            " AND CAST(r.procedure_id AS CHAR) = '" + row.key() + "'",
                            " AND CAST(d.procedure_id AS CHAR) = '" + row.key() + "'"));
            ratings += row.figures().ratings();
        }
        assertThat(ratings)
                .isEqualTo(raw(f.parentSubtree(), custom, "", "").ratings())
                .isGreaterThan(12);
        for (BreakdownRow row : breakdowns.breakdown(s, Breakdown.CHANNEL)) {
            Raw raw = raw(f.parentSubtree(), custom, " AND r.channel = '" + row.key() + "'", " AND FALSE");
            assertThat(row.figures().ratings()).as(row.key()).isEqualTo(raw.ratings());
            assertThat(row.figures().superseded()).as(row.key()).isEqualTo(raw.superseded());
        }
        String byOfficer =
                " AND EXISTS (SELECT 1 FROM dossier_officer x JOIN officer o ON o.id = x.officer_id WHERE x.dossier_id = %s AND o.external_id = '"
                        + f.officerMany + "')";
        BreakdownRow officer = breakdowns.breakdown(s, Breakdown.OFFICER).stream()
                .filter(r -> r.key().equals(f.officerMany))
                .findFirst()
                .orElseThrow();
        assertMatchesBreakdown(
                officer.figures(),
                raw(f.parentSubtree(), custom, byOfficer.formatted("r.dossier_id"), byOfficer.formatted("d.id")));
        assertThat(dashboard.hourGrid(s).stream().mapToLong(HourCell::ratings).sum())
                .isEqualTo(ratings);
    }

    @Test
    void officers_appear_only_from_the_minimum_number_of_ratings() {
        DashboardFixture.signIn(accounts, Role.PROVINCE_MANAGER, null);
        List<BreakdownRow> officers = breakdowns.breakdown(new Selection(thisMonth(), f.parentId), Breakdown.OFFICER);
        // officerMany has 10 rated-or-not dossiers this month (8 counted ratings); officerFew only 2 ratings: hidden.
        assertThat(officers).extracting(BreakdownRow::key).containsExactly(f.officerMany);
        assertThat(officers.getFirst().label()).isEqualTo("Cán bộ " + f.officerMany);
        String byOfficer =
                " AND EXISTS (SELECT 1 FROM dossier_officer x JOIN officer o ON o.id = x.officer_id WHERE x.dossier_id = %s AND o.external_id = '"
                        + f.officerMany + "')";
        assertMatchesBreakdown(
                officers.getFirst().figures(),
                raw(f.parentSubtree(), thisMonth(), byOfficer.formatted("r.dossier_id"), byOfficer.formatted("d.id")));
        assertThat(officers.getFirst().figures().ratings()).isGreaterThanOrEqualTo(breakdowns.officerMinRatings());
    }

    @Test
    void the_hour_grid_adds_up_to_the_ratings_and_matches_each_hour() {
        DashboardFixture.signIn(accounts, Role.AUDITOR, null);
        Selection s = new Selection(thisMonth(), f.parentId);
        List<HourCell> cells = dashboard.hourGrid(s);
        assertThat(cells.stream().mapToLong(HourCell::ratings).sum())
                .isEqualTo(raw(f.parentSubtree(), thisMonth(), "", "").ratings());
        for (HourCell c : cells) {
            String hour = " AND WEEKDAY(r.submitted_at + INTERVAL 7 HOUR) + 1 = " + c.weekday()
                    + " AND HOUR(r.submitted_at + INTERVAL 7 HOUR) = " + c.hour();
            Raw raw = raw(f.parentSubtree(), thisMonth(), hour, " AND FALSE");
            assertThat(c.ratings()).isEqualTo(raw.ratings());
            assertThat(c.happy()).isEqualTo(raw.happy());
        }
    }

    @Test
    void unhappy_ratings_newest_first_filtered_and_integrity_counts() {
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
        Selection s = new Selection(thisMonth(), null);
        List<UnhappyRating> all = ratingDetails.unhappy(s, null, null, 50);
        assertThat(all).extracting(UnhappyRating::dossierCode).doesNotContain((String) null);
        assertThat(all).hasSize((int) raw(f.parentSubtree(), thisMonth(), " AND overall_points = 0", "")
                .unhappy());
        assertThat(all)
                .isSortedAccordingTo(
                        Comparator.comparing(UnhappyRating::submittedAt).reversed());
        assertThat(ratingDetails.unhappy(s, "EXTRA_DOCUMENTS", null, 50))
                .extracting(UnhappyRating::dossierCode)
                .containsExactly(f.unhappyDossier.code());
        assertThat(ratingDetails.unhappy(s, null, "chậm", 50))
                .extracting(UnhappyRating::comment)
                .containsExactly("Trả kết quả chậm");
        assertThat(ratingDetails.unhappy(s, null, "thờ ơ", 50)).hasSize(1);

        Integrity integrity = breakdowns.integrity(s);
        assertThat(integrity.totals().superseded()).isEqualTo(2);
        assertThat(integrity.devices()).extracting(BreakdownRow::key).containsExactlyInAnyOrder("quay-1", "quay-2");
        assertThat(integrity.devices().stream()
                        .filter(r -> r.key().equals("quay-1"))
                        .findFirst()
                        .orElseThrow()
                        .figures()
                        .superseded())
                .isEqualTo(2);
    }

    @Test
    void a_unit_manager_cannot_select_a_unit_outside_the_scope_nor_read_its_dossiers() {
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.child);
        assertThatThrownBy(() -> dashboard.headline(new Selection(thisMonth(), f.parentId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.headline(new Selection(thisMonth(), f.otherId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ratingDetails.dossier(f.unhappyDossier.code()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(dashboard.unitTree()).extracting(UnitNode::id).containsExactly(f.childId);
        // Everything in scope is the child only: no figure of the parent or the other unit leaks in.
        assertMatches(
                dashboard.headline(new Selection(thisMonth(), null)).current(),
                raw(Set.of(f.childId), thisMonth(), "", ""));
    }
}
