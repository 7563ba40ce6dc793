package vn.hailong.moderation.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How moderation screens word statuses, answers and dates (Vietnamese first). */
final class ModerationLabels {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ModerationLabels() {}

    static String answer(String option) {
        return switch (option) {
            case "VERY_SATISFIED" -> "Rất hài lòng";
            case "SATISFIED" -> "Hài lòng";
            case "DISSATISFIED" -> "Không hài lòng";
            default -> option;
        };
    }

    static String ratingStatus(String status) {
        return switch (status) {
            case "COUNTED" -> "Được tính";
            case "SUPERSEDED" -> "Bị thay thế";
            case "UNBOUND" -> "Chưa gắn hồ sơ";
            case "EXCLUDED" -> "ĐÃ LOẠI (kiểm duyệt)";
            default -> status;
        };
    }

    static String channel(String channel) {
        return switch (channel) {
            case "KIOSK" -> "Thiết bị tại quầy";
            case "QR" -> "Điện thoại (mã QR)";
            case "PORTAL" -> "Cổng dịch vụ công";
            case "PAPER" -> "Phiếu giấy";
            case "PHONE" -> "Điện thoại viên";
            default -> channel;
        };
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(VIETNAM));
    }
}
