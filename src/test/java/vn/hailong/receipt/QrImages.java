package vn.hailong.receipt;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * Reads QR codes back as a phone would, for tests: PNGs through ImageIO, and the SVGs that
 * {@link QrCodes} draws by painting their path (a format we know exactly) with Java2D.
 */
public final class QrImages {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern PATH = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"/>");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    private QrImages() {}

    /** A horizontal run of dark modules: {@code length} modules from ({@code x}, {@code y}). */
    public record Run(int x, int y, int length) {}

    /** The side of the SVG's view box, in modules. */
    public static int side(String svg) {
        Matcher m = VIEW_BOX.matcher(svg);
        if (!m.find() || !m.group(1).equals(m.group(2))) {
            throw new IllegalArgumentException("no square viewBox in " + svg);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The runs of the SVG's one path; fails on anything the path holds besides runs. */
    public static List<Run> runs(String svg) {
        Matcher path = PATH.matcher(svg);
        if (!path.find()) {
            throw new IllegalArgumentException("no path in " + svg);
        }
        Matcher run = RUN.matcher(path.group(1));
        List<Run> runs = new ArrayList<>();
        int end = 0;
        while (run.find()) {
            if (run.start() != end || !run.group(3).equals(run.group(4))) {
                throw new IllegalArgumentException("unexpected path data at " + end + ": " + path.group(1));
            }
            runs.add(new Run(
                    Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3))));
            end = run.end();
        }
        if (end != path.group(1).length()) {
            throw new IllegalArgumentException("unexpected path data at " + end + ": " + path.group(1));
        }
        return runs;
    }

    /** Paints the SVG at this many pixels per module: white background, black runs. */
    public static BufferedImage paint(String svg, int pixelsPerModule) {
        int side = side(svg) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        for (Run r : runs(svg)) {
            g.fillRect(r.x() * pixelsPerModule, r.y() * pixelsPerModule, r.length() * pixelsPerModule, pixelsPerModule);
        }
        g.dispose();
        return image;
    }

    public static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the QR code in the image. */
    public static String decode(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            // TRY_HARDER as a phone's scanner does: a screenshot of a scaled image is not a pure code.
            return new MultiFormatReader()
                    .decode(
                            bitmap,
                            Map.of(
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.QR_CODE),
                                    DecodeHintType.TRY_HARDER,
                                    Boolean.TRUE))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the image", e);
        }
    }

    public static String decodePng(byte[] png) {
        return decode(read(png));
    }

    public static String decodeSvg(String svg) {
        return decode(paint(svg, 8));
    }
}
