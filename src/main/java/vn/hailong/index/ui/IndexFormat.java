package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.hailong.index.UnitResult;

/** Vietnamese number and time formats of the index views: 98,50 and 22/11/2026 09:30. */
final class IndexFormat {

    static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private IndexFormat() {
    }

    static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(VI);
        f.setMinimumFractionDigits(Math.max(0, value.scale()));
        f.setMaximumFractionDigits(Math.max(0, value.scale()));
        return f.format(value);
    }

    static String percent(BigDecimal value) {
        return value == null ? "—" : number(value) + " %";
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(VI).format(value);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    static String rankChange(Integer change) {
        if (change == null) {
            return "—";
        }
        if (change == 0) {
            return "=";
        }
        // "tăng 06 bậc" as the province writes it, with an arrow for the eye
        return (change > 0 ? "▲ tăng " : "▼ giảm ") + String.format("%02d", Math.abs(change));
    }

    /** The TT 01 band's name, or why there is none. */
    static String band(UnitResult r) {
        return r.circular01Band() == null ? "không xếp loại (không có hồ sơ)" : r.circular01Band().label();
    }

    static String flags(UnitResult r) {
        StringBuilder s = new StringBuilder();
        for (String flag : r.flags()) {
            String label = switch (flag) {
                case "NO_RATINGS" -> "Chưa có đánh giá";
                case "NO_DOSSIERS" -> "Không có hồ sơ";
                case "MISSING_INDICATORS" -> "Thiếu chỉ số " + r.missingIndicators().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "));
                case "UNRANKED" -> "Không xếp hạng";
                case "INSUFFICIENT_SAMPLE" -> "Chưa đủ số đánh giá";
                default -> flag;
            };
            if (!s.isEmpty()) {
                s.append(" · ");
            }
            s.append(label);
        }
        return s.toString();
    }

    static String source(vn.hailong.index.IndicatorSource source) {
        return switch (source) {
            case DOSSIER_TIMELINESS -> "Thời hạn giải quyết hồ sơ";
            case CITIZEN_ANSWER -> "Người dân đánh giá";
            case UNIT_ENTRY -> "Đơn vị nhập";
            case COMPLAINTS_ON_TIME -> "Tính từ PAKN";
        };
    }
}
