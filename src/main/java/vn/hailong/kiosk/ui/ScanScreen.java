package vn.hailong.kiosk.ui;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;

/**
 * The receipt's QR code or barcode held to the camera ({@link QrScanner}). With a {@code message}
 * (the code opened no survey, the camera cannot be used) the camera stays off and the message says
 * why; the keypad is one tap away.
 */
final class ScanScreen extends KioskScreen {

    /**
     * {@code onCode}: a code was read; {@code onProblem}: the camera cannot be used, with the words
     * to show; {@code toKeypad}: the citizen types the code instead.
     */
    ScanScreen(
            KioskWords words,
            @Nullable String message,
            Consumer<String> onCode,
            Consumer<String> onProblem,
            Runnable toKeypad,
            Runnable toIdle) {
        super("kiosk-scan-screen", words);
        add(new H1(t("scan.title")));
        if (message != null) {
            add(KioskParts.notice(message));
        }
        QrScanner scanner = new QrScanner(onCode, reason -> onProblem.accept(t("scan.noCamera")));
        scanner.addClassName("kiosk-camera");
        NativeButton keypad = new NativeButton(t("scan.typeInstead"), e -> toKeypad.run());
        keypad.addClassName("kiosk-secondary");
        add(scanner, keypad, KioskParts.backToIdle(words, toIdle));
        if (message == null) {
            scanner.start();
        }
    }
}
