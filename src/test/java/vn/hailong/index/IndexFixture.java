package vn.hailong.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import vn.hailong.ApiClient;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

/** Units, dossiers, ratings and complaints of a small peer group, pushed through the real API. */
final class IndexFixture {

    final OneStopSoftware oneStop;
    final AccountService accounts;
    final String peerGroup = "PG-" + TestData.uniqueSuffix();

    IndexFixture(int port, AccountService accounts) {
        this.oneStop = new OneStopSoftware(port);
        this.accounts = accounts;
    }

    String unit(String name) {
        String code = TestData.agencyCode();
        ApiClient.Response r = oneStop.api()
                .put(
                        "/api/v1/units/" + code,
                        Map.of(
                                "name",
                                name + " " + code,
                                "kind",
                                "DEPARTMENT",
                                "peerGroup",
                                peerGroup,
                                "validFrom",
                                "2020-01-01"));
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
        return code;
    }

    private static int sequence = 5000;

    /** A dossier returned on this day at 10:00 (Vietnam), due {@code dueDaysAfterReturn} days after (negative = late). */
    String dossier(String unit, LocalDate returnedOn, int dueDaysAfterReturn) {
        String code = TestData.dossierCode(unit, nextSequence());
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RETURNED");
        Instant returned = OneStopSoftware.instant(OneStopSoftware.at(returnedOn, "10:00"));
        body.put("receivedAt", OneStopSoftware.at(returned.minusSeconds(20L * 24 * 3600)));
        body.put("dueAt", OneStopSoftware.at(returned.plusSeconds(dueDaysAfterReturn * 24L * 3600)));
        body.put("returnedAt", OneStopSoftware.at(returned));
        oneStop.sends(code, body);
        return code;
    }

    /** A dossier due on {@code dueDay} at {@code dueTime} and returned on {@code returnedDay} at {@code returnedTime} (Vietnam). */
    String dossierDueAndReturned(
            String unit, LocalDate dueDay, String dueTime, LocalDate returnedDay, String returnedTime) {
        String code = TestData.dossierCode(unit, nextSequence());
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RETURNED");
        body.put("receivedAt", OneStopSoftware.at(dueDay.minusDays(20), "09:00"));
        body.put("dueAt", OneStopSoftware.at(dueDay, dueTime));
        body.put("returnedAt", OneStopSoftware.at(returnedDay, returnedTime));
        oneStop.sends(code, body);
        return code;
    }

    void rating(String dossier, String overall, String attitude, String contacts) {
        Map<String, Object> body = OneStopSoftware.rating(dossier, overall);
        Map<String, String> answers = new HashMap<>(Map.of("overall", overall));
        if (attitude != null) {
            answers.put("attitude", attitude);
        }
        if (contacts != null) {
            answers.put("contacts", contacts);
        }
        body.put("answers", answers);
        if (overall.equals("DISSATISFIED")) {
            body.put("reasons", List.of("SLOW"));
        }
        ApiClient.Response r = oneStop.relays(body);
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
    }

    void complaint(String dossier, LocalDate deadline, boolean onTime, boolean satisfied) {
        ApiClient.Response r = oneStop.api()
                .put(
                        "/api/v1/dossiers/" + dossier + "/complaints/pakn-" + TestData.uniqueSuffix(),
                        Map.of(
                                "receivedAt",
                                OneStopSoftware.at(deadline.minusDays(10), "09:00"),
                                "deadline",
                                OneStopSoftware.at(deadline, "17:00"),
                                "handledAt",
                                OneStopSoftware.at(onTime ? deadline.minusDays(1) : deadline.plusDays(2), "09:00"),
                                "aboutHandling",
                                true,
                                "complainantSatisfied",
                                satisfied));
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
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

    private static synchronized int nextSequence() {
        return ++sequence;
    }
}
