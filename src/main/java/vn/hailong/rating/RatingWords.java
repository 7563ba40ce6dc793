package vn.hailong.rating;

import java.util.Locale;

import vn.hailong.platform.Words;

/**
 * A rating's channel, status and overall answer in words, from the bundles ({@code rating.channel.*},
 * {@code rating.status.*}, {@code rating.answer.*}): the one place every view, export and report
 * takes them from. A code the bundles do not know is shown as it is.
 */
public final class RatingWords {

    private RatingWords() {}

    /** {@code KIOSK} → "Thiết bị tại quầy", in the current page's language. */
    public static String channel(String code) {
        return channel(code, Words.current());
    }

    public static String channel(String code, Locale locale) {
        return Words.code("rating.channel", code, locale);
    }

    /** {@code COUNTED} → "Được tính", in the current page's language. */
    public static String status(String code) {
        return status(code, Words.current());
    }

    public static String status(String code, Locale locale) {
        return Words.code("rating.status", code, locale);
    }

    /** {@code DISSATISFIED} → "Không hài lòng", in the current page's language. */
    public static String answer(String code) {
        return answer(code, Words.current());
    }

    public static String answer(String code, Locale locale) {
        return Words.code("rating.answer", code, locale);
    }
}
