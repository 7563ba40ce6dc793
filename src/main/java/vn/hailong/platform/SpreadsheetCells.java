package vn.hailong.platform;

import java.util.List;

/**
 * Cells of every CSV the application writes, made safe to open in a spreadsheet (OWASP, "CSV
 * injection"): a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return would be read as a formula, so it gets a leading single quote, which spreadsheet
 * programs show as text and do not evaluate. The quote stays visible in plain-text readers: the
 * price of a cell that cannot carry code.
 * <p>
 * Only text is changed. Numbers the application writes itself ({@link Number} values: counts,
 * rates, a rank change of −2) are left as they are, so that they stay numbers a spreadsheet can
 * add up; they cannot carry a formula. A text that merely looks like a negative number (a
 * citizen's comment "-5") is text and is quoted.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** A text cell, neutralised if it could be read as a formula; null stays null. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return startsLikeFormula(value) ? "'" + value : value;
    }

    /** A cell of any type: numbers unchanged, everything else as neutralised text; null becomes empty. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        return text(value.toString());
    }

    /** A row of cells, each through {@link #cell(Object)}. */
    public static List<Object> row(List<?> values) {
        return values.stream().map(SpreadsheetCells::cell).toList();
    }

    /** Whether a spreadsheet would take this text for a formula (OWASP's characters). */
    public static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
