package vn.hailong.kiosk.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;

/** Small pieces several kiosk screens share: labels, notices and the drawn faces. */
final class KioskParts {

    // Faces drawn as SVG (emoji fonts differ between tablets, and some have none); the mouth says it all.
    private static final Map<String, String> MOUTHS = Map.of(
            "VERY_SATISFIED",
            "M17 37 Q32 55 47 37 Z",
            "SATISFIED",
            "M20 40 Q32 49 44 40",
            "DISSATISFIED",
            "M20 47 Q32 36 44 47");
    private static final String FACE_SVG = """
            <svg viewBox="0 0 64 64" width="1em" height="1em" aria-hidden="true" focusable="false">\
            <circle class="kiosk-face-disc" cx="32" cy="32" r="29" stroke="currentColor" stroke-width="3.5"/>\
            <circle cx="22" cy="25" r="4" fill="currentColor"/><circle cx="42" cy="25" r="4" fill="currentColor"/>\
            <path d="%s" fill="%s" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    // A plain tick in a circle: "recorded", neither smiling nor sad.
    static final String CHECK_SVG = """
            <svg viewBox="0 0 64 64" width="1em" height="1em" aria-hidden="true" focusable="false">\
            <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" stroke-width="3.5"/>\
            <path d="M19 33 L28 42 L46 23" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    // A small QR code drawn in SVG: every tablet shows it the same way.
    static final String QR_SVG = """
            <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">\
            <path d="M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm8-2h3v3h-3zm3 3h3v3h-3zm3-3h2v3h-2zm-6 6h3v2h-3zm6 0h2v2h-2z"/></svg>""";

    private KioskParts() {}

    /** The face of an answer ({@code VERY_SATISFIED}, …); a straight mouth for any other option. */
    static String face(String optionKey) {
        String mouth = MOUTHS.getOrDefault(optionKey, "M20 42 H44");
        return FACE_SVG.formatted(mouth, mouth.endsWith("Z") ? "currentColor" : "none");
    }

    /** The spoken name and the tooltip of a button. */
    static void label(NativeButton button, String label) {
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", label);
    }

    /** "← Back" to the idle screen (the keypad's and the camera's way out). */
    static NativeButton backToIdle(KioskWords words, Runnable toIdle) {
        NativeButton back = new NativeButton(words.t("back"), e -> toIdle.run());
        back.addClassName("kiosk-secondary");
        return back;
    }

    static Component notice(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("kiosk-notice");
        p.getElement().setAttribute("role", "alert");
        return p;
    }
}
