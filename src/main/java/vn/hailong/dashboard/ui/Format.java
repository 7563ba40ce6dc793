package vn.hailong.dashboard.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.hailong.dashboard.FigureFormat;
import vn.hailong.platform.Formats;
import vn.hailong.platform.SampleProportion;

/** Vietnamese number style for the managers' screens: 1.234 and 98,5 % ({@link FigureFormat}). */
final class Format {

    static final Locale VI = FigureFormat.VI;

    private Format() {}

    static String count(long n) {
        return FigureFormat.count(n);
    }

    static String percent(@Nullable Double p) {
        return FigureFormat.percent(p);
    }

    static String average(@Nullable Double a) {
        return FigureFormat.average(a);
    }

    static String interval(SampleProportion p) {
        return FigureFormat.interval(p);
    }

    /** 23/11/2026 ({@link Formats#day(LocalDate)}); "" for none. */
    static String day(@Nullable LocalDate on) {
        return Formats.ofCurrentPage().day(on);
    }

    /** 23/11 ({@link Formats#shortDay}); "" for none. */
    static String shortDay(@Nullable LocalDate on) {
        return Formats.ofCurrentPage().shortDay(on);
    }

    static String time(Instant i) {
        return Formats.ofCurrentPage().time(i);
    }
}
