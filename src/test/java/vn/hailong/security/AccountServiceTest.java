package vn.hailong.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Managers' accounts: passwords are stored only as adaptive hashes; unit roles need a unit. */
@HaiLongTest
class AccountServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    static String username() {
        return "nguoi-dung-" + TestData.uniqueSuffix().toLowerCase();
    }

    @Test
    void a_password_is_stored_as_a_bcrypt_hash_and_never_as_itself() {
        String username = username();
        String raw = "Mật-khẩu-" + TestData.uniqueSuffix();

        accounts.ensureAccount(username, raw, "Quản lý tỉnh", Role.PROVINCE_MANAGER, null);

        String stored = jdbc.queryForObject(
                "SELECT password_hash FROM user_account WHERE username = ?", String.class, username);
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(raw);
        assertThat(passwords.matches(raw, stored)).isTrue();
        assertThat(passwords.matches(raw + "x", stored)).isFalse();
        assertThat(accounts.loadUserByUsername(username).getPassword()).isEqualTo(stored);
    }

    @Test
    void the_same_password_gets_a_different_hash_for_each_account() {
        String first = username();
        String second = username();
        accounts.ensureAccount(first, "cung-mot-mat-khau", "Một", Role.AUDITOR, null);
        accounts.ensureAccount(second, "cung-mot-mat-khau", "Hai", Role.AUDITOR, null);

        assertThat(jdbc
                        .queryForList(
                                "SELECT password_hash FROM user_account WHERE username IN (?, ?)",
                                String.class,
                                first,
                                second)
                        .stream()
                        .distinct())
                .hasSize(2);
    }

    @Test
    void a_password_shorter_than_eight_characters_is_refused() {
        String username = username();

        assertThatThrownBy(() -> accounts.ensureAccount(username, "1234567", "Ngắn", Role.AUDITOR, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void unit_managers_and_officers_must_belong_to_a_unit() {
        assertThatThrownBy(
                        () -> accounts.ensureAccount(username(), "mat-khau-du-dai", "Trưởng", Role.UNIT_MANAGER, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.ensureAccount(username(), "mat-khau-du-dai", "Cán bộ", Role.OFFICER, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_officer_is_given_the_officer_authority_only() {
        String unit = new OneStopSoftware(port).registersUnit("COMMUNE");
        String username = username();
        accounts.ensureAccount(username, "mat-khau-du-dai", "Cán bộ", Role.OFFICER, unit);

        assertThat(accounts.loadUserByUsername(username).getAuthorities())
                .extracting(a -> a.getAuthority())
                .containsExactly("ROLE_OFFICER");
    }
}
