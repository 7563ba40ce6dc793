package vn.hailong.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.e2e.AppNode;
import vn.hailong.platform.embedded.EmbeddedMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fresh production installation gets its first administrator from configuration (a one-time
 * password, to be replaced at the first log-in); a database that has an administrator gets none,
 * so the setting may stay in place; a weak password stops the start with the setting's name.
 */
@HaiLongTest
@ExtendWith(KeepsSecurityStrategy.class)
class FirstAdministratorTest {

    @Autowired
    EmbeddedMariaDb db;

    @Autowired
    AccountService accounts;

    @Test
    void a_fresh_database_gets_the_configured_administrator_once() {
        // A database of its own: the shared one has administrators already.
        String fresh = db.jdbcUrl()
                .replaceFirst(
                        "/[^/?]+\\?", "/first_admin_" + TestData.uniqueSuffix().toLowerCase() + "?");
        try (AppNode node = new AppNode(
                fresh,
                "--hailong.security.first-admin.username=quantri",
                "--hailong.security.first-admin.password=Khoi-tao-2026x")) {
            node.start();
            AccountService theirs = node.bean(AccountService.class);
            assertThat(theirs.find("quantri"))
                    .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
            assertThat(theirs.mustChangePassword("quantri"))
                    .as("a one-time password")
                    .isTrue();
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_CHANGED' AND subject = 'account quantri'",
                            Integer.class))
                    .isEqualTo(1);
            // The setting stays in place on later starts: an administrator exists, nothing more is created.
            assertThat(theirs.ensureFirstAdministrator("nguoi-khac", "Khac-hoan-toan-2026"))
                    .isFalse();
            assertThat(theirs.find("nguoi-khac")).isEmpty();
        }
    }

    @Test
    void no_setting_creates_nothing_and_a_weak_password_names_the_setting() {
        assertThat(accounts.ensureFirstAdministrator("", "")).isFalse();
        assertThatThrownBy(() -> accounts.ensureFirstAdministrator("quantri", "123"))
                .hasMessageContaining("hailong.security.first-admin.password");
        assertThatThrownBy(() -> accounts.ensureFirstAdministrator("Quản Trị", "Khoi-tao-2026x"))
                .hasMessageContaining("hailong.security.first-admin.username");
    }
}
