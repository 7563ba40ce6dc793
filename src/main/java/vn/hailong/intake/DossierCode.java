package vn.hailong.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A dossier code as the one-stop software issues it: {@code {agency code}-{yyMMdd}-{sequence}},
 * e.g. {@code 000.00.06.H56-231027-0361}.
 */
public record DossierCode(String value) {

    public static final int MAX_LENGTH = 60;
    private static final Pattern FORMAT =
            Pattern.compile("([0-9A-Z]+(?:\\.[0-9A-Z]+)*)-(\\d{2})(\\d{2})(\\d{2})-(\\d{4,6})");

    public DossierCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why the text is not a dossier code, or {@code null} when it is one. */
    public static @Nullable String problemWith(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return "dossier code is missing";
        }
        if (value.length() > MAX_LENGTH) {
            return "dossier code is longer than " + MAX_LENGTH + " characters";
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            return "dossier code '" + value
                    + "' must look like 000.00.06.H56-261102-0001 (agency code, yyMMdd, sequence)";
        }
        if (m.group(1).length() > 35) {
            return "the agency part of dossier code '" + value + "' is longer than 35 characters";
        }
        try {
            LocalDate.of(
                    2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return "dossier code '" + value + "' contains an impossible date";
        }
        return null;
    }

    /** The last digits, safe to show on a public screen so a citizen recognises their dossier. */
    public String lastDigits() {
        return value.substring(value.lastIndexOf('-') + 1);
    }
}
