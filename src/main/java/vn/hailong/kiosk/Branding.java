package vn.hailong.kiosk;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.FieldErrors;

/**
 * How a site's kiosk looks: the centre's name as it wants it shown, a short mark (its logo as
 * text, e.g. "TTHCC"), and its colour for buttons and the mark. Every part is optional.
 */
public record Branding(
        @Nullable String centreName,
        @Nullable String logoText,
        @Nullable String colour) {

    public static final Branding NONE = new Branding(null, null, null);
    static final int CENTRE_NAME_MAX_LENGTH = 200;
    static final int LOGO_TEXT_MAX_LENGTH = 12;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Checks it; problems are named {@code branding.<part>}. */
    void check(FieldErrors errors) {
        if (centreName != null && centreName.length() > CENTRE_NAME_MAX_LENGTH) {
            errors.malformed("branding.centreName", "at most " + CENTRE_NAME_MAX_LENGTH + " characters");
        }
        if (logoText != null && logoText.length() > LOGO_TEXT_MAX_LENGTH) {
            errors.malformed("branding.logoText", "at most " + LOGO_TEXT_MAX_LENGTH + " characters");
        }
        if (colour != null) {
            if (!COLOUR.matcher(colour).matches()) {
                errors.malformed("branding.colour", "expected a colour as #rrggbb, e.g. #b3261e");
            } else if (contrastWithWhite(colour) < 4.5) {
                // Buttons carry white text on this colour: citizens must be able to read them.
                errors.malformed(
                        "branding.colour",
                        String.format(
                                Locale.ROOT,
                                "%s is too light for white text (contrast %.1f:1, at least 4.5:1 needed); choose a darker colour",
                                colour,
                                contrastWithWhite(colour)));
            }
        }
    }

    /** WCAG contrast ratio of white text on this colour. */
    static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return 1.05 / (l + 0.05);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
