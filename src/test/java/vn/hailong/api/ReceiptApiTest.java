package vn.hailong.api;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hailong.ApiClient;
import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.receipt.QrImages;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR codes and the rating slip that the one-stop software prints on its receipts. */
@HaiLongTest
class ReceiptApiTest {

    @LocalServerPort
    int port;

    OneStopSoftware oneStop;
    ApiClient api;
    String code;
    String surveyLink;

    @BeforeEach
    void sendDossier() {
        oneStop = new OneStopSoftware(port);
        api = oneStop.api();
        String unit = oneStop.registersUnit("DEPARTMENT");
        code = TestData.dossierCode(unit, 1);
        surveyLink = oneStop.sends(code, OneStopSoftware.dossier(unit, "RECEIVED"))
                .json()
                .get("surveyLink")
                .asString();
    }

    @Test
    void the_png_qr_scans_to_the_survey_link_of_the_dossier() {
        ApiClient.BinaryResponse png = api.getBytes("/api/v1/dossiers/" + code + "/qr.png");

        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.headers().firstValue("Cache-Control")).hasValue("private, max-age=86400");
        assertThat(QrImages.read(png.body()).getWidth())
                .as("256 px unless asked")
                .isEqualTo(256);
        assertThat(QrImages.decodePng(png.body())).isEqualTo(surveyLink);
    }

    @Test
    void the_png_qr_comes_in_the_size_asked() {
        ApiClient.BinaryResponse png = api.getBytes("/api/v1/dossiers/" + code + "/qr.png?size=512");

        assertThat(png.status()).isEqualTo(200);
        assertThat(QrImages.read(png.body()).getWidth()).isEqualTo(512);
        assertThat(QrImages.decodePng(png.body())).isEqualTo(surveyLink);
    }

    @Test
    void the_svg_qr_is_svg_and_scans_to_the_survey_link_too() {
        ApiClient.BinaryResponse svg = api.getBytes("/api/v1/dossiers/" + code + "/qr.svg");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("Cache-Control")).hasValue("private, max-age=86400");
        assertThat(svg.text()).startsWith("<svg");
        assertThat(QrImages.decodeSvg(svg.text())).isEqualTo(surveyLink);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qr.png", "qr.svg", "slip"})
    void an_unknown_dossier_has_no_qr_and_no_slip(String what) {
        ApiClient.Response response = api.get("/api/v1/dossiers/000.00.99.NOSUCH-261102-0001/" + what);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("000.00.99.NOSUCH-261102-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10", "63", "1025", "5000", "-256", "2.5", "256px"})
    void a_png_size_that_is_not_64_to_1024_pixels_is_refused_naming_the_field(String size) {
        ApiClient.Response response = api.get("/api/v1/dossiers/" + code + "/qr.png?size=" + size);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo("size");
        assertThat(response.json().get("detail").asString()).contains("size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qr.png", "qr.svg", "slip"})
    void without_an_api_key_nothing_is_printed(String what) {
        ApiClient.Response response = new ApiClient(port, null).get("/api/v1/dossiers/" + code + "/" + what);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_slip_is_an_html_page_with_the_code_the_procedure_the_due_date_and_a_qr_that_scans() {
        ApiClient.BinaryResponse slip = api.getBytes("/api/v1/dossiers/" + code + "/slip");

        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        String html = slip.text();
        assertThat(html)
                .contains(code)
                .contains("Cấp giấy phép môi trường")
                .contains(OneStopSoftware.DUE_ON.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .contains("@page { size: A6; margin: 8mm }");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
        assertThat(QrImages.decodeSvg(svg)).isEqualTo(surveyLink);
    }

    @Test
    void markup_in_a_procedure_name_is_escaped_on_the_slip() {
        String unit = oneStop.registersUnit("DEPARTMENT");
        String scripted = TestData.dossierCode(unit, 2);
        Map<String, Object> body = OneStopSoftware.dossier(unit, "RECEIVED");
        body.put("procedureCode", "1.9" + (System.nanoTime() % 100000));
        body.put("procedureName", "<script>alert(1)</script>");
        oneStop.sends(scripted, body);

        String html = api.getBytes("/api/v1/dossiers/" + scripted + "/slip").text();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
