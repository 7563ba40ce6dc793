package vn.hailong.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A period of the dashboard: a month, a quarter, a year or custom days, {@code from} and {@code to}
 * both included. It knows the period before it and the same period a year earlier.
 */
public record DashboardPeriod(Kind kind, LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public enum Kind {
        MONTH("Tháng"), QUARTER("Quý"), YEAR("Năm"), CUSTOM("Tùy chọn");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DashboardPeriod {
        if (to.isBefore(from)) {
            throw vn.hailong.platform.InvalidInputException.malformed("to", "the period ends before it starts (ngày kết thúc trước ngày bắt đầu)");
        }
    }

    /** The month, quarter or year containing {@code day}. */
    public static DashboardPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new DashboardPeriod(kind, day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
            case QUARTER -> {
                LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new DashboardPeriod(kind, start, start.plusMonths(3).minusDays(1));
            }
            case YEAR -> new DashboardPeriod(kind, day.withDayOfYear(1), day.withDayOfYear(1).plusYears(1).minusDays(1));
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

    /** "Tháng 10/2026", "Quý 4/2026", "Năm 2026" or "01/10/2026 – 15/11/2026". */
    public String label() {
        return switch (kind) {
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + from.getYear();
            case QUARTER -> "Quý " + ((from.getMonthValue() - 1) / 3 + 1) + "/" + from.getYear();
            case YEAR -> "Năm " + from.getYear();
            case CUSTOM -> DAY.format(from) + " – " + DAY.format(to);
        };
    }
}
