package vn.hailong.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void long_mixed_passwords_pass_and_weak_ones_are_refused_with_a_reason() {
        assertThat(PasswordPolicy.problem("Khoi-tao-2026x", "nam")).isEmpty();
        assertThat(PasswordPolicy.problem("abc12", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("ít nhất 10"));
        assertThat(PasswordPolicy.problem(null, "nam")).isPresent();
        assertThat(PasswordPolicy.problem("abcdefghijk", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("chữ và số"));
        assertThat(PasswordPolicy.problem("12345678901", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("chữ và số"));
        assertThat(PasswordPolicy.problem("xNam2026-abc", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("tên đăng nhập"));
        assertThat(PasswordPolicy.problem("Password123", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("dễ đoán"));
        assertThat(PasswordPolicy.problem("a1a1a1a1a1a1", "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("dễ đoán"));
        assertThat(PasswordPolicy.problem("a1".repeat(65), "nam"))
                .hasValueSatisfying(p -> assertThat(p).contains("128"));
        assertThat(PasswordPolicy.problem("Mật-khẩu-số-9", "nam"))
                .as("Vietnamese letters count")
                .isEmpty();
    }
}
