package vn.hailong.survey.web;

import java.util.Map;

/**
 * Every fixed text of the citizen's survey page, Vietnamese first. The questions themselves come
 * from the questionnaire (one definition for the phone page and the kiosk).
 */
final class SurveyTexts {

    static final Map<String, String> VI = Map.ofEntries(
            Map.entry("pageTitle", "Đánh giá sự hài lòng"),
            Map.entry("errorTitlePrefix", "Cần sửa: "),
            Map.entry("heading", "Đánh giá sự hài lòng"),
            Map.entry("brand", "Hài Lòng · Bộ phận Một cửa"),
            Map.entry("smaller", "Giảm cỡ chữ"),
            Map.entry("larger", "Tăng cỡ chữ"),
            Map.entry("textSize", "Cỡ chữ"),
            Map.entry("dossier", "Hồ sơ số …"),
            Map.entry("due", "hẹn trả"),
            Map.entry("optional", "(không bắt buộc)"),
            Map.entry("reasonsLegend", "Vì sao ông/bà chưa hài lòng? (chọn ít nhất một lý do)"),
            Map.entry("reasonsSummary", "Nếu ông/bà chưa hài lòng: cho biết lý do"),
            Map.entry("reasonDetailLabel", "Ghi rõ lý do (nếu muốn)"),
            Map.entry("reasonDetailHint", "Nếu chọn “Lý do khác”, xin ghi rõ ở đây."),
            Map.entry("moreTitle", "Câu hỏi thêm (không bắt buộc)"),
            Map.entry("moreHint", "Ông/bà có thể gửi ngay, hoặc trả lời thêm rồi gửi."),
            Map.entry("commentLabel", "Góp ý thêm (không bắt buộc)"),
            Map.entry("anonymous", "Đánh giá không ghi nhận danh tính của ông/bà."),
            Map.entry("send", "Gửi đánh giá"),
            Map.entry("errorSummary", "Vui lòng kiểm tra lại:"),
            Map.entry("chooseAnswer", "Vui lòng chọn một câu trả lời"),
            Map.entry("chooseReason", "Vui lòng chọn ít nhất một lý do, hoặc ghi lý do vào ô bên dưới"),
            Map.entry("chooseReasonCode", "Vui lòng chọn ít nhất một lý do"),
            Map.entry("describeReason", "Vui lòng ghi rõ lý do"),
            Map.entry("commentTooLong", "Phần ghi dài quá 2000 ký tự"),
            Map.entry("tryAgain", "Không gửi được đánh giá. Vui lòng bấm “Gửi đánh giá” lần nữa."),
            Map.entry("consentLegend", "Liên hệ lại (không bắt buộc)"),
            Map.entry("consentLabel", "Tôi đồng ý để cơ quan gọi điện cho tôi về việc này"),
            Map.entry(
                    "consentHint",
                    "Số điện thoại chỉ dùng để liên hệ về việc này, được lưu riêng, không gắn với nội dung đánh giá, và được xoá khi kết thúc xử lý."),
            Map.entry("phoneLabel", "Số điện thoại di động"),
            Map.entry("phoneHint", "Ví dụ: 0912 345 678"),
            Map.entry(
                    "phoneInvalid", "Số điện thoại di động chưa đúng (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09)"),
            Map.entry("phoneMissing", "Vui lòng nhập số điện thoại, hoặc bỏ đánh dấu đồng ý liên hệ"),
            Map.entry("consentMissing", "Vui lòng đánh dấu đồng ý liên hệ, hoặc xoá số điện thoại"),
            Map.entry("thanksTitle", "Xin cảm ơn!"),
            Map.entry("thanks", "Đánh giá của ông/bà đã được ghi nhận và giúp chúng tôi phục vụ tốt hơn."),
            Map.entry("thanksFollowUp", "Cơ quan sẽ gọi lại cho ông/bà về việc chưa hài lòng trong vài ngày làm việc."),
            Map.entry("closeHint", "Ông/bà có thể đóng trang này."),
            Map.entry("noticeTitle", "Đánh giá sự hài lòng"),
            Map.entry(
                    "UNKNOWN",
                    "Không tìm thấy phiếu đánh giá này. Vui lòng kiểm tra lại mã QR trên giấy hẹn trả kết quả."),
            Map.entry("EXPIRED", "Đường dẫn đánh giá đã hết hạn. Cảm ơn ông/bà đã quan tâm."),
            Map.entry("helpTitle", "Ông/bà có thể làm gì?"),
            Map.entry(
                    "next.UNKNOWN",
                    "Quét lại mã QR trên giấy hẹn trả kết quả (nếu gõ đường dẫn bằng tay, xin kiểm tra từng ký tự). Nếu vẫn không được, ông/bà có thể đánh giá hoặc góp ý trực tiếp tại Bộ phận Một cửa nơi đã nộp hồ sơ, mang theo giấy hẹn."),
            Map.entry(
                    "next.EXPIRED",
                    "Ông/bà vẫn có thể góp ý hoặc phản ánh về việc giải quyết hồ sơ: xin hỏi cán bộ tại Bộ phận Một cửa nơi đã nộp hồ sơ, mang theo giấy hẹn trả kết quả."),
            Map.entry(
                    "next.ALREADY_RATED",
                    "Nếu không phải ông/bà đã đánh giá, hoặc ông/bà muốn phản ánh thêm, xin báo cán bộ tại Bộ phận Một cửa nơi đã nộp hồ sơ, mang theo giấy hẹn trả kết quả."),
            Map.entry("hotline", "Đường dây nóng"),
            Map.entry("ALREADY_RATED", "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần. Xin cảm ơn!"),
            Map.entry(
                    "STAFF",
                    "Tài khoản cán bộ đang đăng nhập trên trình duyệt này không được phép đánh giá thay người dân. Vui lòng đăng xuất, hoặc để người dân tự đánh giá trên điện thoại của mình."),
            Map.entry(
                    "FORBIDDEN",
                    "Trang đánh giá đã quá hạn sử dụng. Vui lòng mở lại đường dẫn (quét lại mã QR) rồi gửi đánh giá."),
            Map.entry("s.REGISTERED", "đã tiếp nhận"),
            Map.entry("s.RECEIVED", "đã tiếp nhận"),
            Map.entry("s.PROCESSING", "đang xử lý"),
            Map.entry("s.PROCESSED", "đang xử lý"),
            Map.entry("s.FINANCIAL_OBLIGATION_REQUESTED", "đang xử lý"),
            Map.entry("s.SUPPLEMENT_REQUESTED", "cần bổ sung giấy tờ"),
            Map.entry("s.RETURNED", "đã trả kết quả"),
            Map.entry("s.NOT_ACCEPTED", "không được tiếp nhận"),
            Map.entry("s.WITHDRAWN", "đã rút hồ sơ"),
            Map.entry("s.STOPPED", "dừng xử lý"));

