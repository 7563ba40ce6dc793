package vn.hailong.security;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: 256 random bits, shown once, stored only as SHA-256. */
class ApiKeysTest {

    @Test
    void a_generated_key_is_hl_and_64_hex_digits() {
        String key = ApiKeys.generate();

        assertThat(key).startsWith("hl_").hasSize(67).matches("hl_[0-9a-f]{64}");
        assertThat(ApiKeys.problemWith(key)).isNull();
    }

    @Test
    void generated_keys_never_repeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeys.generate());
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void the_hash_is_32_bytes_and_the_same_for_the_same_key() {
        String key = ApiKeys.generate();

        assertThat(ApiKeys.hash(key)).hasSize(32).isEqualTo(ApiKeys.hash(key));
        assertThat(ApiKeys.hash(key)).isNotEqualTo(ApiKeys.hash(ApiKeys.generate()));
    }

    @Test
    void the_hash_is_sha256_of_the_key() {
        assertThat(HexFormat.of().formatHex(ApiKeys.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_key_shorter_than_32_characters_is_refused() {
        assertThat(ApiKeys.problemWith("a".repeat(31))).contains("at least 32");
        assertThat(ApiKeys.problemWith(null)).contains("at least 32");
        assertThat(ApiKeys.problemWith("a".repeat(32))).isNull();
    }

    @Test
    void a_key_with_spaces_or_beyond_ascii_or_over_200_characters_is_refused() {
        assertThat(ApiKeys.problemWith("hl_" + "a".repeat(30) + " b")).isNotNull();
        assertThat(ApiKeys.problemWith("hl_" + "ệ".repeat(40))).isNotNull();
        assertThat(ApiKeys.problemWith("a".repeat(201))).isNotNull();
        assertThat(ApiKeys.problemWith("a".repeat(200))).isNull();
    }

    @Test
    void the_prefix_shown_in_logs_is_the_first_eight_characters_only() {
        assertThat(ApiKeys.prefix("hl_0123456789abcdef")).isEqualTo("hl_01234");
    }
}
