package vn.hailong.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.kiosk.KioskService;

/**
 * The dossier code typed on the tablet's own keypad (digits, or letters after "ABC"), with one key
 * for the centre's code and today's date. The keypad is built once per showing; a key press
 * changes only the display (fast taps never land on a keypad being rebuilt), and a message has its
 * own place, kept when empty (it never moves the keys under a finger).
 */
final class KeypadScreen extends KioskScreen {

    static final int CODE_MAX_LENGTH = 40;

    /** What was typed, kept while the keypad is shown again (the language switched). */
    static final class Input {

        private String typed = "";
        private boolean letters;
        private @Nullable String message;

        /** Nothing typed, no message (the letter keys stay as they were). */
        void clear() {
            typed = "";
            message = null;
        }

        /** A fresh keypad: nothing typed, no message, the digit keys. */
        void reset() {
            clear();
            letters = false;
        }
    }

    private final Input input;
    private final Div display = new Div();
    private final Paragraph keypadMessage = new Paragraph();
    private final Div keys = new Div();
    private final NativeButton search;

    /**
     * {@code lookUp} opens the typed dossier's survey or answers why it cannot (empty when the page
     * moved on); {@code codePrefix}: the centre's code and today's date, when known.
     */
    KeypadScreen(
            KioskWords words,
            Input input,
            Optional<String> codePrefix,
            Function<String, Optional<String>> lookUp,
            Runnable toIdle) {
        super("kiosk-keypad-screen", words);
        this.input = input;
        add(new H1(t("keypad.title")));
        display.addClassName("kiosk-display");
        display.getElement().setAttribute("role", "status");
        display.getElement().setAttribute("aria-live", "polite");
        display.getElement().setAttribute("aria-label", t("keypad.typedCode"));
        keypadMessage.addClassName("kiosk-notice");
        keypadMessage.getElement().setAttribute("role", "alert");
        keypadMessage.addClassName("kiosk-keypad-message");
        add(display, keypadMessage);
        // Most codes of this centre begin with its agency code and today's date: one tap for both,
        // then only the sequence number (6 taps instead of 31).
        codePrefix.ifPresent(prefix -> {
            NativeButton quick = new NativeButton(prefix + "…", e -> {
                input.typed = prefix;
                input.message = null;
                update();
            });
            quick.addClassNames("kiosk-chip", "kiosk-code-prefix");
            quick.getElement().setAttribute("data-code-prefix", prefix);
            KioskParts.label(quick, t("keypad.codePrefix", prefix));
            add(quick);
        });
        renderKeys();
        Div actions = new Div();
        actions.addClassName("kiosk-key-actions");
        NativeButton toggle = new NativeButton();
        toggle.addClickListener(e -> {
            input.letters = !input.letters;
            renderKeys();
            labelToggle(toggle);
        });
        labelToggle(toggle);
        toggle.addClassName("kiosk-key");
        NativeButton back = new NativeButton("⌫", e -> {
            if (!input.typed.isEmpty()) {
                input.typed = input.typed.substring(0, input.typed.length() - 1);
            }
            input.message = null;
            update();
        });
        back.addClassName("kiosk-key");
        KioskParts.label(back, t("key.deleteCharacter"));
        search = new NativeButton(
                t("keypad.find"),
                e -> lookUp.apply(input.typed).ifPresent(problem -> {
                    input.message = problem;
                    update();
                }));
        search.addClassNames("kiosk-key", "kiosk-primary");
        actions.add(toggle, back, search);
        add(keys, actions, KioskParts.backToIdle(words, toIdle));
        update();
    }

    /** Why a typed or scanned code opens no survey, in the citizen's words. */
    static String whyNot(KioskWords w, KioskService.@Nullable LookupProblem problem) {
        return switch (problem) {
            case ALREADY_RATED -> w.t("lookup.alreadyRated");
            case NOT_RETURNED -> w.t("lookup.notReturned");
            case NOT_SERVED_HERE -> w.t("lookup.notServedHere");
            case TOO_LATE -> w.t("lookup.tooLate");
            case null, default -> w.t("lookup.notFound");
        };
    }

    private void labelToggle(NativeButton toggle) {
        toggle.setText(input.letters ? "123" : "ABC");
        KioskParts.label(toggle, input.letters ? t("keypad.numberKeys") : t("keypad.letterKeys"));
    }

    private void update() {
        String typed = input.typed;
        display.setText(typed.isEmpty() ? t("keypad.codeExample") : typed);
        display.setClassName("kiosk-placeholder", typed.isEmpty());
        keypadMessage.setText(input.message == null ? "" : input.message);
        keypadMessage.setClassName("kiosk-notice-empty", input.message == null);
        search.setEnabled(!typed.isBlank());
    }

    private void renderKeys() {
        keys.removeAll();
        keys.setClassName("kiosk-letters", input.letters);
        keys.setClassName("kiosk-keypad", !input.letters);
        List<String> keyLabels = new ArrayList<>();
        if (input.letters) {
            for (char c = 'A'; c <= 'Z'; c++) {
                keyLabels.add(String.valueOf(c));
            }
        } else {
            keyLabels.addAll(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "-"));
        }
        for (String k : keyLabels) {
            NativeButton key = new NativeButton(k, e -> type(k));
            key.addClassName("kiosk-key");
            key.getElement()
                    .setAttribute(
                            "aria-label",
                            switch (k) {
                                case "." -> t("keypad.dot");
                                case "-" -> t("keypad.dash");
                                default -> k;
                            });
            keys.add(key);
        }
    }

    private void type(String key) {
        if (input.typed.length() < CODE_MAX_LENGTH) {
            input.typed += key;
        }
        input.message = null;
        update();
    }
}
