package vn.hailong.kiosk.ui;

import com.vaadin.flow.component.html.Div;

/**
 * One screen of the kiosk page, shown by {@link KioskView} as the page's only panel. A screen is
 * built anew each time it is shown (and when the citizen switches language); what must outlive
 * that (typed characters, answers) lives in the object that shows it.
 */
abstract class KioskScreen extends Div {

    private final KioskWords words;

    KioskScreen(String className, KioskWords words) {
        this.words = words;
        addClassNames("kiosk-panel", className);
    }

    KioskWords words() {
        return words;
    }

    /** The words of {@code kiosk.<key>} in the page's language (see {@link KioskWords#t}). */
    String t(String key, Object... args) {
        return words.t(key, args);
    }
}
