package vn.hailong.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account management at the service: only administrators, readable refusals, every change audited. */
@HaiLongTest
class AccountAdminServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdminService admin;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    String adminName;
    String unit;

    @BeforeEach
    void signInAsAdministrator() {
        adminName = "adm-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(adminName, "Quan-tri-123", "Quản trị", Role.ADMIN, null);
        signIn(adminName);
        unit = new OneStopSoftware(port).registersUnit("COMMUNE");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    String newName() {
        return "u-" + TestData.uniqueSuffix().toLowerCase();
    }

    List<Map<String, Object>> auditOf(String username) {
        return jdbc.queryForList(
                "SELECT actor, action, details FROM audit_entry WHERE subject = ? ORDER BY seq", "account " + username);
    }

    static List<String> fields(Throwable e) {
        return ((InvalidInputException) e)
                .errors().stream().map(InvalidInputException.FieldError::field).toList();
    }

    @Test
    void an_administrator_creates_resets_disables_and_reassigns_and_each_change_is_audited() {
        String name = newName();
        AccountAdminService.AccountRow row = admin.create(name, "Lê Thị Thử", Role.UNIT_MANAGER, unit, "Ban-dau-2026");
        assertThat(row.unitCode()).isEqualTo(unit);
        assertThat(row.mustChangePassword()).isTrue();

        admin.resetPassword(name, "Dat-lai-2026x");
        admin.setEnabled(name, false);
        assertThat(accounts.loadUserByUsername(name).isEnabled()).isFalse();
        admin.setEnabled(name, true);
        admin.assign(name, Role.AUDITOR, unit);

        assertThat(accounts.find(name)).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.AUDITOR);
            assertThat(a.agencyId()).as("province-wide roles carry no unit").isNull();
        });
        List<Map<String, Object>> entries = auditOf(name);
        assertThat(entries)
                .extracting(e -> e.get("details"))
                .containsExactly(
                        "created: role UNIT_MANAGER, unit " + unit + ", name 'Lê Thị Thử', one-time password",
                        "password reset to a one-time password",
                        "disabled",
                        "enabled",
                        "role/unit UNIT_MANAGER@" + unit + " → AUDITOR@-");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo(adminName);
            assertThat(e.get("action")).isEqualTo("ACCOUNT_CHANGED");
            assertThat((String) e.get("details")).doesNotContain("Ban-dau-2026", "Dat-lai-2026x");
        });
    }

    @Test
    void bad_input_is_refused_naming_each_field_and_nothing_is_stored() {
        assertThatThrownBy(() -> admin.create("A b", "", Role.UNIT_MANAGER, null, "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder("username", "displayName", "unit", "password"));
        String name = newName();
        assertThatThrownBy(() -> admin.create(name, "X", Role.OFFICER, "NO-SUCH-UNIT", "Mat-khau-12345"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message()).contains("NO-SUCH-UNIT"));
        assertThatThrownBy(() -> admin.create(name, "X", Role.AUDITOR, null, "abcdefghij"))
                .hasMessageContaining("chữ và số");
        assertThatThrownBy(() -> admin.create(name, "X", Role.AUDITOR, null, name + "12345"))
                .hasMessageContaining("tên đăng nhập");
        assertThatThrownBy(() -> admin.create(name, "X", null, null, "Mat-khau-12345"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role"));
        assertThat(accounts.find(name)).isEmpty();
        assertThat(auditOf(name)).isEmpty();

        admin.create(name, "X", Role.AUDITOR, null, "Mat-khau-12345");
        assertThatThrownBy(() -> admin.create(name, "Y", Role.AUDITOR, null, "Mat-khau-12345"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("đã có");
        assertThatThrownBy(() -> admin.resetPassword(name, "1234567890")).hasMessageContaining("chữ và số");
        assertThatThrownBy(() -> admin.setEnabled("no-such-" + name, false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_e_mail_address_for_notifications_is_checked_stored_audited_and_removable() {
        String name = newName();
        admin.create(name, "Trần Văn Thư", Role.UNIT_MANAGER, unit, "Ban-dau-2026");
        assertThatThrownBy(() -> admin.setEmail(name, "không phải email"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("email"));
        assertThat(admin.setEmail(name, "  truong.phong@sotnmt.gov.vn ").email())
                .isEqualTo("truong.phong@sotnmt.gov.vn");
        assertThat(jdbc.queryForObject("SELECT email FROM user_account WHERE username = ?", String.class, name))
                .isEqualTo("truong.phong@sotnmt.gov.vn");
        assertThat(admin.accounts())
                .filteredOn(a -> a.username().equals(name))
                .extracting(AccountAdminService.AccountRow::email)
                .containsExactly("truong.phong@sotnmt.gov.vn");
        assertThat(admin.setEmail(name, " ").email()).isNull();
        assertThat(auditOf(name))
                .extracting(e -> (String) e.get("details"))
                .anyMatch(d -> d.contains("→ truong.phong@sotnmt.gov.vn"))
                .anyMatch(d -> d.startsWith("e-mail truong.phong@sotnmt.gov.vn → -"));
    }

    @Test
    void an_administrator_cannot_lock_themselves_out() {
        assertThatThrownBy(() -> admin.setEnabled(adminName, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tự khóa");
        assertThatThrownBy(() -> admin.assign(adminName, Role.AUDITOR, null)).isInstanceOf(InvalidInputException.class);
        assertThat(accounts.find(adminName).orElseThrow().enabled()).isTrue();
    }

    @Test
    void nobody_but_an_administrator_manages_accounts() {
        String target = newName();
        admin.create(target, "Đích", Role.OFFICER, unit, "Mat-khau-12345");
        for (Role role : List.of(Role.PROVINCE_MANAGER, Role.UNIT_MANAGER, Role.AUDITOR, Role.OFFICER)) {
            String name = newName();
            accounts.ensureAccount(
                    name,
                    "Mat-khau-12345",
                    "Thử",
                    role,
                    role == Role.UNIT_MANAGER || role == Role.OFFICER ? unit : null);
            signIn(name);
            assertThatThrownBy(() -> admin.accounts()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.create(newName(), "X", Role.ADMIN, null, "Mat-khau-12345"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.setEnabled(target, false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.resetPassword(target, "Mat-khau-99999"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.assign(target, Role.ADMIN, null)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(accounts.find(target).orElseThrow().role()).isEqualTo(Role.OFFICER);
    }

    @Test
    void a_user_replaces_a_one_time_password_with_their_own() {
        String name = newName();
        admin.create(name, "Chủ", Role.AUDITOR, null, "Mot-lan-12345");
        signIn(name);
        assertThatThrownBy(() -> accounts.changeOwnPassword("wrong", "Rieng-toi-123"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("currentPassword"));
        assertThatThrownBy(() -> accounts.changeOwnPassword("Mot-lan-12345", "Mot-lan-12345"))
                .hasMessageContaining("khác");
        assertThat(accounts.mustChangePassword(name)).isTrue();

        accounts.changeOwnPassword("Mot-lan-12345", "Rieng-toi-123");

        assertThat(accounts.mustChangePassword(name)).isFalse();
        assertThat(auditOf(name)).last().satisfies(e -> {
            assertThat(e.get("actor")).isEqualTo(name);
            assertThat(e.get("details")).isEqualTo("password changed by its owner");
        });
    }
}
