package vn.hailong.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.SampleProportion;

/** Vietnamese number style for what managers read (screens and the PDF): 1.234, 98,5 % and 46,8–91,1 %. */
public final class FigureFormat {

    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private FigureFormat() {}

    public static String count(long n) {
        return String.format(VI, "%,d", n);
    }

    public static String percent(@Nullable Double p) {
        return p == null ? "—" : String.format(VI, "%.1f %%", p);
    }

    public static String average(@Nullable Double a) {
        return a == null ? "—" : String.format(VI, "%.2f", a);
    }

    /** The 95 % interval of a share in percent, "46,8–91,1 %", or "—" without a sample. */
    public static String interval(SampleProportion p) {
        if (p.isEmpty()) {
            return "—";
        }
        return String.format(VI, "%.1f–%.1f %%", onePlace(p.lower95()), onePlace(p.upper95()));
    }

    private static double onePlace(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
