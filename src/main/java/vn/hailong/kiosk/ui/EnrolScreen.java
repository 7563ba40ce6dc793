package vn.hailong.kiosk.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** A tablet not (or no longer) enrolled: how the administrator enrols it. Never a survey. */
final class EnrolScreen extends KioskScreen {

    EnrolScreen(KioskWords words) {
        super("kiosk-enrol", words);
        add(new H1(t("enrol.title")), new Paragraph(t("enrol.howTo")));
    }
}
