package vn.hailong.index;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hailong.platform.InvalidInputException;

/**
 * A period the index is computed for: a year ({@code 2026}), a quarter ({@code 2026-Q3}) or a
 * month ({@code 2026-07}). Its days run from {@link #start()} to {@link #end()}, both included, in
 * the province's zone.
 */
public record IndexPeriod(Granularity granularity, int year, int number) {

    public enum Granularity {
        YEAR,
        QUARTER,
        MONTH
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public IndexPeriod {
        Objects.requireNonNull(granularity, "granularity");
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (granularity) {
            case YEAR -> 1;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (number < 1 || number > max) {
            throw new IllegalArgumentException(granularity + " number out of range: " + number);
        }
    }

    /**
     * Reads {@code 2026}, {@code 2026-Q3} or {@code 2026-07}.
     *
     * @throws InvalidInputException (malformed, naming {@code field}) for anything else
     */
    public static IndexPeriod parse(String text, String field) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw InvalidInputException.malformed(
                    field, field + " '" + text + "' is not a period like 2026, 2026-Q3 or 2026-07");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000) {
            throw InvalidInputException.malformed(field, field + " '" + text + "' is before 2000");
        }
        if (m.group(2) != null) {
            return new IndexPeriod(Granularity.QUARTER, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new IndexPeriod(Granularity.MONTH, year, Integer.parseInt(m.group(3)));
        }
        return new IndexPeriod(Granularity.YEAR, year, 1);
    }

    public static IndexPeriod year(int year) {
        return new IndexPeriod(Granularity.YEAR, year, 1);
    }

    public LocalDate start() {
        return switch (granularity) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    /** The last day, included. */
    public LocalDate end() {
        return switch (granularity) {
            case YEAR -> start().plusYears(1).minusDays(1);
            case QUARTER -> start().plusMonths(3).minusDays(1);
            case MONTH -> start().plusMonths(1).minusDays(1);
        };
    }

    /** The period before this one, of the same granularity (rank changes compare with it). */
    public IndexPeriod previous() {
        if (granularity == Granularity.YEAR || number == 1) {
            int last = switch (granularity) {
                case YEAR -> 1;
                case QUARTER -> 4;
                case MONTH -> 12;
            };
            return new IndexPeriod(granularity, year - 1, last);
        }
        return new IndexPeriod(granularity, year, number - 1);
    }

    /** The year this period lies in, as a period: unit entries of the year stand in for a quarter or month without its own. */
    public IndexPeriod containingYear() {
        return year(year);
    }

    @Override
    public String toString() {
        return switch (granularity) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> String.format("%d-%02d", year, number);
        };
    }
}
