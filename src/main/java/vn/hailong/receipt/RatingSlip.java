package vn.hailong.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Formats;
import vn.hailong.platform.Words;

/**
 * The printable rating slip of a dossier (A6): its QR code, its code, procedure and due date, and
 * how to rate, in Vietnamese and English. A self-contained page (inline style and QR, nothing to
 * fetch), so it prints the same from any browser and offline.
 *
 * @param dueAt when the result is due, or null when not known; shown as a date in {@code zone}
 */
public record RatingSlip(
        String dossierCode, String procedureName, @Nullable Instant dueAt, ZoneId zone, String surveyLink) {

    public static final String INSTRUCTIONS_VI = Words.of("receipt.slip.instructions", Words.VI);
    public static final String INSTRUCTIONS_EN =
            "Scan the QR code with your phone to rate how your dossier was handled."
                    + " No login; your rating is anonymous.";

    private static final String STYLE = """
            @page { size: A6; margin: 8mm }
            * { box-sizing: border-box }
            html, body { margin: 0; padding: 0; background: #fff; color: #000 }
            body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 9pt; line-height: 1.35 }
            main { text-align: center }
            h1 { font-size: 12pt; margin: 0 0 1mm }
            h1 span { display: block; font-size: 9pt; font-weight: normal }
            .qr svg { display: block; width: 58mm; height: 58mm; margin: 2mm auto }
            dl { display: grid; grid-template-columns: auto 1fr; gap: 0.5mm 2mm; margin: 0 0 2mm; text-align: left }
            dt { font-weight: bold; white-space: nowrap }
            dd { margin: 0; overflow-wrap: anywhere }
            .code { font-family: "DejaVu Sans Mono", Consolas, monospace }
            p { margin: 0 0 1.5mm; text-align: left }
            p[lang="en"] { font-style: italic }
            @media screen { body { width: 105mm; margin: 8mm auto; padding: 8mm; outline: 1px dashed #999 } }
            """;

    /** The slip as an HTML document, every text from the dossier escaped. */
    public String html() {
        StringBuilder html = new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<title>")
                .append(Words.of("receipt.slip.title", Words.VI, escape(dossierCode)))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>")
                .append(Words.of("receipt.slip.heading", Words.VI))
                .append("<span lang=\"en\">Rate our service</span></h1>\n")
                .append("<div class=\"qr\">")
                .append(QrCodes.svg(surveyLink))
                .append("</div>\n")
                .append("<dl>\n")
                .append("<dt>")
                .append(Words.of("receipt.slip.dossier", Words.VI))
                .append("</dt><dd class=\"code\">")
                .append(escape(dossierCode))
                .append("</dd>\n");
        if (procedureName != null && !procedureName.isBlank()) {
            html.append("<dt>")
                    .append(Words.of("receipt.slip.procedure", Words.VI))
                    .append("</dt><dd>")
                    .append(escape(procedureName))
                    .append("</dd>\n");
        }
        if (dueAt != null) {
            // dd/MM/yyyy in the slip's zone, as the application writes a day.
            html.append("<dt>")
                    .append(Words.of("receipt.slip.due", Words.VI))
                    .append("</dt><dd>")
                    .append(new Formats(Clock.system(zone)).day(dueAt))
                    .append("</dd>\n");
        }
        return html.append("</dl>\n")
                .append("<p lang=\"vi\">")
                .append(INSTRUCTIONS_VI)
                .append("</p>\n")
                .append("<p lang=\"en\">")
                .append(INSTRUCTIONS_EN)
                .append("</p>\n")
                .append("</main>\n</body>\n</html>\n")
                .toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
