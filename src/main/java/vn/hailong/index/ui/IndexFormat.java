package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.hailong.index.IndicatorSource;
import vn.hailong.index.Rounding;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Words;

/**
 * Vietnamese number and time formats of the index views: 98,50 and 22/11/2026 09:30. The words
 * are {@code index.ui.format.*} in the bundles; a number goes into them already formatted.
 */
final class IndexFormat {

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    private IndexFormat() {}

    static String number(@Nullable BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(VI);
        f.setMinimumFractionDigits(Math.max(0, value.scale()));
        f.setMaximumFractionDigits(Math.max(0, value.scale()));
        return f.format(value);
    }

    static String percent(@Nullable BigDecimal value) {
        return value == null ? "—" : number(value) + " %";
    }

    /** "92,45 % (KTC 95 %: 89,88–94,41 %; n = 530)": the rate with its interval and sample; "—" without a rate. */
    static String rateWithInterval(@Nullable BigDecimal rate, UnitResult.@Nullable SatisfactionSample sample) {
        if (rate == null) {
            return sample == null ? "—" : "— (n = " + count(sample.sampleSize()) + ")";
        }
        if (sample == null || sample.lowerPercent() == null) {
            return percent(rate);
        }
        return percent(rate) + " (" + interval(sample) + ")";
    }

    /** "KTC 95 %: 89,88–94,41 %; n = 530". */
    static String interval(UnitResult.@Nullable SatisfactionSample sample) {
        if (sample == null) {
            return "";
        }
        if (sample.lowerPercent() == null) {
            return "n = " + count(sample.sampleSize());
        }
        return Words.of(
                "index.ui.format.interval",
                number(sample.lowerPercent()),
                number(sample.upperPercent()),
                count(sample.sampleSize()));
    }

    /** What an indicator was computed from, in words (the stored note for the computed ones). */
    static String note(UnitResult.IndicatorResult i) {
        if (i.source() == IndicatorSource.CITIZEN_ANSWER) {
            return Words.of(
                    "index.ui.format.citizenAnswersNote",
                    count(i.denominator()),
                    IndexLabels.criterion(i.criterion()),
                    i.numerator() == null ? "0" : number(i.numerator()));
        }
        return i.note();
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(VI).format(value);
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "—" : Formats.ofCurrentPage().time(instant);
    }

    static String rankChange(@Nullable Integer change) {
        if (change == null) {
            return "—";
        }
        if (change == 0) {
            return "=";
        }
        // "tăng 06 bậc" as the province writes it, with an arrow for the eye
        return Words.of(
                change > 0 ? "index.ui.format.rankUp" : "index.ui.format.rankDown",
                String.format("%02d", Math.abs(change)));
    }

    /** The TT 01 band's name, or why there is none. */
    static String band(UnitResult r) {
        return r.circular01Band() == null
                ? Words.of("index.ui.format.noBand")
                : r.circular01Band().label();
    }

    static String flags(UnitResult r) {
        StringBuilder s = new StringBuilder();
        for (String flag : r.flags()) {
            String label = IndexLabels.of("index.flag." + flag, flag)
                    + (flag.equals(UnitResult.MISSING_INDICATORS)
                            ? " "
                                    + r.missingIndicators().stream()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", "))
                            : "");
            if (!s.isEmpty()) {
                s.append(" · ");
            }
            s.append(label);
        }
        return s.toString();
    }

    static String source(IndicatorSource source) {
        String s = IndexLabels.of("source", source);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "đến 2 chữ số thập phân (làm tròn nửa lên)". */
    static String rounding(Rounding r) {
        return Words.of("index.ui.format.rounding", String.valueOf(r.scale()), IndexLabels.of("rounding", r.mode()));
    }
}
