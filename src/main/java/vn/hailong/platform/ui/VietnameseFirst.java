package vn.hailong.platform.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Every staff screen is in Vietnamese, whatever language the browser asks for: the bundles also
 * hold English words (for exports a user asks for in English), and without this an English browser
 * would get English words inside Vietnamese screens.
 */
@Component
class VietnameseFirst implements VaadinServiceInitListener {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(VI));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(VI));
    }
}
