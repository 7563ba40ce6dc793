package vn.hailong.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Words;

/**
 * A period of the dashboard: a month, a quarter, a year or custom days, {@code from} and {@code to}
 * both included. It knows the period before it and the same period a year earlier.
 */
public record DashboardPeriod(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind {
        MONTH,
        QUARTER,
        YEAR,
        CUSTOM;

        /** The kind's name, {@code dashboard.period.kind.<name>} of the bundles (Vietnamese). */
        public String label() {
            return Words.of("dashboard.period.kind." + name(), Words.VI);
        }
    }

    public DashboardPeriod {
        if (to.isBefore(from)) {
            throw InvalidInputException.malformed("to", Words.of("dashboard.period.endsBeforeStart", Words.VI));
        }
    }

    /** The month, quarter or year containing {@code day}. */
    public static DashboardPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH ->
                new DashboardPeriod(
                        kind, day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
            case QUARTER -> {
                LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new DashboardPeriod(kind, start, start.plusMonths(3).minusDays(1));
            }
            case YEAR ->
                new DashboardPeriod(
                        kind,
                        day.withDayOfYear(1),
                        day.withDayOfYear(1).plusYears(1).minusDays(1));
            case CUSTOM -> new DashboardPeriod(kind, day, day);
        };
    }

    public static DashboardPeriod custom(LocalDate from, LocalDate to) {
        return new DashboardPeriod(Kind.CUSTOM, from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period just before: the previous month, quarter or year, or as many days before a custom period. */
    public DashboardPeriod previous() {
        return switch (kind) {
            case MONTH -> containing(kind, from.minusMonths(1));
            case QUARTER -> containing(kind, from.minusMonths(3));
            case YEAR -> containing(kind, from.minusYears(1));
            case CUSTOM -> new DashboardPeriod(kind, from.minusDays(days()), from.minusDays(1));
        };
    }

    /** The same period one year earlier. */
    public DashboardPeriod sameLastYear() {
        return switch (kind) {
            case CUSTOM -> new DashboardPeriod(kind, from.minusYears(1), to.minusYears(1));
            default -> containing(kind, from.minusYears(1));
        };
    }

    /** Whether {@code today} falls inside the period: it has begun and is not over (today itself is never complete). */
    public boolean runningOn(LocalDate today) {
        return !today.isBefore(from) && !today.isAfter(to);
    }

    /** The first {@code count} days of the period (all of it when it is shorter), of the same kind. */
    public DashboardPeriod firstDays(long count) {
        LocalDate end = from.plusDays(Math.max(1, count) - 1);
        return new DashboardPeriod(kind, from, end.isBefore(to) ? end : to);
    }

    /** Whether this is only the first days of its month, quarter or year (see {@link #firstDays}). */
    public boolean partial() {
        return kind != Kind.CUSTOM && to.isBefore(containing(kind, from).to());
    }

    /**
     * The period as far as it has run on {@code today} and what it is fairly compared with: a running
     * period (today inside it) counts its days up to today and is compared with as many days from
     * the start of the period before and of the same period a year earlier, never with whole ones
     * (3 days of December against all of November reads as a collapse). A period that is over is
     * compared whole with whole. For a year, the period before is the same year a year earlier: one
     * comparison, not two equal ones.
     */
    public Comparison comparedOn(LocalDate today) {
        if (!runningOn(today)) {
            return new Comparison(this, null, this, previous(), sameLastYear());
        }
        long elapsed = ChronoUnit.DAYS.between(from, today) + 1;
        return new Comparison(
                this,
                today,
                firstDays(elapsed),
                previous().firstDays(elapsed),
                sameLastYear().firstDays(elapsed));
    }

    /**
     * What the dashboard reads for a selected period: {@code current} (the whole {@code period}, or
     * its days up to {@code asOf} while it runs), {@code previous} and {@code lastYear} cut to as
     * many days. {@code asOf} is null for a period that is over.
     */
    public record Comparison(
            DashboardPeriod period,
            @Nullable LocalDate asOf,
            DashboardPeriod current,
            DashboardPeriod previous,
            DashboardPeriod lastYear) {

        /** Whether the period a year earlier is the period before (a year): then there is one comparison. */
        public boolean lastYearIsPrevious() {
            return lastYear.equals(previous);
        }
    }

    /**
     * "Tháng 10/2026", "Quý 4/2026", "Năm 2026" or "01/10/2026 – 15/11/2026"; the first days of a
     * month, quarter or year say which: "Tháng 11/2026 (01/11–04/11)".
     */
    public String label() {
        if (partial()) {
            return containing(kind, from).label() + " ("
                    + Formats.ofCurrentPage().shortDay(from) + "–"
                    + Formats.ofCurrentPage().shortDay(to) + ")";
        }
        return switch (kind) {
            // Numbers as text: MessageFormat would write the year 2026 as "2.026".
            case MONTH ->
                Words.of(
                        "dashboard.period.month",
                        Words.VI,
                        String.valueOf(from.getMonthValue()),
                        String.valueOf(from.getYear()));
            case QUARTER ->
                Words.of(
                        "dashboard.period.quarter",
                        Words.VI,
                        String.valueOf((from.getMonthValue() - 1) / 3 + 1),
                        String.valueOf(from.getYear()));
            case YEAR -> Words.of("dashboard.period.year", Words.VI, String.valueOf(from.getYear()));
            case CUSTOM ->
                Formats.ofCurrentPage().day(from) + " – "
                        + Formats.ofCurrentPage().day(to);
        };
    }
}
