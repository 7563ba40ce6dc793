package vn.hailong.kiosk.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseKeysTest {

    @Test
    void a_tone_goes_on_the_vowel_just_typed() {
        assertThat(VietnameseKeys.withTone("cu", VietnameseKeys.Tone.HOI) + "a").isEqualTo("của");
        assertThat(VietnameseKeys.withTone("chơ", VietnameseKeys.Tone.SAC)).isEqualTo("chớ");
        assertThat(VietnameseKeys.withTone("thư", VietnameseKeys.Tone.NGA)).isEqualTo("thữ");
        assertThat(VietnameseKeys.withTone("lâ", VietnameseKeys.Tone.NANG)).isEqualTo("lậ");
    }

    @Test
    void a_new_tone_replaces_the_old_one_and_consonants_take_none() {
        assertThat(VietnameseKeys.withTone("mà", VietnameseKeys.Tone.SAC)).isEqualTo("má");
        assertThat(VietnameseKeys.withTone("ớ", VietnameseKeys.Tone.HUYEN)).isEqualTo("ờ");
        assertThat(VietnameseKeys.withTone("lâm", VietnameseKeys.Tone.SAC)).isEqualTo("lâm");
        assertThat(VietnameseKeys.withTone("", VietnameseKeys.Tone.SAC)).isEmpty();
        assertThat(VietnameseKeys.endsWithVowel("đ")).isFalse();
        assertThat(VietnameseKeys.endsWithVowel("ư")).isTrue();
    }

    @Test
    void the_tone_keys_show_the_vowel_they_would_make() {
        assertThat(VietnameseKeys.preview("chơ", VietnameseKeys.Tone.NGA)).isEqualTo("ỡ");
        assertThat(VietnameseKeys.preview("", VietnameseKeys.Tone.HUYEN)).isEqualTo("à");
    }
}
