package vn.hailong.survey.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How the citizen wants the page shown: language and text size. Carried in the query string and
 * in hidden form fields, so both switches work without JavaScript and without cookies. On the
 * survey form the switches are buttons of the form (the answers go along and are kept, see
 * {@link #after(String)}); on the other pages they are links.
 */
public record Display(String lang, int size) {

    /** Text sizes (percent of the browser's default); A-/A+ step through them. */
    static final int[] PERCENT = {90, 100, 115, 130, 150};

    static final int DEFAULT_SIZE = 1;

    static Display of(@Nullable String lang, @Nullable String size) {
        int level = DEFAULT_SIZE;
        if (size != null && size.matches("[0-9]")) {
            level = Math.min(PERCENT.length - 1, Integer.parseInt(size));
        }
        return new Display("en".equals(lang) ? "en" : "vi", level);
    }

    boolean english() {
        return "en".equals(lang);
    }

    String otherLang() {
        return english() ? "vi" : "en";
    }

    /** The class on the html element that sets the root font size. */
    String sizeClass() {
        return "t" + PERCENT[size];
    }

    boolean canShrink() {
        return size > 0;
    }

    boolean canGrow() {
        return size < PERCENT.length - 1;
    }

    String url(String path, String withLang, int withSize) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (!"vi".equals(withLang)) {
            uri.queryParam("lang", withLang);
        }
        if (withSize != DEFAULT_SIZE) {
            uri.queryParam("size", withSize);
        }
        return uri.build().toUriString();
    }

    /** The display a switch button of the form asks for ({@code smaller}, {@code larger}, {@code lang}); itself otherwise. */
    Display after(@Nullable String action) {
        return switch (action == null ? "" : action) {
            case "smaller" -> new Display(lang, Math.max(0, size - 1));
            case "larger" -> new Display(lang, Math.min(PERCENT.length - 1, size + 1));
            case "lang" -> new Display(otherLang(), size);
            default -> this;
        };
    }

    static boolean isSwitch(@Nullable String action) {
        return "smaller".equals(action) || "larger".equals(action) || "lang".equals(action);
    }

    String url(String path) {
        return url(path, lang, size);
    }
}
