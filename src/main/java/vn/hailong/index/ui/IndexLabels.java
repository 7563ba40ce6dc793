package vn.hailong.index.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;

/**
 * Vietnamese words for the codes the methodology and the results carry (criterion keys, peer
 * groups, enum values), from the {@code vaadin-i18n/translations} bundle; a code the bundle does
 * not know (a province's own criterion or peer group) is shown as it is.
 */
final class IndexLabels {

    private IndexLabels() {}

    static String of(String key, String fallback) {
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider =
                service == null ? null : service.getInstantiator().getI18NProvider();
        if (provider == null) {
            return fallback;
        }
        Locale locale =
                UI.getCurrent() == null ? IndexFormat.VI : UI.getCurrent().getLocale();
        String text = provider.getTranslation(key, locale);
        // Vaadin's provider answers "!{key}!"-style text for a missing key.
        return text == null || text.isBlank() || text.startsWith("!") ? fallback : text;
    }

    /** A questionnaire criterion in words, e.g. "số lần phải liên hệ để hoàn thiện hồ sơ"; else the key in quotes. */
    static String criterion(String key) {
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
