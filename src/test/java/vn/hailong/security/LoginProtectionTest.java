package vn.hailong.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.micrometer.core.instrument.MeterRegistry;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force against the managers' log-in over real HTTP, as an attacker and the real user would
 * meet it: the attacker is throttled, the user still logs in from the usual place and, once the
 * attack stops, from anywhere; an administrator can lift the lock; the log-in form needs its CSRF
 * token. Addresses come from X-Forwarded-For, which the test's loopback connection may set.
 * The test profile's first lock is short (application-test.yaml), the counts as in production.
 */
@HaiLongTest
class LoginProtectionTest {

    static final String PASSWORD = "Dung-mat-khau-2026";
    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAdminService admin;

    @Autowired
    LoginThrottlePolicy policy;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    double count(String meter) {
        return meters.get(meter).counter().count();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String provinceManager() {
        String username = "pm-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(username, PASSWORD, "Lãnh đạo Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        return username;
    }

    /** Where a log-in attempt ended: "in" (the manager UI), "error" (wrong password), "locked" (refused, password unread). */
    String attempt(String username, String password, String address) throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("X-Forwarded-For", address)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the log-in page carries its CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", SecurityMatrixTest.cookie(page))
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        if (location.endsWith("/login?locked")) {
            return "locked";
        }
        if (location.endsWith("/login?error")) {
            return "error";
        }
        if (location.endsWith("/login?unavailable")) {
            return "unavailable";
        }
        // Logged in: on to the start page; anything else (an error page) is returned as it is.
        return location.equals(base + "/") || location.equals("/") ? "in" : location;
    }

    @Test
    void a_log_in_the_throttle_cannot_check_is_told_to_try_again_never_a_server_error() throws Exception {
        String manager = provinceManager();
        double failuresBefore = count("hailong.login.failures");
        List<Connection> held = new ArrayList<>();
        try {
            // Every pooled connection taken, as a burst or a cluster member going away would: the
            // throttle's look-up waits for one, then fails (seen in the cluster proof as a 500).
            while (true) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
            }
            assertThat(held).as("the pool was taken").isNotEmpty();
            assertThat(attempt(manager, PASSWORD, "10.20.30.41")).isEqualTo("unavailable");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(count("hailong.login.failures"))
                .as("not counted as a wrong password")
                .isEqualTo(failuresBefore);
        assertThat(attempt(manager, PASSWORD, "10.20.30.41"))
                .as("and once the pool is back")
                .isEqualTo("in");
    }

    @Test
    void a_brute_force_run_is_throttled_and_the_real_user_still_logs_in() throws Exception {
        String manager = provinceManager();
        // The real user logs in at the office: that address becomes a usual place.
        assertThat(attempt(manager, PASSWORD, "10.20.30.40")).isEqualTo("in");

        // 50 guesses from elsewhere: the first five are checked, then the account is locked for
        // log-ins from anywhere but its usual places, and the right password does not help the attacker.
        double failuresBefore = count("hailong.login.failures");
        double locksBefore = count("hailong.login.locks");
        double refusedBefore = count("hailong.login.refused");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(attempt(manager, "doan-" + i, "203.0.113.7"));
        }
        assertThat(outcomes.subList(0, policy.freeFailures())).containsOnly("error");
        assertThat(outcomes.subList(policy.freeFailures(), 50)).containsOnly("locked");
        // The operator sees the same on /actuator/prometheus: the checked failures, the lock, the refusals.
        assertThat(count("hailong.login.failures") - failuresBefore).isEqualTo(policy.freeFailures());
        assertThat(count("hailong.login.locks") - locksBefore).isGreaterThanOrEqualTo(1);
        assertThat(count("hailong.login.refused") - refusedBefore).isEqualTo(50 - policy.freeFailures());
        assertThat(attempt(manager, PASSWORD, "203.0.113.7")).isEqualTo("locked");
        assertThat(attempt(manager, PASSWORD, "198.51.100.9"))
                .as("elsewhere is locked, whatever the address")
                .isEqualTo("locked");

        // Meanwhile the user at the office is not locked out.
        assertThat(attempt(manager, PASSWORD, "10.20.30.40")).isEqualTo("in");

