package vn.hailong.aggregation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Rating sums of one unit and one dimension value over a period, for one rating status and one
 * criterion: {@code answers} answers, {@code points} points in total, {@code p0}/{@code p1}/{@code p2}
 * answers worth 0, 1 and 2 points. For criterion {@code overall}, answers are ratings and
 * {@code p1 + p2} the satisfied ones.
 */
public record RatingCell(
        @Nullable UUID unitId,
        String dimValue,
        String status,
        String criterion,
        long answers,
        long points,
        long p0,
        long p1,
        long p2) {}
