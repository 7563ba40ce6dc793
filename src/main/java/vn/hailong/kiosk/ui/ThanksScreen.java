package vn.hailong.kiosk.ui;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * A thank-you that fits the answer: a smile after a happy one; after "not satisfied" no face at
 * all, a calm word that the feedback is recorded and the unit will look into it (and call back,
 * when the citizen asked to be called).
 */
final class ThanksScreen extends KioskScreen {

    ThanksScreen(KioskWords words, @Nullable String overall, boolean withContact) {
        super("kiosk-thanks", words);
        Span icon = new Span();
        icon.getElement().setAttribute("aria-hidden", "true");
        if ("DISSATISFIED".equals(overall)) {
            icon.getElement().setProperty("innerHTML", KioskParts.CHECK_SVG);
            icon.addClassNames("kiosk-thanks-icon", "kiosk-thanks-recorded");
            add(icon, new H1(t("thanks.recorded.title")), new Paragraph(t("thanks.recorded.text")));
            if (withContact) {
                add(new Paragraph(t("thanks.recorded.callBack")));
            }
            getElement().setAttribute("data-thanks", "recorded");
        } else {
            String mouth = "SATISFIED".equals(overall) ? "SATISFIED" : "VERY_SATISFIED";
            icon.getElement().setProperty("innerHTML", KioskParts.face(mouth));
            icon.addClassNames(
                    "kiosk-thanks-icon",
                    "kiosk-face-" + mouth.toLowerCase(Locale.ROOT).replace('_', '-'));
            add(icon, new H1(t("thanks.happy.title")), new Paragraph(t("thanks.happy.text")));
            getElement().setAttribute("data-thanks", "happy");
        }
    }
}
