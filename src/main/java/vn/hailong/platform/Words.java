package vn.hailong.platform;

import java.util.Locale;
import java.util.Objects;

import org.springframework.context.support.ResourceBundleMessageSource;

import com.vaadin.flow.component.UI;

/**
 * The one source of the words the application shows: the bundles {@code
 * vaadin-i18n/translations*.properties}, Vietnamese at the root, English beside it. Vaadin's
 * I18NProvider reads them for the views ({@code getTranslation}) and Spring's MessageSource for the
 * exports; this reads the same files for the places that have neither at hand — labels of enum
 * values in static helpers of views, PDFs, e-mails — through Spring's {@link
 * ResourceBundleMessageSource}, so there is no second copy of any word in code.
 */
public final class Words {

    /** Vietnamese, the root bundle's language and the default of every page. */
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasename("vaadin-i18n/translations");
        BUNDLES.setDefaultEncoding("UTF-8");
        // A locale the bundles do not have falls back to the root (Vietnamese), not to the JVM's language.
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private Words() {}

    /** The text of {@code key} in {@code locale}, with {@code args} put in; the key itself when no bundle has it. */
    public static String of(String key, Locale locale, Object... args) {
        // With a default message (the key itself) Spring's MessageSource answers no null.
        return Objects.requireNonNull(BUNDLES.getMessage(key, args.length == 0 ? null : args, key, locale));
    }

    /** The same in the current page's language (Vietnamese outside a page). */
    public static String of(String key, Object... args) {
        return of(key, current(), args);
    }

    /**
     * The word for a code of an enum-like vocabulary, {@code prefix + "." + code}; the code itself
     * when the bundles have no word for it (a value added later, or a province's own code).
     */
    public static String code(String prefix, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String key = prefix + "." + code;
        String text = BUNDLES.getMessage(key, null, null, locale);
        return text == null ? code : text;
    }

    /** The language of the current page; Vietnamese outside one. */
    public static Locale current() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? VI : ui.getLocale();
    }
}
