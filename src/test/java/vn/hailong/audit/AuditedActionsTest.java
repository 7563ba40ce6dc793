package vn.hailong.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.Selection;
import vn.hailong.directory.DirectoryService;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.UnitIndicatorService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.security.AccountService;
import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The audited actions of other modules reach the log, with who did it and what changed, and no secrets. */
@HaiLongTest
class AuditedActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    KioskDeviceService kiosks;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    UnitIndicatorService indicators;

    @Autowired
    ExportService exports;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String name, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    List<Map<String, Object>> entries(String subject) {
        return jdbc.queryForList(
                "SELECT actor, action, details FROM audit_entry WHERE subject = ? ORDER BY seq", subject);
    }

    @Test
    void kiosk_registration_enrolment_and_revocation_are_audited() {
        String suffix = TestData.uniqueSuffix();
        String unit = new OneStopSoftware(port).registersUnit("COMMUNE");
        signIn("admin-" + suffix, "ADMIN");
        directory.upsertCentre("AC-" + suffix, "Một cửa", unit);
        directory.upsertCounter("AQ-" + suffix, "Quầy", "AC-" + suffix);
        String code = "ak-" + suffix;
        var device = kiosks.register(code, "AQ-" + suffix, "vi", null, null);
        var link = kiosks.openEnrolment(device.id());
        SecurityContextHolder.clearContext();
        String token = link.url().substring(link.url().lastIndexOf('/') + 1);
        assertThat(kiosks.enrol(token)).isPresent();
        signIn("admin-" + suffix, "ADMIN");
        kiosks.revoke(device.id());

        List<Map<String, Object>> log = entries("kiosk device " + code);
        assertThat(log)
                .extracting(e -> e.get("action"))
                .containsExactly("CONFIGURATION_CHANGED", "ENROLMENT", "ENROLMENT", "ENROLMENT");
        assertThat(log)
                .extracting(e -> e.get("actor"))
                .containsExactly("admin-" + suffix, "admin-" + suffix, "kiosk device " + code, "admin-" + suffix);
        assertThat((String) log.get(0).get("details")).startsWith("registered: counter AQ-" + suffix);
        assertThat(log).extracting(e -> (String) e.get("details")).noneMatch(d -> d.contains(token));
        assertThat(log.get(3).get("details")).isEqualTo("credential revoked");
    }

    @Test
    void methodology_unit_indicators_exports_and_api_keys_are_audited() {
        String suffix = TestData.uniqueSuffix();
        String unit = new OneStopSoftware(port).registersUnit("COMMUNE");
        accounts.ensureAccount(
                "tinh-" + suffix.toLowerCase(), "Tinh-thu-12345", "Sở Nội vụ thử", Role.PROVINCE_MANAGER, null);
        signIn("tinh-" + suffix.toLowerCase(), "PROVINCE_MANAGER");
        String scheme = "audit-" + suffix.toLowerCase();
        methodologies.addVersion(
                scheme,
                null,
                2026,
                "Thử kiểm toán",
                methodologies.forYear(MethodologyService.DEFAULT_SCHEME, 2026).definition());
        indicators.enter(unit, "2026", Map.of(5, new BigDecimal("1.25")), "ghi chú");
        var selection = new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, LocalDate.now(OneStopSoftware.ZONE)),
                directory.findUnit(unit).orElseThrow().id());
        exports.ratings(selection, ExportService.Format.CSV);
        SecurityContextHolder.clearContext();
        String key = "audit-key-" + suffix.toLowerCase() + "-0123456789abcdef0123456789";
        apiKeys.provision("audit-client-" + suffix, key);
        apiKeys.provision("audit-client-" + suffix, key);

        assertThat(entries("index methodology " + scheme + " v1"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("tinh-" + suffix.toLowerCase());
                    assertThat(e.get("action")).isEqualTo("METHODOLOGY_CHANGED");
                });
        assertThat(entries("unit indicator 5 of " + unit + " 2026"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo("null → 1.25; note: ghi chú"));
        assertThat(jdbc.queryForList(
                        "SELECT subject, details FROM audit_entry WHERE action = 'EXPORT' AND actor = ?",
                        "tinh-" + suffix.toLowerCase()))
                .singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).contains("rows"));
        assertThat(entries("API client audit-client-" + suffix))
                .as("provisioning the same key again changes nothing")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("system");
                    assertThat((String) e.get("details")).doesNotContain(key);
                });
    }
}
