package vn.hailong.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Selection;
import vn.hailong.dashboard.UnitNode;
import vn.hailong.directory.DirectoryService;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What staff may do, called on the services directly (as a view would), with the staff member's
 * session in the security context: officers never rate, and managers see only their own units.
 */
@HaiLongTest
class StaffAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    RatingService ratings;

    @Autowired
    DashboardService dashboard;

    @Autowired
    DirectoryService directory;

    @Autowired
    RollupDrainer drainer;

    OneStopSoftware oneStop;

    @BeforeEach
    void connect() {
        oneStop = new OneStopSoftware(port);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String account(Role role, String unit) {
        String username =
                role.name().toLowerCase() + "-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "mat-khau-" + username, "Cán bộ thử", role, unit);
        return username;
    }

    void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    static RatingSubmission rating(String dossierCode, String channel) {
        return new RatingSubmission(
                dossierCode,
                channel,
                UUID.randomUUID().toString(),
                Map.of("overall", "VERY_SATISFIED"),
                List.of(),
                null,
                "kiosk-01");
    }

    /** The units the user may read on the dashboard, by code. */
    List<String> visibleUnits() {
        return dashboard.unitTree().stream().map(UnitNode::code).toList();
    }

    /** The dashboard's figures of a unit's subtree over the last week, once the rollups have caught up. */
    Figures lastWeekOf(String unitCode) {
        drainer.drainAll();
        LocalDate today = LocalDate.now(OneStopSoftware.ZONE);
        return dashboard
                .headline(new Selection(
                        DashboardPeriod.custom(today.minusDays(7), today),
                        directory.getUnit(unitCode).id()))
                .current();
    }

    @Test
    void an_officer_cannot_rate_even_through_the_citizens_qr_channel() {
        String unit = oneStop.registersUnit("COMMUNE");
        String dossier = oneStop.sendsReceivedDossier(unit);
        signIn(account(Role.OFFICER, unit));

        assertThatThrownBy(() -> ratings.submit(rating(dossier, "QR"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ratings.submit(rating(dossier, "KIOSK"))).isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext();
        assertThat(oneStop.api()
                        .get("/api/v1/dossiers/" + dossier)
                        .json()
                        .get("rated")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_unit_manager_cannot_rate_at_the_kiosk_either() {
        String unit = oneStop.registersUnit("COMMUNE");
        String dossier = oneStop.sendsReceivedDossier(unit);
        signIn(account(Role.UNIT_MANAGER, unit));

        assertThatThrownBy(() -> ratings.submit(rating(dossier, "KIOSK"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_citizen_without_a_session_may_rate_through_the_qr_channel() {
        String unit = oneStop.registersUnit("COMMUNE");
        String dossier = oneStop.sendsReceivedDossier(unit);

        RatingOutcome outcome = ratings.submit(rating(dossier, "QR"));

        assertThat(outcome.replayed()).isFalse();
        assertThat(oneStop.api()
                        .get("/api/v1/dossiers/" + dossier)
                        .json()
                        .get("rated")
                        .asBoolean())
                .isTrue();
    }

    /** Unit A with a sub-unit, and unit B; each returned a dossier an hour ago, and A and B have a rating. */
    record Province(String a, String subA, String b) {}

    Province provinceWithFigures() {
        String a = oneStop.registersUnit("DEPARTMENT");
        String subA = oneStop.registersUnit("SERVICE_CENTRE", a);
        String b = oneStop.registersUnit("DEPARTMENT");
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        String dossierA = oneStop.sendsReturnedDossier(a, anHourAgo);
        oneStop.sendsReturnedDossier(subA, anHourAgo);
        String dossierB = oneStop.sendsReturnedDossier(b, anHourAgo);
        assertThat(oneStop.relays(OneStopSoftware.rating(dossierA, "SATISFIED")).status())
                .isEqualTo(201);
        Map<String, Object> unhappy = OneStopSoftware.rating(dossierB, "DISSATISFIED");
        unhappy.put("reasons", List.of("SLOW"));
        assertThat(oneStop.relays(unhappy).status()).isEqualTo(201);
        return new Province(a, subA, b);
    }

    @Test
    void a_unit_manager_sees_their_unit_and_its_sub_units_but_never_another_unit() {
        Province province = provinceWithFigures();
        signIn(account(Role.UNIT_MANAGER, province.a()));

        assertThat(visibleUnits()).containsExactlyInAnyOrder(province.a(), province.subA());
        Figures a = lastWeekOf(province.a());
        assertThat(a.returned()).as("A and its sub-unit").isEqualTo(2);
        assertThat(a.ratings()).isEqualTo(1);
        assertThat(a.happy()).isEqualTo(1);
        assertThat(a.satisfactionRate()).isEqualTo(100.0);
        assertThatThrownBy(() -> lastWeekOf(province.b())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_manager_of_a_sub_unit_does_not_see_the_unit_above() {
        Province province = provinceWithFigures();
        signIn(account(Role.UNIT_MANAGER, province.subA()));

        assertThat(visibleUnits()).containsExactly(province.subA());
        assertThatThrownBy(() -> lastWeekOf(province.a())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_province_manager_sees_every_unit() {
        Province province = provinceWithFigures();
        signIn(account(Role.PROVINCE_MANAGER, null));

        assertThat(visibleUnits()).contains(province.a(), province.subA(), province.b());
        Figures b = lastWeekOf(province.b());
        assertThat(b.ratings()).isEqualTo(1);
        assertThat(b.happy()).isZero();
        assertThat(b.satisfactionRate()).isEqualTo(0.0);
    }

    @Test
    void an_officer_cannot_read_the_satisfaction_figures() {
        String unit = oneStop.registersUnit("COMMUNE");
        signIn(account(Role.OFFICER, unit));

        assertThatThrownBy(() -> dashboard.unitTree()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lastWeekOf(unit)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_without_a_session_can_read_the_satisfaction_figures() {
        assertThatThrownBy(() -> dashboard.unitTree())
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
    }
}
