package vn.hailong.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.rating.Questionnaire;

/**
 * The on-screen keyboard for the "other reason" (Lý do khác), shown below the reasons while that
 * reason is chosen: Vietnamese letters and tone keys ({@link VietnameseKeys}), the typed words in
 * a display. The display and the tone keys change in place: fast typing never lands on a keyboard
 * being rebuilt.
 */
final class OtherReasonKeyboard extends Div {

    private final KioskWords words;
    private final SurveyAnswers survey;
    private final Runnable typed;
    private final Div otherText = new Div();
    private final List<NativeButton> toneKeys = new ArrayList<>();

    /** {@code typed}: runs after every key (the text is in {@code survey} by then). */
    OtherReasonKeyboard(KioskWords words, SurveyAnswers survey, Runnable typed) {
        this.words = words;
        this.survey = survey;
        this.typed = typed;
    }

    /** Builds the keyboard while "other" is chosen, hides it otherwise. */
    void render() {
        removeAll();
        toneKeys.clear();
        setVisible(survey.hasReason(Questionnaire.OTHER_REASON));
        if (!isVisible()) {
            return;
        }
        addClassName("kiosk-other");
        Paragraph label = new Paragraph(words.t("otherReason.label"));
        label.setId("kiosk-other-label");
        label.addClassName("kiosk-other-label");
        otherText.addClassNames("kiosk-display", "kiosk-other-text");
        otherText.getElement().setAttribute("role", "status");
        otherText.getElement().setAttribute("aria-live", "polite");
        otherText.getElement().setAttribute("aria-labelledby", "kiosk-other-label");
        Div keyboard = new Div();
        keyboard.addClassName("kiosk-keyboard");
        for (List<String> row : VietnameseKeys.ROWS) {
            Div line = new Div();
            line.addClassName("kiosk-kb-row");
            for (String k : row) {
                NativeButton key = new NativeButton(k, e -> type(survey.comment() + k));
                key.addClassName("kiosk-kb-key");
                key.getElement()
                        .setAttribute(
                                "aria-label",
                                switch (k) {
                                    case "," -> words.t("keyboard.comma");
                                    case "." -> words.t("keyboard.fullStop");
                                    default -> k;
                                });
                line.add(key);
            }
            keyboard.add(line);
        }
        Div tones = new Div();
        tones.addClassNames("kiosk-kb-row", "kiosk-kb-tones");
        for (VietnameseKeys.Tone tone : VietnameseKeys.Tone.values()) {
            NativeButton key = new NativeButton("", e -> type(VietnameseKeys.withTone(survey.comment(), tone)));
            key.addClassNames("kiosk-kb-key", "kiosk-kb-tone");
            key.getElement().setAttribute("data-tone", tone.name().toLowerCase(Locale.ROOT));
            key.getElement().setAttribute("aria-label", toneName(tone));
            toneKeys.add(key);
            tones.add(key);
        }
        NativeButton back = new NativeButton("⌫", e -> {
            String comment = survey.comment();
            type(comment.isEmpty() ? "" : comment.substring(0, comment.length() - 1));
        });
        back.addClassNames("kiosk-kb-key", "kiosk-kb-wide");
        KioskParts.label(back, words.t("key.deleteCharacter"));
        tones.add(back);
        keyboard.add(tones);
        Div last = new Div();
        last.addClassName("kiosk-kb-row");
        NativeButton space = new NativeButton(words.t("keyboard.space"), e -> type(survey.comment() + " "));
        space.addClassNames("kiosk-kb-key", "kiosk-kb-space");
        last.add(space);
        keyboard.add(last);
        add(label, otherText, keyboard);
        update();
    }

    /** A tone key's name for screen readers. */
    private String toneName(VietnameseKeys.Tone tone) {
        return switch (tone) {
            case SAC -> words.t("keyboard.tone.acute");
            case HUYEN -> words.t("keyboard.tone.grave");
            case HOI -> words.t("keyboard.tone.hook");
            case NGA -> words.t("keyboard.tone.tilde");
            case NANG -> words.t("keyboard.tone.dotBelow");
        };
    }

    private void type(String text) {
        survey.comment(text);
        typed.run();
        update();
    }

    private void update() {
        String comment = survey.comment();
        otherText.setText(comment.isEmpty() ? words.t("otherReason.example") : comment);
        otherText.setClassName("kiosk-placeholder", comment.isEmpty());
        boolean vowel = VietnameseKeys.endsWithVowel(comment);
        for (int i = 0; i < toneKeys.size(); i++) {
            NativeButton key = toneKeys.get(i);
            key.setText(VietnameseKeys.preview(comment, VietnameseKeys.Tone.values()[i]));
            key.setEnabled(vowel);
        }
    }
}
