package vn.hailong.kiosk.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The camera reader of receipt codes ({@code frontend/kiosk/qr-scanner.js}, ZXing's JavaScript
 * port): decoding happens in the browser, the server only receives the decoded text.
 */
@Tag("hl-qr-scanner")
@NpmPackage(value = "@zxing/browser", version = "0.1.5")
@NpmPackage(value = "@zxing/library", version = "0.21.3")
@JsModule("./kiosk/qr-scanner.js")
public class QrScanner extends Component {

    public QrScanner(Consumer<String> onCode, Consumer<String> onFailure) {
        getElement()
                .addEventListener(
                        "code-scanned",
                        e -> onCode.accept(
                                e.getEventData().get("event.detail.text").asString()))
                .addEventData("event.detail.text");
        getElement()
                .addEventListener(
                        "scan-failed",
                        e -> onFailure.accept(
                                e.getEventData().get("event.detail.reason").asString()))
                .addEventData("event.detail.reason");
    }

    public void start() {
        getElement().callJsFunction("start");
    }

    public void stop() {
        getElement().callJsFunction("stop");
    }
}
