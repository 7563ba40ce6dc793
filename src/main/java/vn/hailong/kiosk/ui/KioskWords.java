package vn.hailong.kiosk.ui;

import java.util.Locale;

import vn.hailong.platform.Words;

/**
 * The kiosk page's language at this moment: Vietnamese unless the device's site or the citizen's
 * tap on "English" chose English. Every screen writes its words through {@link #t}, from the
 * bundles ({@code kiosk.*} in {@code vaadin-i18n/translations*.properties}).
 */
record KioskWords(Locale locale) {

    static final KioskWords VIETNAMESE = new KioskWords(Locale.forLanguageTag("vi"));

    boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The other language of the two (the bar's language button). */
    KioskWords switched() {
        return new KioskWords(Locale.forLanguageTag(english() ? "vi" : "en"));
    }

    /** The page's {@code lang}: "en" or "vi". */
    String lang() {
        return english() ? "en" : "vi";
    }

    /**
     * The words of {@code kiosk.<key>} in this language, with {@code args} put in ({@code {0}}, …;
     * a message with arguments is a MessageFormat pattern, one without is taken as it is).
     */
    String t(String key, Object... args) {
        return Words.of("kiosk." + key, english() ? Locale.ENGLISH : Words.VI, args);
    }
}
