package vn.hailong.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers a period of days with as few rollup rows as possible: from its start, each step takes the
 * coarsest grain whose period starts there and ends within the period (a year, else a quarter,
 * else a month, else a day). A calendar year is one year row per unit and value; 15 March to 9 May
 * is 17 day rows, one month row and 9 day rows. Consecutive pieces of one grain are merged into
 * one range. Ranges are half-open [start, end) of the rows' {@code period_start}.
 */
record PeriodCover(List<Piece> pieces) {

    record Range(LocalDate start, LocalDate end) {}

    /** Rows of {@code grain} whose period starts in {@code range}. */
    record Piece(Grain grain, Range range) {}

    /** {@code from} and {@code to} both included. */
    static PeriodCover of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " .. " + to);
        }
        LocalDate end = to.plusDays(1);
        List<Piece> pieces = new ArrayList<>();
        LocalDate cursor = from;
        while (cursor.isBefore(end)) {
            for (Grain grain : Grain.COARSEST_FIRST) {
                LocalDate next = grain.next(cursor);
                if (grain.start(cursor).equals(cursor) && !next.isAfter(end)) {
                    Piece last = pieces.isEmpty() ? null : pieces.getLast();
                    if (last != null
                            && last.grain() == grain
                            && last.range().end().equals(cursor)) {
                        pieces.set(
                                pieces.size() - 1,
                                new Piece(grain, new Range(last.range().start(), next)));
                    } else {
                        pieces.add(new Piece(grain, new Range(cursor, next)));
                    }
                    cursor = next;
                    break;
                }
            }
        }
        return new PeriodCover(List.copyOf(pieces));
    }

    /** The ranges read from rows of one grain, in order. */
    List<Range> of(Grain grain) {
        return pieces.stream().filter(p -> p.grain() == grain).map(Piece::range).toList();
    }
}
