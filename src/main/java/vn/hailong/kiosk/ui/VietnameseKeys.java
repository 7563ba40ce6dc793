package vn.hailong.kiosk.ui;

import java.text.Normalizer;
import java.util.List;

/**
 * The on-screen keyboard's Vietnamese: letters with their own keys (ă â ê ô ơ ư đ) and five tone
 * keys that put a tone on the vowel just typed (as a citizen writes by hand: "cu" + hỏi → "củ").
 * No Telex or VNI to learn. Plain Java, tested without a browser.
 */
final class VietnameseKeys {

    static final List<List<String>> ROWS = List.of(
            List.of("q", "w", "e", "r", "t", "y", "u", "i", "o", "p"),
            List.of("a", "s", "d", "f", "g", "h", "j", "k", "l", "đ"),
            List.of("z", "x", "c", "v", "b", "n", "m", ",", "."),
            List.of("ă", "â", "ê", "ô", "ơ", "ư"));

    /**
     * The tones in the order Vietnamese pupils learn them (their names for screen readers are in
     * the bundles, {@code kiosk.keyboard.tone.*}).
     */
    enum Tone {
        SAC('\u0301'),
        HUYEN('\u0300'),
        HOI('\u0309'),
        NGA('\u0303'),
        NANG('\u0323');

        final char mark;

        Tone(char mark) {
            this.mark = mark;
        }
    }

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private VietnameseKeys() {}

    /** Whether the text ends with a vowel that can take a tone. */
    static boolean endsWithVowel(String text) {
        if (text.isEmpty()) {
            return false;
        }
        String base = strip(text.substring(text.length() - 1));
        return !base.isEmpty() && "aeiouyAEIOUY".indexOf(base.charAt(0)) >= 0;
    }

    /** The last vowel with this tone (replacing any tone it had); the text unchanged when it ends otherwise. */
    static String withTone(String text, Tone tone) {
        if (!endsWithVowel(text)) {
            return text;
        }
        String last = text.substring(text.length() - 1);
        String toneless = removeTone(last);
        String toned = Normalizer.normalize(
                Normalizer.normalize(toneless, Normalizer.Form.NFD) + tone.mark, Normalizer.Form.NFC);
        return text.substring(0, text.length() - 1) + toned;
    }

    /** The last character as it would look with this tone (the key's label), or the tone on "a". */
    static String preview(String text, Tone tone) {
        return endsWithVowel(text) ? withTone(text, tone).substring(text.length() - 1) : withTone("a", tone);
    }

    private static String removeTone(String letter) {
        StringBuilder kept = new StringBuilder();
        for (char c : Normalizer.normalize(letter, Normalizer.Form.NFD).toCharArray()) {
            if (TONE_MARKS.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    private static String strip(String letter) {
        StringBuilder base = new StringBuilder();
        for (char c : Normalizer.normalize(letter, Normalizer.Form.NFD).toCharArray()) {
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                base.append(c);
            }
        }
        return base.toString();
    }
}
