package vn.hailong.kiosk.ui;

import java.util.Locale;

/**
 * The kiosk page's language at this moment: Vietnamese unless the device's site or the citizen's
 * tap on "English" chose English. Every screen writes its words through {@link #t}.
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

    String t(String vi, String en) {
        return english() ? en : vi;
    }
}