    static final Map<String, String> EN = Map.ofEntries(
            Map.entry("pageTitle", "Rate our service"),
            Map.entry("errorTitlePrefix", "Please correct: "),
            Map.entry("heading", "Rate our service"),
            Map.entry("brand", "Hài Lòng · One-stop counter"),
            Map.entry("smaller", "Smaller text"),
            Map.entry("larger", "Larger text"),
            Map.entry("textSize", "Text size"),
            Map.entry("dossier", "Dossier …"),
            Map.entry("due", "due"),
            Map.entry("optional", "(optional)"),
            Map.entry("reasonsLegend", "Why were you not satisfied? (choose at least one)"),
            Map.entry("reasonsSummary", "If you are not satisfied: tell us why"),
            Map.entry("reasonDetailLabel", "Describe the reason (if you wish)"),
            Map.entry("reasonDetailHint", "If you chose “Other reason”, please describe it here."),
            Map.entry("moreTitle", "More questions (optional)"),
            Map.entry("moreHint", "You can send now, or answer more and then send."),
            Map.entry("commentLabel", "Anything else you want to tell us? (optional)"),
            Map.entry("anonymous", "Your rating is anonymous."),
            Map.entry("send", "Send"),
            Map.entry("errorSummary", "Please check:"),
            Map.entry("chooseAnswer", "Please choose an answer"),
            Map.entry("chooseReason", "Please choose at least one reason, or write it in the box below"),
            Map.entry("chooseReasonCode", "Please choose at least one reason"),
            Map.entry("describeReason", "Please describe the reason"),
            Map.entry("commentTooLong", "The text is longer than 2000 characters"),
            Map.entry("tryAgain", "Your rating could not be sent. Please press “Send” again."),
            Map.entry("consentLegend", "Contact me (optional)"),
            Map.entry("consentLabel", "I agree to be called about this"),
            Map.entry(
                    "consentHint",
                    "The number is used only to contact you about this, kept apart from your rating, and deleted when the matter is closed."),
            Map.entry("phoneLabel", "Mobile phone number"),
            Map.entry("phoneHint", "For example: 0912 345 678"),
            Map.entry(
                    "phoneInvalid",
                    "This is not a Vietnamese mobile number (10 digits starting with 03, 05, 07, 08 or 09)"),
            Map.entry("phoneMissing", "Please enter your phone number, or untick the consent"),
            Map.entry("consentMissing", "Please tick the consent, or clear the phone number"),
            Map.entry("thanksTitle", "Thank you!"),
            Map.entry("thanks", "Your rating has been recorded and helps us serve you better."),
            Map.entry("thanksFollowUp", "The agency will call you about what went wrong within a few working days."),
            Map.entry("closeHint", "You can close this page."),
            Map.entry("noticeTitle", "Rate our service"),
            Map.entry("UNKNOWN", "This survey link is not valid. Please check the QR code on your receipt."),
            Map.entry("EXPIRED", "This survey link has expired. Thank you for your interest."),
            Map.entry("helpTitle", "What you can do"),
            Map.entry(
                    "next.UNKNOWN",
                    "Scan the QR code on your receipt again (if you typed the link, check every character). If it still does not work, you can rate or comment in person at the one-stop counter where you handed in the dossier; bring the receipt."),
            Map.entry(
                    "next.EXPIRED",
                    "You can still comment on or complain about how your dossier was handled: ask at the one-stop counter where you handed it in, and bring the receipt."),
            Map.entry(
                    "next.ALREADY_RATED",
                    "If you did not rate it yourself, or want to add a complaint, please tell the staff at the one-stop counter where you handed in the dossier; bring the receipt."),
            Map.entry("hotline", "Hotline"),
            Map.entry(
                    "ALREADY_RATED", "This dossier has already been rated. Each dossier can be rated once. Thank you!"),
            Map.entry(
                    "STAFF",
                    "A staff account is logged in on this browser; staff cannot rate on a citizen's behalf. Please log out, or let the citizen rate on their own phone."),
            Map.entry(
                    "FORBIDDEN",
                    "This survey page has expired. Please open the link again (scan the QR code) and send your rating."),
            Map.entry("s.REGISTERED", "received"),
            Map.entry("s.RECEIVED", "received"),
            Map.entry("s.PROCESSING", "being processed"),
            Map.entry("s.PROCESSED", "being processed"),
            Map.entry("s.FINANCIAL_OBLIGATION_REQUESTED", "being processed"),
            Map.entry("s.SUPPLEMENT_REQUESTED", "more documents needed"),
            Map.entry("s.RETURNED", "result returned"),
            Map.entry("s.NOT_ACCEPTED", "not accepted"),
            Map.entry("s.WITHDRAWN", "withdrawn"),
            Map.entry("s.STOPPED", "processing stopped"));

    private SurveyTexts() {}

    static Map<String, String> in(String lang) {
        return "en".equals(lang) ? EN : VI;
    }
}