        // The lock and the counted failures are in the audit log; the refused guesses are counted, not logged one by
        // one.
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN_LOCKED' AND subject = ?",
                        Integer.class,
                        "user " + manager))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN_FAILED' AND subject = ?",
                        Integer.class,
                        "user " + manager))
                .isEqualTo(policy.freeFailures());
        assertThat(jdbc.queryForObject(
                        "SELECT refused FROM login_throttle WHERE subject = ?", Integer.class, "A:" + manager))
                .isEqualTo(50 - policy.freeFailures() + 2);

        // Once the attack stops and the lock runs out, the right password works from anywhere again.
        Thread.sleep(policy.firstLock().toMillis() + 300);
        assertThat(attempt(manager, PASSWORD, "198.51.100.9")).isEqualTo("in");
    }

    @Test
    void every_wrong_password_after_a_lock_doubles_the_next_one() throws Exception {
        String manager = provinceManager();
        for (int i = 0; i < policy.freeFailures(); i++) {
            assertThat(attempt(manager, "sai-" + i, "203.0.113.8")).isEqualTo("error");
        }
        assertThat(lockOf(manager)).isEqualTo(policy.firstLock());
        Thread.sleep(policy.firstLock().toMillis() + 300);
        assertThat(attempt(manager, "lai-sai", "203.0.113.8")).isEqualTo("error");
        assertThat(lockOf(manager)).isEqualTo(policy.firstLock().multipliedBy(2));
        assertThat(attempt(manager, PASSWORD, "203.0.113.8")).isEqualTo("locked");
    }

    Duration lockOf(String manager) {
        return jdbc.queryForObject(
                "SELECT TIMESTAMPDIFF(MICROSECOND, last_failure_at, locked_until) FROM login_throttle WHERE subject = ?",
                (rs, i) -> Duration.ofNanos(rs.getLong(1) * 1000),
                "A:" + manager);
    }

    @Test
    void one_address_guessing_many_accounts_is_locked_too() throws Exception {
        String address = "192.0.2." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < policy.addressFreeFailures(); i++) {
            assertThat(attempt("khong-co-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT), "x", address))
                    .isEqualTo("error");
        }
        String manager = provinceManager();
        assertThat(attempt(manager, PASSWORD, address))
                .as("a fresh account, from the guessing address")
                .isEqualTo("locked");
        assertThat(attempt(manager, PASSWORD, "10.9.8.7"))
                .as("the same account from elsewhere")
                .isEqualTo("in");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN_LOCKED' AND subject = ?",
                        Integer.class,
                        "address " + address))
                .isEqualTo(1);
    }

    @Test
    void an_administrator_lifts_the_lock() throws Exception {
        String manager = provinceManager();
        for (int i = 0; i < policy.freeFailures(); i++) {
            attempt(manager, "sai-" + i, "203.0.113.9");
        }
        assertThat(attempt(manager, PASSWORD, "203.0.113.9")).isEqualTo("locked");

        String administrator = "admin-" + TestData.uniqueSuffix().toLowerCase(Locale.ROOT);
        accounts.ensureAccount(administrator, PASSWORD, "Quản trị", Role.ADMIN, null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        administrator, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        AccountAdminService.AccountRow row = admin.accounts().stream()
                .filter(a -> a.username().equals(manager))
                .findFirst()
                .orElseThrow();
        assertThat(row.loginLocked()).isTrue();
        assertThat(admin.unlockLogIn(manager).loginLocked()).isFalse();

        assertThat(attempt(manager, PASSWORD, "203.0.113.9")).isEqualTo("in");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_CHANGED' AND subject = ? AND details = ?",
                        Integer.class,
                        "account " + manager,
                        "log-in lock lifted"))
                .isEqualTo(1);
    }

    @Test
    void the_log_in_form_needs_its_csrf_token() throws Exception {
        String manager = provinceManager();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = SecurityMatrixTest.cookie(page);
        // A cross-site form: the right user name and password, but no token.
        HttpResponse<String> forged = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + manager + "&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isNotEqualTo(200);
        assertThat(forged.headers().firstValue("Location").orElse("")).doesNotEndWith(base + "/");
        // The session it may have created is not logged in: the manager UI still sends it to the log-in page.
        String after = forged.headers().allValues("Set-Cookie").isEmpty() ? session : SecurityMatrixTest.cookie(forged);
        HttpResponse<String> home = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/doi-mat-khau"))
                        .header("Cookie", after)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).contains("/login");
    }
}
