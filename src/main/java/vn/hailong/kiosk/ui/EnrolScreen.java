package vn.hailong.kiosk.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** A tablet not (or no longer) enrolled: how the administrator enrols it. Never a survey. */
final class EnrolScreen extends KioskScreen {

    EnrolScreen(KioskWords words) {
        super("kiosk-enrol", words);
        add(
                new H1(t("Máy tính bảng này chưa được đăng ký", "This tablet is not enrolled")),
                new Paragraph(t(
                        "Quản trị viên: mở mục “Thiết bị kiosk” trong trang quản lý, chọn “Đăng ký thiết bị” "
                                + "và quét mã QR bằng máy tính bảng này (hoặc mở liên kết một lần).",
                        "Administrator: open “Kiosk devices” in the management pages, choose “Enrol device” and scan the "
                                + "QR code with this tablet (or open the one-time link).")));
    }
}
