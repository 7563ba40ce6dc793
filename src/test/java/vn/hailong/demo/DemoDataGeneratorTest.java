package vn.hailong.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Selection;
import vn.hailong.demo.DemoPlan.PlannedDossier;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierStatus;
import vn.hailong.security.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator against the real schema, on a database of its own (a small demo: its own
 * properties make a separate application context). Guards the bulk JDBC inserts, which bypass
 * the entities: a schema change that breaks them fails here rather than on someone's first demo.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hailong.demo.enabled=true",
            "hailong.demo.seed=42",
            "hailong.demo.dossiers=1500",
            // The demo site's own kiosk-config, whose devices name the demo's counters.
            "hailong.kiosk.config-dir=kiosk-config"
        })
@ActiveProfiles("test")
// Its own context: close it afterwards and give the shared context its security strategy back.
@DirtiesContext
@ExtendWith(KeepsSecurityStrategy.class)
class DemoDataGeneratorTest {

    private final DemoDataGenerator generator;
    private final DossierIntakeService intake;
    private final DashboardService dashboard;
    private final BreakdownService breakdowns;
    private final RollupDrainer drainer;
    private final AccountService accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    DemoDataGeneratorTest(
            DemoDataGenerator generator,
            DossierIntakeService intake,
            DashboardService dashboard,
            BreakdownService breakdowns,
            RollupDrainer drainer,
            AccountService accounts,
            JdbcTemplate jdbc,
            Clock clock) {
        this.generator = generator;
        this.intake = intake;
        this.dashboard = dashboard;
        this.breakdowns = breakdowns;
        this.drainer = drainer;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void fills_the_province_at_start_up_and_a_second_run_changes_nothing() {
        Map<String, Object> before = counts();
        assertThat(before)
                .containsEntry("dossier", 1500L)
                .containsEntry("survey_link", 1500L)
                .containsEntry("user_account", 5L);

        generator.run();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_later_start_still_prints_where_to_begin_unrated_survey_links_and_the_log_ins() {
        Logger logger = (Logger) LoggerFactory.getLogger(DemoDataGenerator.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            generator.run();
        } finally {
            logger.detachAppender(seen);
        }
        List<String> lines =
                seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Demo data already present"));
        List<String> links = lines.stream()
                .filter(l -> l.startsWith("Demo survey link (not yet rated): "))
                .toList();
        assertThat(links).hasSize(3).allSatisfy(l -> assertThat(l).contains("/r/"));
        String code = links.getFirst()
                .substring(
                        links.getFirst().lastIndexOf("(dossier ") + "(dossier ".length(),
                        links.getFirst().length() - 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = ?",
                        Integer.class,
                        code))
                .as("the link's dossier is not rated")
                .isZero();
        assertThat(lines.stream().filter(l -> l.startsWith("Demo log-in: ")))
                .hasSize(DemoCatalogue.ACCOUNTS.size())
                .anySatisfy(l -> assertThat(l).isEqualTo("Demo log-in: admin / admin123! (ADMIN)"));
    }

    @Test
    void every_demo_rating_is_in_the_ratings_feed_once() {
        Long ratings = jdbc.queryForObject("SELECT COUNT(*) FROM rating", Long.class);
        assertThat(ratings).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT rating_id) FROM rating_change WHERE kind = 'RECORDED'", Long.class))
                .isEqualTo(ratings);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rating_change WHERE kind = 'RECORDED'", Long.class))
                .isEqualTo(ratings);
    }

    @Test
    void the_demo_sites_kiosk_devices_are_registered_at_the_demo_counters_on_a_fresh_database() {
        // kiosk-config/site.yaml runs after the generator, which creates the counters its devices name.
        List<Map<String, Object>> devices = jdbc.queryForList("""
                SELECT d.code AS device, c.code AS counter FROM kiosk_device d JOIN service_counter c ON c.id = d.counter_id
                ORDER BY d.code""");

        assertThat(devices)
                .containsExactly(
                        Map.of("device", "kiosk-q01", "counter", "TTPVHCC-H56-Q01"),
                        Map.of("device", "kiosk-q02", "counter", "TTPVHCC-H56-Q02"),
                        Map.of("device", "kiosk-q03", "counter", "TTPVHCC-H56-Q03"));
    }

