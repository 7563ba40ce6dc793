package vn.hailong.moderation.ui;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Formats;

/** How moderation screens write days and times ({@link Formats}); statuses and answers are {@code RatingWords}. */
final class ModerationLabels {

    private ModerationLabels() {}

    static String day(LocalDate day) {
        return Formats.ofCurrentPage().day(day);
    }

    static String time(@Nullable Instant at) {
        return Formats.ofCurrentPage().time(at);
    }
}
