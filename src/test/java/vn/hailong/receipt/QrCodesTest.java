package vn.hailong.receipt;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QR codes of survey links: they scan back to the exact link, with a white quiet zone, at sizes that print. */
class QrCodesTest {

    static final String LINK = "https://hailong.hochiminhcity.gov.vn/r/"
            + new SurveyTokens(SurveyTokensTest.SECRET).tokenFor(SurveyTokensTest.DOSSIER);

    @ParameterizedTest
    @ValueSource(ints = {64, 100, 256, 300, 1024})
    void a_png_of_any_allowed_size_scans_back_to_the_exact_link(int size) {
        byte[] png = QrCodes.png(LINK, size);

        BufferedImage image = QrImages.read(png);
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(QrImages.decode(image)).isEqualTo(LINK);
    }

    @Test
    void an_svg_painted_from_its_path_scans_back_to_the_exact_link() {
        String svg = QrCodes.svg(LINK);

        assertThat(QrImages.decodeSvg(svg)).isEqualTo(LINK);
    }

    @Test
    void the_svg_is_one_path_in_a_view_box_of_modules_drawn_with_crisp_edges_on_white() {
        String svg = QrCodes.svg(LINK);
        int side = QrImages.side(svg);

        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\"")
                .contains("shape-rendering=\"crispEdges\"")
                .contains("<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>")
                .endsWith("</svg>");
        assertThat(svg.split("<path", -1)).hasSize(2);
        // version 4 at level M: 33 modules, plus the quiet zone on both sides
        assertThat(side).isEqualTo(33 + 2 * QrCodes.QUIET_ZONE);
        // runs are merged: far fewer segments than dark modules
        List<QrImages.Run> runs = QrImages.runs(svg);
        int darkModules = runs.stream().mapToInt(QrImages.Run::length).sum();
        assertThat(runs.size()).isLessThan(darkModules * 2 / 3);
        assertThat(svg.length()).isLessThan(8000);
    }

    @Test
    void the_svg_leaves_a_quiet_zone_of_four_white_modules_on_every_side() {
        String svg = QrCodes.svg(LINK);
        int side = QrImages.side(svg);
        List<QrImages.Run> runs = QrImages.runs(svg);

        int left = runs.stream().mapToInt(QrImages.Run::x).min().orElseThrow();
        int top = runs.stream().mapToInt(QrImages.Run::y).min().orElseThrow();
        int right = runs.stream().mapToInt(r -> r.x() + r.length()).max().orElseThrow();
        int bottom = runs.stream().mapToInt(r -> r.y() + 1).max().orElseThrow();
        // The finder patterns touch the corners of the code, so the dark modules span it exactly.
        assertThat(List.of(left, top, side - right, side - bottom)).containsOnly(QrCodes.QUIET_ZONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256, 1000})
    void the_png_leaves_a_quiet_zone_of_at_least_four_white_modules_on_every_side(int size) {
        BufferedImage image = QrImages.read(QrCodes.png(LINK, size));
        int modules = QrImages.side(QrCodes.svg(LINK)) - 2 * QrCodes.QUIET_ZONE;

        int left = size, top = size, right = -1, bottom = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                assertThat(rgb).as("pixel (%d, %d) is black or white", x, y).isIn(0x000000, 0xffffff);
                if (rgb == 0) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        int codeWidth = right - left + 1;
        assertThat(codeWidth).as("a square code").isEqualTo(bottom - top + 1);
        assertThat(codeWidth % modules)
                .as("a whole number of pixels per module")
                .isZero();
        int quietZone = QrCodes.QUIET_ZONE * codeWidth / modules;
        assertThat(left).isGreaterThanOrEqualTo(quietZone);
        assertThat(top).isGreaterThanOrEqualTo(quietZone);
        assertThat(size - 1 - right).isGreaterThanOrEqualTo(quietZone);
        assertThat(size - 1 - bottom).isGreaterThanOrEqualTo(quietZone);
    }

    @Test
    void the_png_uses_as_many_pixels_per_module_as_fit() {
        BufferedImage image = QrImages.read(QrCodes.png(LINK, 256));
        int side = QrImages.side(QrCodes.svg(LINK));

        // 41 modules in 256 px: 6 px each, 246 px in all, the 10 px left over shared by the margins
        int firstDark = 0;
        while ((image.getRGB(firstDark, firstDark) & 0xffffff) != 0) {
            firstDark++;
        }
        assertThat(firstDark).isEqualTo((256 - side * 6) / 2 + QrCodes.QUIET_ZONE * 6);
    }

    @Test
    void the_same_link_always_gives_the_same_images() {
        assertThat(QrCodes.svg(LINK)).isEqualTo(QrCodes.svg(LINK));
        assertThat(QrCodes.png(LINK, 256)).isEqualTo(QrCodes.png(LINK, 256));
    }

    @Test
    void a_text_beyond_ascii_is_encoded_as_utf8() {
        String text = "Đánh giá hồ sơ 000.00.06.H56-261102-0001";

        assertThat(QrImages.decodePng(QrCodes.png(text, 256))).isEqualTo(text);
        assertThat(QrImages.decodeSvg(QrCodes.svg(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 63, 1025, 5000})
    void a_png_size_outside_64_to_1024_pixels_is_refused(int size) {
        assertThat(QrCodes.problemWithSize(size)).contains("between 64 and 1024");
        assertThatThrownBy(() -> QrCodes.png(LINK, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size must be between 64 and 1024 pixels");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1024})
    void the_bounds_themselves_are_allowed(int size) {
        assertThat(QrCodes.problemWithSize(size)).isNull();
    }

    @Test
    void a_code_too_large_for_the_size_asked_is_refused_rather_than_shrunk_below_a_pixel_per_module() {
        String longText = "https://example.org/" + "x".repeat(200);

        assertThatThrownBy(() -> QrCodes.png(longText, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold");
        assertThat(QrImages.decodePng(QrCodes.png(longText, 512))).isEqualTo(longText);
    }

    @Test
    void an_empty_text_has_no_code() {
        assertThatThrownBy(() -> QrCodes.svg("")).isInstanceOf(IllegalArgumentException.class);
    }
}
