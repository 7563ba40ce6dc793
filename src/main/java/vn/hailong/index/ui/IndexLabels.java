package vn.hailong.index.ui;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Words;

/**
 * Vietnamese words for the codes the methodology and the results carry (criterion keys, peer
 * groups, enum values), from the {@code vaadin-i18n/translations} bundle ({@link Words}); a code the bundle does
 * not know (a province's own criterion or peer group) is shown as it is.
 */
final class IndexLabels {

    private IndexLabels() {}

    static String of(String key, String fallback) {
        String text = Words.of(key);
        return text.equals(key) ? fallback : text;
    }

    /** A questionnaire criterion in words, e.g. "số lần phải liên hệ để hoàn thiện hồ sơ"; else the key in quotes. */
    static String criterion(@Nullable String key) {
        return key == null ? "—" : of("index.criterion." + key, "'" + key + "'");
    }

    /** A peer group in words ("sở, ban, ngành"); a province's own group code as it is. */
    static String peerGroup(String code) {
        return code == null ? "—" : of("index.peerGroup." + code, code);
    }

    /** An enum value of the methodology in words: {@code index.<kind>.<NAME>}. */
    static String of(String kind, Enum<?> value) {
        return value == null ? "—" : of("index." + kind + "." + value.name(), value.name());
    }
}
