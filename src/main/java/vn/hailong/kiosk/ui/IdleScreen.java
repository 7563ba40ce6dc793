package vn.hailong.kiosk.ui;

import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import vn.hailong.kiosk.KioskSurvey;

/**
 * Between citizens: the invitation, and the ways to a survey when no handover brings one (the
 * keypad, the camera, and a general rating without a dossier where the site allows it).
 */
final class IdleScreen extends KioskScreen {

    /** {@code unbound}: the site's survey without a dossier, when it accepts those. */
    IdleScreen(
            KioskWords words,
            Runnable toKeypad,
            Runnable toScan,
            Optional<KioskSurvey> unbound,
            Consumer<KioskSurvey> start) {
        super("kiosk-idle", words);
        H1 title = new H1(t("idle.title"));
        Paragraph hint = new Paragraph(t("idle.hint"));
        hint.addClassName("kiosk-hint");
        Div ways = new Div();
        ways.addClassName("kiosk-ways");
        NativeButton keypad = big("⌨", t("idle.typeCode"), toKeypad);
        NativeButton scan = big(null, t("idle.scanCode"), toScan);
        ways.add(keypad, scan);
        unbound.ifPresent(survey -> {
            // Only where the site allows it: a rating without a dossier, kept apart and never counted.
            NativeButton general = big("", t("idle.generalRating"), () -> start.accept(survey));
            general.getElement().setAttribute("data-unbound", "");
            general.getChildren()
                    .findFirst()
                    .ifPresent(icon -> icon.getElement().setProperty("innerHTML", KioskParts.face("SATISFIED")));
            ways.add(general);
        });
        add(title, hint, ways);
    }

    /** A large way in; no {@code icon}: the QR code's. */
    private static NativeButton big(@Nullable String icon, String text, Runnable action) {
        NativeButton b = new NativeButton();
        Span i = new Span(icon == null ? "" : icon);
        if (icon == null) {
            i.getElement().setProperty("innerHTML", KioskParts.QR_SVG);
        }
        i.addClassName("kiosk-icon");
        i.getElement().setAttribute("aria-hidden", "true");
        b.add(i, new Span(text));
        b.addClassName("kiosk-big");
        b.addClickListener(e -> action.run());
        return b;
    }
}
