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
            add(
                    icon,
                    new H1(t("Chúng tôi đã ghi nhận ý kiến của ông/bà", "We have recorded your feedback")),
                    new Paragraph(t(
                            "Đơn vị sẽ xem xét và khắc phục. Cảm ơn ông/bà đã cho chúng tôi biết.",
                            "The unit will review it and put things right. Thank you for telling us.")));
            if (withContact) {
                add(new Paragraph(t(
                        "Cán bộ của đơn vị sẽ gọi lại cho ông/bà theo số đã để lại.",
                        "An officer of the unit will call you back on the number you left.")));
            }
            getElement().setAttribute("data-thanks", "recorded");
        } else {
            String mouth = "SATISFIED".equals(overall) ? "SATISFIED" : "VERY_SATISFIED";
            icon.getElement().setProperty("innerHTML", KioskParts.face(mouth));
            icon.addClassNames(
                    "kiosk-thanks-icon",
                    "kiosk-face-" + mouth.toLowerCase(Locale.ROOT).replace('_', '-'));
            add(
                    icon,
                    new H1(t("Cảm ơn ông/bà!", "Thank you!")),
                    new Paragraph(t(
                            "Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.",
                            "Your opinion helps us serve you better.")));
            getElement().setAttribute("data-thanks", "happy");
        }
    }
}
