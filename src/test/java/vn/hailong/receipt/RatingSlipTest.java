package vn.hailong.receipt;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable rating slip: what the citizen needs to rate, print-ready, with nothing from the dossier left unescaped. */
class RatingSlipTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CODE = "000.00.06.H56-261102-0001";
    static final String LINK = "https://hailong.example.gov.vn/r/AbCdEfGhIjKlMnOpQrStUv";

    static RatingSlip slip(String procedureName, Instant dueAt) {
        return new RatingSlip(CODE, procedureName, dueAt, VIETNAM, LINK);
    }

    @Test
    void the_slip_shows_the_code_the_procedure_the_due_date_and_how_to_rate_in_both_languages() {
        String html = slip("Cấp giấy phép môi trường", Instant.parse("2026-11-20T10:00:00Z"))
                .html();

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains(CODE)
                .contains("Cấp giấy phép môi trường")
                .contains("20/11/2026")
                .contains("Quét mã QR bằng điện thoại để đánh giá mức độ hài lòng về việc giải quyết hồ sơ."
                        + " Không cần đăng nhập, không ghi nhận danh tính.")
                .contains(
                        "Scan the QR code with your phone to rate how your dossier was handled. No login; your rating is anonymous.");
    }

    @Test
    void the_due_date_is_the_day_in_vietnam_not_in_utc() {
        // 17:30 UTC on 19 November is already 00:30 on 20 November in Hà Nội
        assertThat(slip("Thủ tục", Instant.parse("2026-11-19T17:30:00Z")).html())
                .contains("20/11/2026")
                .doesNotContain("19/11/2026");
    }

    @Test
    void the_slip_is_an_a6_page_that_needs_nothing_from_outside() {
        String html = slip("Thủ tục", Instant.parse("2026-11-20T10:00:00Z")).html();

        assertThat(html)
                .contains("@page { size: A6; margin: 8mm }")
                .contains("<meta charset=\"UTF-8\">")
                .doesNotContain("<link", "<script", "<img", "src=", "url(", "@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
    }

    @Test
    void the_qr_code_is_inline_svg_that_scans_to_the_survey_link() {
        String html = slip("Thủ tục", null).html();

        int start = html.indexOf("<svg");
        int end = html.indexOf("</svg>") + "</svg>".length();
        assertThat(start).isPositive();
        String svg = html.substring(start, end);
        assertThat(svg).isEqualTo(QrCodes.svg(LINK));
        assertThat(QrImages.decodeSvg(svg)).isEqualTo(LINK);
    }

    @Test
    void markup_in_a_procedure_name_is_shown_as_text_not_run() {
        String html = slip("<script>alert('x')</script> & \"Thủ tục\"", null).html();

        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Thủ tục&quot;");
    }

    @Test
    void a_dossier_without_a_due_date_or_procedure_name_still_gets_a_slip() {
        String html = slip(null, null).html();

        assertThat(html)
                .contains(CODE)
                .contains("<svg")
                .doesNotContain("Hẹn trả")
                .doesNotContain("Thủ tục /");
    }
}
