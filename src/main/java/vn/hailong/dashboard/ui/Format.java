package vn.hailong.dashboard.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Vietnamese number style for the managers' screens: 1.234 and 98,5 %. */
final class Format {

    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Format() {
    }

    static String count(long n) {
        return String.format(VI, "%,d", n);
    }

    static String percent(Double p) {
        return p == null ? "—" : String.format(VI, "%.1f %%", p);
    }

    static String average(Double a) {
        return a == null ? "—" : String.format(VI, "%.2f", a);
    }

    static String time(Instant i) {
        return TIME.format(i);
    }
}
