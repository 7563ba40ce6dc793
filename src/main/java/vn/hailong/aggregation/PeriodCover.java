package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers a period of days with as few rollup rows as possible: the whole months inside it from
 * month rows, the days at its edges from day rows. Ranges are half-open [start, end).
 */
record PeriodCover(List<Range> months, List<Range> days) {

    record Range(LocalDate start, LocalDate end) {
    }

    /** {@code from} and {@code to} both included. */
    static PeriodCover of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " .. " + to);
        }
        LocalDate end = to.plusDays(1);
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = end.withDayOfMonth(1);
        List<Range> months = new ArrayList<>();
        List<Range> days = new ArrayList<>();
        if (firstWholeMonth.isBefore(afterLastWholeMonth)) {
            months.add(new Range(firstWholeMonth, afterLastWholeMonth));
            if (from.isBefore(firstWholeMonth)) {
                days.add(new Range(from, firstWholeMonth));
            }
            if (afterLastWholeMonth.isBefore(end)) {
                days.add(new Range(afterLastWholeMonth, end));
            }
        } else {
            days.add(new Range(from, end));
        }
        return new PeriodCover(List.copyOf(months), List.copyOf(days));
    }
}
