package vn.hailong.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.dashboard.CounterDeskService.HandoverState;
import vn.hailong.dashboard.CounterDeskService.HandoverToday;
import vn.hailong.dashboard.ui.CounterDeskView;
import vn.hailong.directory.DirectoryService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountAdminService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The officer's own page: their counter's kiosk and today's handovers with whether each was
 * rated, never how; managers have the dashboard instead; officers still cannot rate.
 */
@HaiLongTest
class CounterDeskTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    KioskDeviceService devices;

    @Autowired
    RatingService ratings;

    @Autowired
    CounterDeskService desks;

    @Autowired
    AccountAdminService accountAdmin;

    OneStopSoftware oneStop;
    String unit;
    String otherUnit;
    UUID counter;
    UUID otherCounter;
    String rated;
    String notRated;
    String suffix;

    @BeforeEach
    void aCentreWithAKioskAndTwoHandoversToday() {
        oneStop = new OneStopSoftware(port);
        suffix = TestData.uniqueSuffix();
        unit = oneStop.registersUnit("DEPARTMENT");
        otherUnit = oneStop.registersUnit("COMMUNE");
        directory.upsertCentre("TTD-" + suffix, "Trung tâm Một cửa thử " + suffix, unit);
        counter = directory.upsertCounter("QD-" + suffix, "Quầy số 1 – Đất đai", "TTD-" + suffix);
        directory.upsertCentre("TTK-" + suffix, "Trung tâm khác " + suffix, otherUnit);
        otherCounter = directory.upsertCounter("QK-" + suffix, "Quầy khác", "TTK-" + suffix);
        DashboardFixture.signIn(accounts, Role.ADMIN, null);
        devices.register("may-" + suffix.toLowerCase(), "QD-" + suffix, "vi", null, null);
        SecurityContextHolder.clearContext();

        Instant now = Instant.now();
        rated = oneStop.sendsReturnedDossier(unit, now.minus(2, ChronoUnit.MINUTES));
        notRated = oneStop.sendsReturnedDossier(unit, now.minus(1, ChronoUnit.MINUTES));
        for (String dossier : List.of(rated, notRated)) {
            assertThat(oneStop.api()
                            .post(
                                    "/api/v1/counters/QD-" + suffix + "/handover",
                                    Map.of("dossierCode", dossier, "officerId", "cb-" + suffix))
                            .status())
                    .isBetween(200, 202);
        }
        Map<String, Object> rating = OneStopSoftware.rating(rated, "DISSATISFIED");
        rating.put("reasons", List.of("SLOW"));
        rating.put("comment", "Cán bộ làm chậm quá, bí mật của người dân");
        assertThat(oneStop.relays(rating).status()).isEqualTo(201);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_officer_sees_the_days_handovers_and_whether_each_was_rated_never_the_answers() {
        DashboardFixture.signIn(accounts, Role.OFFICER, unit);
        assertThat(desks.counters()).extracting(CounterDeskService.Counter::id).containsExactly(counter);
        CounterDeskService.Desk desk = desks.today(counter);
        assertThat(desk.handovers()).extracting(HandoverToday::dossierCode).containsExactly(notRated, rated);
        assertThat(desk.handovers()).extracting(HandoverToday::rated).containsExactly(false, true);
        // The second handover replaced the untouched first one on the tablet; the second is shown now.
        assertThat(desk.handovers())
                .extracting(HandoverToday::state)
                .containsExactly(HandoverState.SHOWN, HandoverState.REPLACED);
        assertThat(desk.kiosks())
                .singleElement()
                .satisfies(k -> assertThat(k.state()).isEqualTo(CounterDeskService.KioskState.NOT_ENROLLED));
        // Another centre's counter is not theirs.
        assertThatThrownBy(() -> desks.today(otherCounter)).isInstanceOf(AccessDeniedException.class);

        navigate(CounterDeskView.class);
        String page = find(Div.class).id("counter-desk").getElement().getTextRecursively();
        assertThat(page)
                .contains("2 hồ sơ bàn giao tại quầy, 1 hồ sơ đã được người dân đánh giá")
                .contains("Chưa kích hoạt");
        // Whether, never how: no answer, reason or comment of the citizen.
        assertThat(page)
                .doesNotContain("Không hài lòng")
                .doesNotContain("Giải quyết chậm")
                .doesNotContain("bí mật")
                .doesNotContain("Tỷ lệ hài lòng");
        @SuppressWarnings("unchecked")
        Grid<HandoverToday> grid = find(Grid.class).id("desk-handovers");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(1, 4)).isEqualTo("Đã được đánh giá");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("Chưa");

        // And an officer still cannot rate, through any channel.
        for (String channel : List.of("KIOSK", "QR", "PAPER")) {
            assertThatThrownBy(() -> ratings.submit(new RatingSubmission(
                            notRated,
                            channel,
                            UUID.randomUUID().toString(),
                            Map.of("overall", "VERY_SATISFIED"),
                            List.of(),
                            null,
                            null)))
                    .as(channel)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_page_opens_on_the_counter_of_the_officers_latest_handover() {
        // A second counter in the same centre, where this officer handed a dossier over last.
        DashboardFixture.signIn(accounts, Role.ADMIN, null);
        UUID second = directory.upsertCounter("QD2-" + suffix, "Quầy số 2 – Hộ tịch", "TTD-" + suffix);
        String officer = DashboardFixture.signIn(accounts, Role.OFFICER, unit);
        DashboardFixture.signIn(accounts, Role.ADMIN, null);
        accountAdmin.setOneStopOfficerId(officer, "cb2-" + suffix);
        SecurityContextHolder.clearContext();
        String dossier = oneStop.sendsReturnedDossier(unit, Instant.now().minus(30, ChronoUnit.SECONDS));
        assertThat(oneStop.api()
                        .post(
                                "/api/v1/counters/QD2-" + suffix + "/handover",
                                Map.of("dossierCode", dossier, "officerId", "cb2-" + suffix))
                        .status())
                .isBetween(200, 202);

        DashboardFixture.signInAs(accounts, officer);
        assertThat(desks.myCounter()).map(CounterDeskService.Counter::id).contains(second);
        navigate(CounterDeskView.class);
        @SuppressWarnings("unchecked")
        Select<CounterDeskService.Counter> chosen = find(Select.class).id("desk-counter");
        assertThat(chosen.getValue().id())
                .as("not the first counter: the officer's")
                .isEqualTo(second);
        assertThat(chosen.getHelperText()).contains("gần nhất");
        @SuppressWarnings("unchecked")
        Grid<HandoverToday> grid = find(Grid.class).id("desk-handovers");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo(dossier);

        // An officer without a one-stop id (or who never handed over here) gets the first, as before.
        DashboardFixture.signIn(accounts, Role.OFFICER, unit);
        assertThat(desks.myCounter()).isEmpty();
    }

    @Test
    void managers_and_auditors_have_the_dashboard_not_the_officers_page() {
        for (Role role : List.of(Role.UNIT_MANAGER, Role.PROVINCE_MANAGER, Role.AUDITOR)) {
            DashboardFixture.signIn(accounts, role, role == Role.UNIT_MANAGER ? unit : null);
            assertThatThrownBy(() -> desks.counters()).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> desks.counters())
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }
}
