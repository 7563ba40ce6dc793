package vn.hailong.receipt;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Survey tokens: derived from a secret and the dossier id, short enough for a small QR code. */
class SurveyTokensTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final UUID DOSSIER = UUID.fromString("019a0000-0000-7000-8000-000000000361");

    final SurveyTokens tokens = new SurveyTokens(SECRET);

    @Test
    void a_token_is_22_url_safe_characters() {
        String token = tokens.tokenFor(DOSSIER);

        assertThat(token).hasSize(SurveyTokens.TOKEN_LENGTH).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(SurveyTokens.looksLikeToken(token)).isTrue();
    }

    @Test
    void the_same_dossier_always_gets_the_same_token_so_a_receipt_can_be_reprinted() {
        assertThat(tokens.tokenFor(DOSSIER)).isEqualTo(tokens.tokenFor(DOSSIER));
        assertThat(new SurveyTokens(SECRET).tokenFor(DOSSIER)).isEqualTo(tokens.tokenFor(DOSSIER));
    }

    @Test
    void different_dossiers_get_different_tokens() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(tokens.tokenFor(UUID.randomUUID()));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void another_secret_gives_another_token_for_the_same_dossier() {
        SurveyTokens other = new SurveyTokens("0123456789abcdef0123456789abcdeF");

        assertThat(other.tokenFor(DOSSIER)).isNotEqualTo(tokens.tokenFor(DOSSIER));
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        assertThatThrownBy(() -> new SurveyTokens("0123456789abcdef0123456789abcde"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void the_secret_length_is_counted_in_bytes_not_characters() {
        // Eleven letters of three UTF-8 bytes each: 33 bytes.
        assertThat(new SurveyTokens("ệ".repeat(11)).tokenFor(DOSSIER)).hasSize(22);
        // Thirty-one ASCII letters: 31 bytes.
        assertThatThrownBy(() -> new SurveyTokens("a".repeat(31))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "abcdefghijABCDEFGHIJ0",
                "abcdefghijABCDEFGHIJ012",
                "abcdefghijABCDEFGHIJ0+",
                "abcdefghijABCDEFGHIJ0/",
                "abcdefghijABCDEFGHIJ0=",
                "abcdefghijABCDEFGHIJ0 ",
                "abcdefghijABCDEFGHIJ0ệ"
            })
    void text_that_cannot_be_a_token_is_recognised_before_any_look_up(String text) {
        assertThat(SurveyTokens.looksLikeToken(text)).isFalse();
    }

    @Test
    void the_stored_hash_is_a_sha256_that_differs_from_token_to_token() {
        String token = tokens.tokenFor(DOSSIER);

        assertThat(SurveyTokens.hash(token)).hasSize(32).isEqualTo(SurveyTokens.hash(token));
        assertThat(SurveyTokens.hash(token)).isNotEqualTo(SurveyTokens.hash(tokens.tokenFor(UUID.randomUUID())));
    }
}
