package vn.hailong.kiosk.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;

/**
 * The kiosk page's head: a web-app manifest (so the tablet installs it full-screen) and the
 * meta tags of a home-screen app. Only on /kiosk: managers' pages stay ordinary web pages.
 */
@Component
class KioskPageHead implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener((IndexHtmlRequestListener) response -> {
            String path = response.getVaadinRequest().getPathInfo();
            if (path != null && (path.equals("/kiosk") || path.startsWith("/kiosk/"))) {
                var head = response.getDocument().head();
                head.appendElement("link").attr("rel", "manifest").attr("href", "kiosk-device/manifest.webmanifest");
                // Browsers that read no manifest icons (Safari's "Add to Home Screen") take this one.
                head.appendElement("link")
                        .attr("rel", "apple-touch-icon")
                        .attr("href", "kiosk-device/icons/kiosk-192.png");
                head.appendElement("meta")
                        .attr("name", "mobile-web-app-capable")
                        .attr("content", "yes");
                head.appendElement("meta").attr("name", "theme-color").attr("content", "#0a5bd3");
            }
        });
    }
}
