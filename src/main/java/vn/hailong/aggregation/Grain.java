package vn.hailong.aggregation;

import java.time.LocalDate;

/**
 * How long a rollup row's period is. Every dimension has rows of all four grains, so that any
 * period is read from a few rows: a year from one row per unit and value, a custom period from
 * its whole years, quarters and months plus the days at its edges (see {@link PeriodCover}).
 * Quarters are calendar quarters, as in the reporting periods of Decision 766 and the PAR Index.
 */
enum Grain {
    DAY('D'),
    MONTH('M'),
    QUARTER('Q'),
    YEAR('Y');

    /** Coarsest first: the order in which {@link PeriodCover} tries them. */
    static final Grain[] COARSEST_FIRST = {YEAR, QUARTER, MONTH, DAY};

    private final char code;

    Grain(char code) {
        this.code = code;
    }

    /** The code stored in the rollup tables' {@code grain} column. */
    char code() {
        return code;
    }

    /** The first day of the period of this grain that holds {@code day}. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day after the period of this grain that starts on {@code start}. */
    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /**
     * The same as {@link #start} in SQL, for a DATE expression: how the rebuild turns day rows into
     * coarser ones.
     */
    String startSql(String day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> "DATE_SUB(" + day + ", INTERVAL DAYOFMONTH(" + day + ") - 1 DAY)";
            case QUARTER -> "(MAKEDATE(YEAR(" + day + "), 1) + INTERVAL (QUARTER(" + day + ") - 1) QUARTER)";
            case YEAR -> "MAKEDATE(YEAR(" + day + "), 1)";
        };
    }
}