    @Test
    void stored_dossiers_read_back_through_the_services_exactly_as_planned() {
        DemoPlan plan = DemoPlan.generate(42, 1500, LocalDate.now(clock), clock.getZone());
        PlannedDossier planned = plan.dossiers().stream()
                .filter(d -> d.status() == DossierStatus.RETURNED && d.rating() != null)
                .findFirst()
                .orElseThrow();

        DossierDetails stored = intake.get(planned.code());

        assertThat(stored.receivedAt()).isEqualTo(planned.receivedAt());
        assertThat(stored.dueAt()).isEqualTo(planned.dueAt());
        assertThat(stored.returnedAt()).isEqualTo(planned.returnedAt());
        assertThat(stored.timeliness()).isEqualTo(planned.timeliness());
        assertThat(stored.officers()).hasSize(planned.officers().size());
        Long ratings = jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE counted_dossier_id = ? AND submitted_at = ?",
                Long.class,
                stored.id().toString(),
                DemoDataGenerator.utc(planned.rating().submittedAt()));
        assertThat(ratings).isEqualTo(1);
    }

    @Test
    void every_not_satisfied_demo_rating_has_its_follow_up_case_at_a_plausible_stage() {
        Long dissatisfied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE status = 'COUNTED' AND overall_points = 0", Long.class);
        assertThat(dissatisfied).isPositive();
        Long withCase = jdbc.queryForObject("""
                SELECT COUNT(*) FROM rating r JOIN follow_up_case c ON c.rating_id = r.id AND c.responsible_unit_id = r.evaluated_agency_id
                WHERE r.status = 'COUNTED' AND r.overall_points = 0""", Long.class);
        assertThat(withCase).isEqualTo(dissatisfied);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM follow_up_case", Long.class))
                .isEqualTo(dissatisfied);
        // closed ones carry an outcome; cases still open are recent
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case WHERE status = 'CLOSED' AND outcome IS NULL", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM follow_up_case", String.class))
                .contains("CLOSED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM follow_up_case WHERE status = 'OPEN' AND opened_at < ?",
                        Long.class,
                        DemoDataGenerator.utc(clock.instant().minus(Duration.ofDays(13)))))
                .isZero();
    }

    @Test
    void the_dashboard_shows_the_demo_year_to_the_province_manager() {
        signIn("tinh");
        LocalDate today = LocalDate.now(clock);
        LocalDate firstDay = today.minusMonths(12).plusDays(1);
        Instant from = firstDay.atStartOfDay(clock.getZone()).toInstant();
        DemoPlan plan = DemoPlan.generate(42, 1500, today, clock.getZone());
        long returned = plan.dossiers().stream()
                .filter(d -> d.returnedAt() != null && !d.returnedAt().isBefore(from))
                .count();
        long rated = plan.dossiers().stream()
                .filter(d -> d.rating() != null && !d.rating().submittedAt().isBefore(from))
                .count();

        drainer.drainAll();
        Selection year = new Selection(DashboardPeriod.custom(firstDay, today), null);
        Figures province = dashboard.headline(year).current();

        assertThat(dashboard.unitTree()).hasSizeGreaterThan(30);
        assertThat(province.returned()).isEqualTo(returned);
        assertThat(province.ratings()).isEqualTo(rated);
        assertThat(breakdowns.breakdown(year, Breakdown.PROCEDURE).stream()
                        .map(r -> r.figures().satisfactionRate())
                        .distinct()
                        .count())
                .as("the demo's procedures are not all alike")
                .isGreaterThan(5);
    }

    private Map<String, Object> counts() {
        return jdbc.queryForMap("""
                SELECT (SELECT COUNT(*) FROM agency) AS agency, (SELECT COUNT(*) FROM service_counter) AS service_counter,
                       (SELECT COUNT(*) FROM officer) AS officer, (SELECT COUNT(*) FROM admin_procedure) AS admin_procedure,
                       (SELECT COUNT(*) FROM dossier) AS dossier, (SELECT COUNT(*) FROM dossier_officer) AS dossier_officer,
                       (SELECT COUNT(*) FROM rating) AS rating, (SELECT COUNT(*) FROM rating_answer) AS rating_answer,
                       (SELECT COUNT(*) FROM rating_reason) AS rating_reason, (SELECT COUNT(*) FROM complaint) AS complaint,
                       (SELECT COUNT(*) FROM survey_link) AS survey_link, (SELECT COUNT(*) FROM user_account) AS user_account""");
    }

    private void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
