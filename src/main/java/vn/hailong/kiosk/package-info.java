/**
 * The counter kiosk: tablets enrolled as devices of a counter, the handover binding of a dossier
 * to the counter's kiosk, and the citizen's journey on the tablet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counter kiosk")
@org.jspecify.annotations.NullMarked
package vn.hailong.kiosk;
