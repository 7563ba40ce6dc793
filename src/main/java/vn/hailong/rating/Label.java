package vn.hailong.rating;

import java.util.Locale;

/** A text in Vietnamese (always present) and English (falls back to Vietnamese). */
public record Label(String vi, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
