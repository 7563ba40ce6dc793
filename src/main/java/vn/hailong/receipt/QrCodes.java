package vn.hailong.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.jspecify.annotations.Nullable;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * The QR code of a text (a survey link), as SVG or as PNG, in plain Java.
 *
 * <p>Both drawings come from ZXing's module matrix, surrounded by a quiet zone of
 * {@value #QUIET_ZONE} white modules (what the QR standard asks for, so that a scanner finds the
 * code on a busy receipt). The SVG is sized in modules and scales to any print size; the PNG has
 * a whole number of pixels per module, so that no module is smeared over a pixel boundary.
 */
public final class QrCodes {

    /** White modules around the code on every side. */
    public static final int QUIET_ZONE = 4;

    public static final int MIN_PNG_SIZE = 64;
    public static final int MAX_PNG_SIZE = 1024;

    // Level M restores up to ~15% of damaged code words: enough for a smudged thermal receipt or a
    // crease, while a survey link still fits in a version 3 or 4 code (29 or 33 modules). Q or H
    // would make the code denser for the same print size, hence harder for cheap phone cameras.
    private static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private QrCodes() {}

    /**
     * The code as an SVG document: a white square and one black path, one {@code h} segment per
     * horizontal run of dark modules, in a view box of modules (quiet zone included).
     */
    public static String svg(String text) {
        ByteMatrix modules = encode(text);
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(side)
                .append(' ')
                .append(side)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"")
                .append(side)
                .append("\" height=\"")
                .append(side)
                .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (modules.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y) == 1) {
                    x++;
                }
                int run = x - start;
                svg.append('M')
                        .append(start + QUIET_ZONE)
                        .append(' ')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(run)
                        .append("v1h-")
                        .append(run)
                        .append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /**
     * The code as a square PNG of {@code size} pixels: black and white (1 bit per pixel), a whole
     * number of pixels per module, the quiet zone widened to fill what that leaves over.
     *
     * @throws IllegalArgumentException when the size is outside {@value #MIN_PNG_SIZE}..{@value #MAX_PNG_SIZE}
     *         or too small for a code this long
     */
    public static byte[] png(String text, int size) {
        String problem = problemWithSize(size);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ByteMatrix modules = encode(text);
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        int scale = size / side;
        if (scale < 1) {
            throw new IllegalArgumentException("a " + size + " px image cannot hold this code of " + side
                    + " modules; ask for at least " + side + " px");
        }
        int offset = (size - modules.getWidth() * scale) / 2;
        int rowBytes = (size + 7) / 8;
        // Rows as PNG wants them: a filter byte (0, none), then 1 bit per pixel, 1 = white.
        byte[] blank = new byte[1 + rowBytes];
        Arrays.fill(blank, 1, blank.length, (byte) 0xff);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(256 + size * 2);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream idat = new DeflaterOutputStream(raw, deflater)) {
            for (int y = 0; y < offset; y++) {
                idat.write(blank);
            }
            byte[] row = new byte[1 + rowBytes];
            for (int my = 0; my < modules.getHeight(); my++) {
                System.arraycopy(blank, 0, row, 0, row.length);
                for (int mx = 0; mx < modules.getWidth(); mx++) {
                    if (modules.get(mx, my) == 1) {
                        int left = offset + mx * scale;
                        for (int px = left; px < left + scale; px++) {
                            row[1 + (px >> 3)] &= (byte) ~(0x80 >>> (px & 7));
                        }
                    }
                }
                for (int i = 0; i < scale; i++) {
                    idat.write(row);
                }
            }
            for (int y = offset + modules.getHeight() * scale; y < size; y++) {
                idat.write(blank);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(raw.size() + 64);
        png.writeBytes(PNG_SIGNATURE);
        // IHDR: width, height, bit depth 1, colour type 0 (grey), compression, filter, interlace 0.
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(size)
                        .putInt(size)
                        .put((byte) 1)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", raw.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Why a PNG cannot have this size, or null when it can. */
    public static @Nullable String problemWithSize(int size) {
        if (size < MIN_PNG_SIZE || size > MAX_PNG_SIZE) {
            return "size must be between " + MIN_PNG_SIZE + " and " + MAX_PNG_SIZE + " pixels (was " + size + ")";
        }
        return null;
    }

    private static ByteMatrix encode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs a text");
        }
        try {
            // Links are ASCII and encode as plain bytes; only other texts need the (longer) UTF-8 marker.
            Map<EncodeHintType, Object> hints =
                    StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                            ? Map.of()
                            : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            return Encoder.encode(text, ERROR_CORRECTION, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "the text is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
