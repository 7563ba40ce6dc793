package vn.hailong.kiosk.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The call-back offer, with the reasons only (as on the phone page): one toggle, then the number on
 * a digit keypad. The number is kept apart from the rating, only if a follow-up case opens, and
 * deleted when the case closes (FollowUpService.keepContact).
 */
final class CallBackOffer extends Div {

    private final KioskWords words;
    private final SurveyAnswers survey;
    private final Runnable changed;
    private final Div phoneBox = new Div();
    private final Div phoneDisplay = new Div();

    /**
     * {@code changed}: runs after every tap (consent or a digit; {@code survey} holds it by then);
     * {@code bridge} brings the keypad into view when it opens.
     */
    CallBackOffer(KioskWords words, SurveyAnswers survey, Runnable changed, KioskBridge bridge) {
        this.words = words;
        this.survey = survey;
        this.changed = changed;
        addClassName("kiosk-consent");
        NativeButton toggle = new NativeButton(words.t("callBack.offer"));
        toggle.addClassNames("kiosk-chip", "kiosk-consent-toggle");
        toggle.getElement().setAttribute("data-consent", "");
        pressed(toggle);
        toggle.addClickListener(e -> {
            survey.contactConsent(!survey.contactConsent());
            pressed(toggle);
            renderPhone();
            changed.run();
            if (survey.contactConsent()) {
                bridge.reveal(phoneBox);
            }
        });
        add(toggle, phoneBox);
        renderPhone();
    }

    private void pressed(NativeButton toggle) {
        toggle.getElement().setAttribute("aria-pressed", String.valueOf(survey.contactConsent()));
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(survey.contactConsent()));
    }

    private void renderPhone() {
        phoneBox.removeAll();
        phoneBox.setVisible(survey.contactConsent());
        if (!survey.contactConsent()) {
            return;
        }
        phoneBox.addClassName("kiosk-phone");
        Paragraph label = new Paragraph(words.t("callBack.numberLabel"));
        label.setId("kiosk-phone-label");
        label.addClassName("kiosk-other-label");
        phoneDisplay.addClassNames("kiosk-display", "kiosk-phone-number");
        phoneDisplay.getElement().setAttribute("role", "status");
        phoneDisplay.getElement().setAttribute("aria-live", "polite");
        phoneDisplay.getElement().setAttribute("aria-labelledby", "kiosk-phone-label");
        Paragraph use = new Paragraph(words.t("callBack.numberUse"));
        use.addClassName("kiosk-hint");
        Div digits = new Div();
        digits.addClassNames("kiosk-keypad", "kiosk-phone-keys");
        for (String k : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")) {
            digits.add(key(k));
        }
        NativeButton back = new NativeButton("⌫", e -> {
            String phone = survey.phone();
            type(phone.isEmpty() ? "" : phone.substring(0, phone.length() - 1));
        });
        back.addClassName("kiosk-key");
        KioskParts.label(back, words.t("callBack.deleteDigit"));
        Span gap = new Span();
        gap.getElement().setAttribute("aria-hidden", "true");
        digits.add(gap, key("0"), back);
        phoneBox.add(label, phoneDisplay, use, digits);
        update();
    }

    private NativeButton key(String digit) {
        NativeButton key = new NativeButton(digit, e -> type(survey.phone() + digit));
        key.addClassName("kiosk-key");
        key.getElement().setAttribute("data-phone-key", digit);
        return key;
    }

    private void type(String digits) {
        survey.phone(digits);
        update();
        changed.run();
    }

    private void update() {
        // Grouped as people read numbers aloud: 0912 345 678.
        String phone = survey.phone();
        String shown = phone.length() <= 4
                ? phone
                : phone.length() <= 7
                        ? phone.substring(0, 4) + " " + phone.substring(4)
                        : phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
        phoneDisplay.setText(phone.isEmpty() ? words.t("callBack.numberExample") : shown);
        phoneDisplay.setClassName("kiosk-placeholder", phone.isEmpty());
    }
}
