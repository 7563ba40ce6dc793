package vn.hailong.kiosk.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;

import vn.hailong.kiosk.Branding;
import vn.hailong.kiosk.KioskDeviceInfo;

/**
 * The kiosk's top bar: the centre (with the site's logo text and colour) and the counter, and the
 * citizen's tools: smaller and larger text (A−/A+), high contrast, the other language. Text size
 * and contrast change classes of the page only: the citizen's place and answers stay as they are.
 */
final class KioskBar extends Header {

    private static final int MAX_SCALE = 3;

    private final HasStyle page;
    private final Span logo = new Span();
    private final Span centre = new Span();
    private final Span counter = new Span();
    private final NativeButton smaller;
    private final NativeButton larger;
    private final NativeButton contrast;
    private final NativeButton language;
    private int textScale;
    private boolean highContrast;

    /** {@code page} takes the look's classes; {@code onLanguage} switches the page's language. */
    KioskBar(HasStyle page, Runnable onLanguage) {
        this.page = page;
        addClassName("kiosk-bar");
        Div place = new Div();
        place.addClassName("kiosk-place");
        centre.addClassName("kiosk-centre");
        counter.addClassName("kiosk-counter");
        logo.addClassName("kiosk-logo");
        logo.getElement().setAttribute("aria-hidden", "true");
        logo.setVisible(false);
        Div names = new Div(centre, counter);
        names.addClassName("kiosk-place-names");
        place.addClassName("kiosk-brand");
        place.add(logo, names);
        Div tools = new Div();
        tools.addClassName("kiosk-tools");
        smaller = tool("A−", () -> {
            textScale = Math.max(0, textScale - 1);
            applyLook();
        });
        larger = tool("A+", () -> {
            textScale = Math.min(MAX_SCALE, textScale + 1);
            applyLook();
        });
        contrast = tool("◐", () -> {
            highContrast = !highContrast;
            applyLook();
        });
        language = tool("", onLanguage);
        language.addClassName("kiosk-language");
        tools.add(smaller, larger, contrast, language);
        add(place, tools);
    }

    /** The bar of {@code device} (none: the tablet is not enrolled) in the page's language. */
    void update(@Nullable KioskDeviceInfo device, KioskWords words) {
        Branding brand = device != null ? device.branding() : Branding.NONE;
        centre.setText(
                device == null
                        ? words.t("bar.appName")
                        : brand.centreName() != null ? brand.centreName() : device.centreName());
        logo.setText(brand.logoText() == null ? "" : brand.logoText());
        logo.setVisible(brand.logoText() != null);
        // The site's colour feeds the accent (buttons, the mark); high contrast still overrides it.
        if (brand.colour() != null) {
            page.getStyle().set("--k-brand", brand.colour());
        } else {
            page.getStyle().remove("--k-brand");
        }
        counter.setText(device != null ? device.counterName() : "");
        // The spoken name starts with the visible text (WCAG 2.5.3 Label in Name): "A+ chữ lớn hơn".
        KioskParts.label(smaller, words.t("bar.smallerText"));
        KioskParts.label(larger, words.t("bar.largerText"));
        KioskParts.label(contrast, words.t("bar.highContrast"));
        // The button is in the other language: "English" on the Vietnamese page, and back.
        language.setText(words.t("bar.otherLanguage"));
        KioskParts.label(language, words.t("bar.switchLanguage"));
        language.getElement().setAttribute("lang", words.english() ? "vi" : "en");
        applyLook();
    }

    private void applyLook() {
        page.setClassName("kiosk-hc", highContrast);
        for (int i = 0; i <= MAX_SCALE; i++) {
            page.setClassName("kiosk-scale-" + i, i == textScale);
        }
        smaller.setEnabled(textScale > 0);
        larger.setEnabled(textScale < MAX_SCALE);
        contrast.getElement().setAttribute("aria-pressed", String.valueOf(highContrast));
    }

    private static NativeButton tool(String text, Runnable action) {
        NativeButton b = new NativeButton(text, e -> action.run());
        b.addClassName("kiosk-tool");
        return b;
    }
}
