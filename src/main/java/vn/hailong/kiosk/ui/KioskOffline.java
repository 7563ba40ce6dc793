package vn.hailong.kiosk.ui;

import com.vaadin.flow.dom.Element;

import vn.hailong.kiosk.KioskDeviceInfo;

/**
 * The kiosk page's offline support in the browser: an enrolled tablet registers the kiosk's service
 * worker (kiosk-sw.js, scope /kiosk), which shows an offline shell with the unsent outbox when a
 * reload or a reboot finds the server out of reach, and notes where it stands (the centre's and the
 * counter's names, shown by that shell; no personal data). A tablet that is not, or no longer,
 * enrolled drops both: it is not a kiosk any more.
 */
final class KioskOffline {

    static final String PLACE_KEY = "hl-kiosk-place";

    private KioskOffline() {
    }

    static void install(Element page, KioskDeviceInfo device) {
        String centre = device.branding().centreName() != null ? device.branding().centreName() : device.centreName();
        page.executeJs("""
                try { localStorage.setItem($0, JSON.stringify({ centre: $1, counter: $2 })); } catch (e) { /* private mode */ }
                if ('serviceWorker' in navigator) {
                  navigator.serviceWorker.register('kiosk-device/kiosk-sw.js', { scope: 'kiosk' })
                    .catch((e) => console.warn('Kiosk offline support unavailable', e));
                }""", PLACE_KEY, centre, device.counterName());
    }

    static void forget(Element page) {
        page.executeJs("""
                try { localStorage.removeItem($0); } catch (e) { /* private mode */ }
                if ('serviceWorker' in navigator) {
                  navigator.serviceWorker.getRegistrations().then((all) => all
                    .filter((r) => new URL(r.scope).pathname === new URL('kiosk', document.baseURI).pathname)
                    .forEach((r) => r.unregister()));
                }""", PLACE_KEY);
    }
}
