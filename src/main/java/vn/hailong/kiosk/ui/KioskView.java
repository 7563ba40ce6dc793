package vn.hailong.kiosk.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.communication.PushMode;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.followup.MobileNumber;
import vn.hailong.kiosk.Branding;
import vn.hailong.kiosk.HandoverOutcome;
import vn.hailong.kiosk.KioskDeviceInfo;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.kiosk.KioskRating;
import vn.hailong.kiosk.KioskService;
import vn.hailong.kiosk.KioskSignals;
import vn.hailong.kiosk.KioskSurvey;
import vn.hailong.rating.Questionnaire;

/**
 * The counter tablet. Idle, it invites the citizen; when the officer hands a dossier over, the
 * survey of that dossier appears by itself (server push); the citizen may also type the dossier
 * code on a keypad or hold the receipt to the camera. One tap on a face answers the overall
 * question; the other questions are optional; thank-you; idle again. It shows the procedure and
 * the code's last digits, never personal data and never earlier ratings.
 *
 * <p>Completed ratings are sent by the page's script (kiosk-client.js) from an outbox in the
 * browser, so a network drop or a server restart loses none; the server only renders screens.
 */
@Route(value = "kiosk", autoLayout = false)
@PageTitle("Đánh giá hài lòng · Hài Lòng")
@AnonymousAllowed
@JsModule("./kiosk/kiosk-client.js")
@StyleSheet("context://styles/kiosk.css")
public class KioskView extends Div implements BeforeEnterObserver {

    enum Screen { ENROL, IDLE, KEYPAD, SCAN, OVERALL, DETAILS, THANKS }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_SCALE = 3;
    private static final int CODE_MAX_LENGTH = 40;
    // Faces drawn as SVG (emoji fonts differ between tablets, and some have none); the mouth says it all.
    private static final Map<String, String> MOUTHS = Map.of("VERY_SATISFIED", "M17 37 Q32 55 47 37 Z", "SATISFIED",
            "M20 40 Q32 49 44 40", "DISSATISFIED", "M20 47 Q32 36 44 47");
    private static final String FACE_SVG = """
            <svg viewBox="0 0 64 64" width="1em" height="1em" aria-hidden="true" focusable="false">\
            <circle class="kiosk-face-disc" cx="32" cy="32" r="29" stroke="currentColor" stroke-width="3.5"/>\
            <circle cx="22" cy="25" r="4" fill="currentColor"/><circle cx="42" cy="25" r="4" fill="currentColor"/>\
            <path d="%s" fill="%s" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    private final KioskDeviceService devices;
    private final KioskService kiosk;
    private final KioskSignals signals;

    private final Header bar = new Header();
    private final Main main = new Main();
    private String credential;
    private KioskDeviceInfo device;
    private Locale locale = Locale.forLanguageTag("vi");
    private int textScale;
    private boolean highContrast;
    private Screen screen = Screen.ENROL;
    private Runnable stopListening;

    private KioskSurvey survey;
    private String idempotencyKey;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Set<String> reasons = new LinkedHashSet<>();
    /** The "other reason" text typed on the on-screen keyboard. */
    private String comment = "";
    /** The citizen asks to be called back (offered with the reasons only), and the number typed for it. */
    private boolean contactConsent;
    private String phone = "";
    /** The overall answer of the survey just sent: the thank-you screen fits it. */
    private String sentOverall;
    private boolean sentWithContact;
    private String typed = "";
    /** How the next survey's dossier was found (keypad or camera), and how the current one's was. */
    private KioskRating.Entry entry;
    private KioskRating.Entry surveyEntry;
    private boolean letters;
    private String message;

    public KioskView(KioskDeviceService devices, KioskService kiosk, KioskSignals signals) {
        this.devices = devices;
        this.kiosk = kiosk;
        this.signals = signals;
        addClassName("kiosk");
        main.addClassName("kiosk-main");
        bar.addClassName("kiosk-bar");
        add(bar, main);
        buildBar();
        getElement().addEventListener("kiosk-idle", e -> toIdle());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        credential = null;
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (KioskDeviceService.COOKIE.equals(cookie.getName())) {
                    credential = cookie.getValue();
                }
            }
        }
        device = credential == null ? null : devices.authenticate(credential).orElse(null);
        if (device != null) {
            locale = device.locale();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        if (device == null) {
            show(Screen.ENROL);
            return;
        }
        // Push only here: the kiosk must change screen when the officer hands over, without a tap.
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        // After a network drop the "reconnecting" notice should go soon after the network is back:
        // retry every 2 s rather than Vaadin's default 5 s (one small request per tablet).
        ui.getReconnectDialogConfiguration().setReconnectInterval(2000);
        // A reload or reboot while the server is out of reach shows the outbox, not the browser's error page.
        KioskOffline.install(getElement(), device);
        UUID deviceId = device.id();
        stopListening = signals.listen(device.counterId(), deviceId, signal -> ui.access(() -> {
            switch (signal) {
                case KioskSignals.HandedOver h -> handedOver(h);
                case KioskSignals.Revoked r -> revoked();
            }
        }));
        // A page just opened never brings back a survey that was begun on the page before it.
        kiosk.surveyToShow(device, true).ifPresentOrElse(this::startSurvey, () -> show(Screen.IDLE));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    private void handedOver(KioskSignals.HandedOver signal) {
        if (device == null) {
            return;
        }
        if (survey != null && signal.handoverId().equals(survey.handoverId())) {
            return;
        }
        // A survey in progress is never taken off the screen: the server queues a handover behind a
        // begun one, and a typed or scanned survey (which the server does not follow) or a race
        // lost by a few milliseconds are held here. The thank-you screen finishes too. Either way
        // the handover is shown when this survey ends (toIdle asks the server what is shown then).
        boolean inProgress = (screen == Screen.OVERALL || screen == Screen.DETAILS)
                && (survey != null && (survey.handoverId() == null || !answers.isEmpty()));
        if (inProgress || screen == Screen.THANKS) {
            return;
        }
        if (signal.survey() != null) {
            startSurvey(signal.survey());
        } else {
            kiosk.shownSurvey(device.counterId(), signal.handoverId()).ifPresent(this::startSurvey);
        }
    }

    private void revoked() {
        device = null;
        survey = null;
        onDetach(null);
        getElement().executeJs("window.hlKiosk.stopIdle(); window.hlKiosk.discardDraft()");
        show(Screen.ENROL);
    }

    /** The credential may have been revoked on another node: checked again before each survey. */
    private boolean stillEnrolled() {
        if (credential == null || devices.authenticate(credential).isEmpty()) {
            revoked();
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- rendering

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    private String t(String vi, String en) {
        return english() ? en : vi;
    }

    private void show(Screen next) {
        screen = next;
        getElement().setAttribute("data-screen", next.name().toLowerCase(Locale.ROOT));
        getElement().executeJs("document.documentElement.lang = $0", english() ? "en" : "vi");
        updateBar();
        main.removeAll();
        switch (next) {
            case ENROL -> renderEnrol();
            case IDLE -> renderIdle();
            case KEYPAD -> renderKeypad();
            case SCAN -> renderScan();
            case OVERALL, DETAILS -> renderSurvey();
            case THANKS -> renderThanks();
        }
        int idleSeconds = device == null ? 0
                : next == Screen.THANKS ? device.thankYouSeconds()
                : next == Screen.IDLE || next == Screen.ENROL ? 0 : device.idleTimeoutSeconds();
        if (idleSeconds > 0) {
            getElement().executeJs("window.hlKiosk.startIdle(this, $0)", idleSeconds);
        } else {
            getElement().executeJs("window.hlKiosk && window.hlKiosk.stopIdle()");
        }
    }

    private final Span logo = new Span();
    private final Span centre = new Span();
    private final Span counter = new Span();
    private NativeButton smaller;
    private NativeButton larger;
    private NativeButton contrast;
    private NativeButton language;

    private void buildBar() {
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
        // Text size and contrast change classes only: the citizen's place and answers stay as they are.
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
        language = tool("", () -> {
            locale = Locale.forLanguageTag(english() ? "vi" : "en");
            show(screen);
        });
        language.addClassName("kiosk-language");
        tools.add(smaller, larger, contrast, language);
        bar.add(place, tools);
    }

    private void updateBar() {
        Branding brand = device != null ? device.branding() : Branding.NONE;
        centre.setText(device == null ? "Hài Lòng" : brand.centreName() != null ? brand.centreName() : device.centreName());
        logo.setText(brand.logoText() == null ? "" : brand.logoText());
        logo.setVisible(brand.logoText() != null);
        // The site's colour feeds the accent (buttons, the mark); high contrast still overrides it.
        if (brand.colour() != null) {
            getStyle().set("--k-brand", brand.colour());
        } else {
            getStyle().remove("--k-brand");
        }
        counter.setText(device != null ? device.counterName() : "");
        // The spoken name starts with the visible text (WCAG 2.5.3 Label in Name): "A+ chữ lớn hơn".
        label(smaller, "A− " + t("chữ nhỏ hơn", "smaller text"));
        label(larger, "A+ " + t("chữ lớn hơn", "larger text"));
        label(contrast, t("Tương phản cao", "High contrast"));
        language.setText(english() ? "Tiếng Việt" : "English");
        label(language, english() ? "Chuyển sang tiếng Việt" : "Switch to English");
        language.getElement().setAttribute("lang", english() ? "vi" : "en");
        applyLook();
    }

    private void applyLook() {
        setClassName("kiosk-hc", highContrast);
        for (int i = 0; i <= MAX_SCALE; i++) {
            setClassName("kiosk-scale-" + i, i == textScale);
        }
        smaller.setEnabled(textScale > 0);
        larger.setEnabled(textScale < MAX_SCALE);
        contrast.getElement().setAttribute("aria-pressed", String.valueOf(highContrast));
    }

    private static void label(NativeButton button, String label) {
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", label);
    }

    private static NativeButton tool(String text, Runnable action) {
        NativeButton b = new NativeButton(text, e -> action.run());
        b.addClassName("kiosk-tool");
        return b;
    }

    private void renderEnrol() {
        KioskOffline.forget(getElement());
        Div box = panel("kiosk-enrol");
        box.add(new H1(t("Máy tính bảng này chưa được đăng ký", "This tablet is not enrolled")),
                new Paragraph(t("Quản trị viên: mở mục “Thiết bị kiosk” trong trang quản lý, chọn “Đăng ký thiết bị” "
                        + "và quét mã QR bằng máy tính bảng này (hoặc mở liên kết một lần).",
                        "Administrator: open “Kiosk devices” in the management pages, choose “Enrol device” and scan the "
                        + "QR code with this tablet (or open the one-time link).")));
        main.add(box);
    }

    private void renderIdle() {
        Div box = panel("kiosk-idle");
        H1 title = new H1(t("Xin mời ông/bà đánh giá mức độ hài lòng", "Please tell us how well we served you"));
        Paragraph hint = new Paragraph(t("Khi cán bộ trao trả hồ sơ, phiếu đánh giá sẽ tự hiện ra trên màn hình này.",
                "When the officer hands your dossier over, the survey appears on this screen by itself."));
        hint.addClassName("kiosk-hint");
        Div ways = new Div();
        ways.addClassName("kiosk-ways");
        NativeButton keypad = big("⌨", t("Nhập mã hồ sơ", "Type the dossier code"), () -> {
            typed = "";
            message = null;
            letters = false;
            show(Screen.KEYPAD);
        });
        NativeButton scan = big(null, t("Quét mã trên giấy hẹn", "Scan the code on your receipt"), () -> {
            message = null;
            show(Screen.SCAN);
        });
        ways.add(keypad, scan);
        kiosk.unboundSurvey(device).ifPresent(unbound -> {
            // Only where the site allows it: a rating without a dossier, kept apart and never counted.
            NativeButton general = big("", t("Đánh giá chung (không cần mã hồ sơ)", "General rating (no dossier code)"),
                    () -> startSurvey(unbound));
            general.getElement().setAttribute("data-unbound", "");
            general.getChildren().findFirst().ifPresent(icon -> icon.getElement().setProperty("innerHTML",
                    FACE_SVG.formatted(MOUTHS.get("SATISFIED"), "none")));
            ways.add(general);
        });
        box.add(title, hint, ways);
        main.add(box);
    }

    private NativeButton big(String icon, String text, Runnable action) {
        NativeButton b = new NativeButton();
        Span i = new Span(icon == null ? "" : icon);
        if (icon == null) {
            // A small QR code drawn in SVG: every tablet shows it the same way.
            i.getElement().setProperty("innerHTML", """
                    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">\
                    <path d="M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm8-2h3v3h-3zm3 3h3v3h-3zm3-3h2v3h-2zm-6 6h3v2h-3zm6 0h2v2h-2z"/></svg>""");
        }
        i.addClassName("kiosk-icon");
        i.getElement().setAttribute("aria-hidden", "true");
        b.add(i, new Span(text));
        b.addClassName("kiosk-big");
        b.addClickListener(e -> action.run());
        return b;
    }

    // The keypad is built once per visit; a key press changes only the display (fast taps never
    // land on a keypad being rebuilt).
    private final Div display = new Div();
    private final Paragraph keypadMessage = new Paragraph();
    private final Div keys = new Div();
    private NativeButton search;

    private void renderKeypad() {
        Div box = panel("kiosk-keypad-screen");
        box.add(new H1(t("Nhập mã hồ sơ trên giấy hẹn", "Type the dossier code from your receipt")));
        display.addClassName("kiosk-display");
        display.getElement().setAttribute("role", "status");
        display.getElement().setAttribute("aria-live", "polite");
        display.getElement().setAttribute("aria-label", t("Mã đã nhập", "Code typed"));
        keypadMessage.addClassName("kiosk-notice");
        keypadMessage.getElement().setAttribute("role", "alert");
        // The message has its own place, kept when empty: a message never moves the keys under a finger.
        keypadMessage.addClassName("kiosk-keypad-message");
        box.add(display, keypadMessage);
        // Most codes of this centre begin with its agency code and today's date: one tap for both,
        // then only the sequence number (6 taps instead of 31).
        kiosk.todaysCodePrefix(device).ifPresent(prefix -> {
            NativeButton quick = new NativeButton(prefix + "…", e -> {
                typed = prefix;
                message = null;
                updateKeypad();
            });
            quick.addClassNames("kiosk-chip", "kiosk-code-prefix");
            quick.getElement().setAttribute("data-code-prefix", prefix);
            label(quick, prefix + "… " + t("mã của trung tâm và ngày hôm nay; sau đó nhập 4 số cuối",
                    "this centre's code and today's date; then type the last 4 digits"));
            box.add(quick);
        });
        renderKeys();
        Div actions = new Div();
        actions.addClassName("kiosk-key-actions");
        NativeButton toggle = new NativeButton();
        toggle.addClickListener(e -> {
            letters = !letters;
            renderKeys();
            toggle.setText(letters ? "123" : "ABC");
            label(toggle, letters ? t("Bàn phím số", "Number keys") : t("Bàn phím chữ", "Letter keys"));
        });
        toggle.setText(letters ? "123" : "ABC");
        label(toggle, letters ? t("Bàn phím số", "Number keys") : t("Bàn phím chữ", "Letter keys"));
        toggle.addClassName("kiosk-key");
        NativeButton back = new NativeButton("⌫", e -> {
            if (!typed.isEmpty()) {
                typed = typed.substring(0, typed.length() - 1);
            }
            message = null;
            updateKeypad();
        });
        back.addClassName("kiosk-key");
        label(back, t("Xoá một ký tự", "Delete one character"));
        search = new NativeButton(t("Tìm hồ sơ", "Find dossier"), e -> lookUp(typed, KioskRating.Entry.KEYED));
        search.addClassNames("kiosk-key", "kiosk-primary");
        actions.add(toggle, back, search);
        box.add(keys, actions, backToIdle());
        main.add(box);
        updateKeypad();
    }

    private void updateKeypad() {
        display.setText(typed.isEmpty() ? t("ví dụ 000.00.06.H56-231027-0361", "e.g. 000.00.06.H56-231027-0361") : typed);
        display.setClassName("kiosk-placeholder", typed.isEmpty());
        keypadMessage.setText(message == null ? "" : message);
        keypadMessage.setClassName("kiosk-notice-empty", message == null);
        search.setEnabled(!typed.isBlank());
    }

    private void renderKeys() {
        keys.removeAll();
        keys.setClassName("kiosk-letters", letters);
        keys.setClassName("kiosk-keypad", !letters);
        List<String> keyLabels = new ArrayList<>();
        if (letters) {
            for (char c = 'A'; c <= 'Z'; c++) {
                keyLabels.add(String.valueOf(c));
            }
        } else {
            keyLabels.addAll(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "-"));
        }
        for (String k : keyLabels) {
            NativeButton key = new NativeButton(k, e -> type(k));
            key.addClassName("kiosk-key");
            key.getElement().setAttribute("aria-label", switch (k) {
                case "." -> t("dấu chấm", "dot");
                case "-" -> t("gạch ngang", "dash");
                default -> k;
            });
            keys.add(key);
        }
    }

    private void type(String key) {
        if (typed.length() < CODE_MAX_LENGTH) {
            typed += key;
        }
        message = null;
        updateKeypad();
    }

    private void lookUp(String code, KioskRating.Entry how) {
        if (!stillEnrolled()) {
            return;
        }
        KioskService.Lookup lookup = kiosk.lookUp(device, code);
        if (lookup.survey() != null) {
            entry = how;
            startSurvey(lookup.survey());
            return;
        }
        message = switch (lookup.problem()) {
            case ALREADY_RATED -> t("Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.",
                    "This dossier has been rated already. Each dossier is rated once.");
            case NOT_RETURNED -> t("Hồ sơ này chưa trả kết quả. Xin đánh giá khi nhận kết quả.",
                    "This dossier's result has not been returned yet. Please rate it when you receive the result.");
            case NOT_SERVED_HERE -> t("Hồ sơ này không do trung tâm này tiếp nhận hay giải quyết. Xin đánh giá tại nơi nộp hồ sơ hoặc qua mã QR trên giấy hẹn.",
                    "This centre did not receive or handle this dossier. Please rate it where you submitted it, or with the QR code on your receipt.");
            case TOO_LATE -> t("Đã quá thời hạn đánh giá hồ sơ này tại quầy.", "This dossier can no longer be rated at the counter.");
            case null, default -> t("Không tìm thấy hồ sơ với mã này. Xin kiểm tra lại mã trên giấy hẹn.",
                    "No dossier has this code. Please check the code on your receipt.");
        };
        if (screen == Screen.KEYPAD) {
            updateKeypad();
        } else {
            show(Screen.SCAN);
        }
    }

    private void renderScan() {
        Div box = panel("kiosk-scan-screen");
        box.add(new H1(t("Đưa mã QR hoặc mã vạch trên giấy hẹn vào trước máy ảnh", "Hold the QR code or barcode of your receipt to the camera")));
        if (message != null) {
            box.add(notice(message));
        }
        QrScanner scanner = new QrScanner(code -> lookUp(code, KioskRating.Entry.SCANNED), reason -> {
            message = t("Không mở được máy ảnh. Xin dùng bàn phím để nhập mã.", "The camera cannot be used. Please type the code instead.");
            show(Screen.SCAN);
        });
        scanner.addClassName("kiosk-camera");
        NativeButton keypad = new NativeButton(t("Nhập mã bằng bàn phím", "Type the code instead"), e -> {
            typed = "";
            message = null;
            show(Screen.KEYPAD);
        });
        keypad.addClassName("kiosk-secondary");
        box.add(scanner, keypad, backToIdle());
        main.add(box);
        if (message == null) {
            scanner.start();
        }
    }

    private NativeButton backToIdle() {
        NativeButton back = new NativeButton(t("← Quay lại", "← Back"), e -> toIdle());
        back.addClassName("kiosk-secondary");
        return back;
    }

    private void startSurvey(KioskSurvey handedOver) {
        KioskSurvey next = device == null ? handedOver : kiosk.forDevice(device, handedOver);
        // Typed or scanned only for the survey the keypad or camera just opened.
        KioskRating.Entry how = next.handoverId() == null && !next.dossierCode().isEmpty() ? entry : null;
        entry = null;
        survey = next;
        answers.clear();
        reasons.clear();
        comment = "";
        contactConsent = false;
        phone = "";
        message = null;
        idempotencyKey = "kiosk-" + UUID.randomUUID();
        Questionnaire.ReasonRule rule = next.questionnaire().reasonRule();
        surveyEntry = how;
        getElement().executeJs("window.hlKiosk.beginDraft($0, $1, $2, $3, $4, $5, $6)", idempotencyKey, next.dossierCode(),
                next.handoverId() == null ? null : next.handoverId().toString(), rule == null ? null : rule.criterion(),
                JSON.valueToTree(rule == null ? List.of() : List.copyOf(rule.options())), device != null && device.storesAbandoned(),
                how == null ? null : how.name());
        show(Screen.OVERALL);
    }

    private void renderSurvey() {
        Questionnaire q = survey.questionnaire();
        Div box = panel("kiosk-survey");
        Div dossier = new Div();
        dossier.addClassName("kiosk-dossier");
        Span procedure = new Span(survey.procedureName());
        procedure.addClassName("kiosk-procedure");
        Span code = new Span(t("Hồ sơ ", "Dossier ") + survey.dossierTail());
        code.addClassName("kiosk-code");
        dossier.add(procedure, code);
        if (survey.dossierCode().isEmpty()) {
            dossier.removeAll();
            dossier.add(new Span(t("Đánh giá chung về trung tâm", "A general rating of the centre")));
        }
        box.add(dossier);

        Questionnaire.Criterion overall = q.criterion(Questionnaire.OVERALL).orElseThrow();
        H1 question = new H1(overall.label().in(locale));
        question.setId("kiosk-overall-label");
        Div faces = new Div();
        faces.addClassName(screen == Screen.OVERALL ? "kiosk-faces" : "kiosk-faces-small");
        faces.getElement().setAttribute("role", "group");
        faces.getElement().setAttribute("aria-labelledby", "kiosk-overall-label");
        for (Questionnaire.Option option : overall.options()) {
            NativeButton face = new NativeButton();
            Span emoji = new Span();
            String mouth = MOUTHS.getOrDefault(option.key(), "M20 42 H44");
            emoji.getElement().setProperty("innerHTML", FACE_SVG.formatted(mouth, mouth.endsWith("Z") ? "currentColor" : "none"));
            emoji.addClassName("kiosk-face");
            emoji.getElement().setAttribute("aria-hidden", "true");
            face.add(emoji, new Span(option.label().in(locale)));
            face.addClassNames("kiosk-face-button", "kiosk-face-" + option.key().toLowerCase(Locale.ROOT).replace('_', '-'));
            face.getElement().setAttribute("data-q", overall.key());
            face.getElement().setAttribute("data-o", option.key());
            face.getElement().setAttribute("aria-pressed", String.valueOf(option.key().equals(answers.get(overall.key()))));
            face.addClickListener(e -> {
                if (answers.isEmpty() && survey.handoverId() != null) {
                    // From the first answer on the survey is in progress: the next handover waits for it.
                    // False when the officer's next handover came a moment earlier: this survey is
                    // still finished and sent (its dossier may still be rated), then that one shows.
                    kiosk.begin(device, survey.handoverId());
                }
                answers.put(overall.key(), option.key());
                if (!survey.questionnaire().reasonRequiredFor(answers) && contactConsent) {
                    // The call-back goes with the reasons: a happier answer takes both away.
                    contactConsent = false;
                    phone = "";
                    mirrorContact();
                }
                message = null;
                show(Screen.DETAILS);
            });
            faces.add(face);
        }
        box.add(question, faces);
        if (screen == Screen.DETAILS) {
            renderDetails(box, q);
        } else {
            box.add(notMine());
        }
        main.add(box);
    }

    /**
     * The way out before any answer: a handed-over dossier that is not the citizen's is sent back
     * (recorded on the handover, counted on the integrity panel), a typed one just closes. Never
     * after an answer: then it would be a way to erase a complaint in progress.
     */
    private NativeButton notMine() {
        boolean handedOver = survey.handoverId() != null;
        NativeButton back = new NativeButton(handedOver ? t("Không phải hồ sơ của tôi / Quay lại", "Not my dossier / Back")
                : t("← Quay lại", "← Back"), e -> {
                    if (!answers.isEmpty()) {
                        return;
                    }
                    if (survey != null && survey.handoverId() != null) {
                        kiosk.finish(device, survey.handoverId(), HandoverOutcome.NOT_MINE);
                    }
                    survey = null;
                    toIdle();
                });
        back.addClassNames("kiosk-secondary", "kiosk-not-mine");
        back.getElement().setAttribute("data-not-mine", "");
        return back;
    }

    private final Paragraph surveyMessage = new Paragraph();

    private void renderDetails(Div box, Questionnaire q) {
        surveyMessage.getElement().removeFromParent();
        if (q.reasonRequiredFor(answers)) {
            Div reasonBox = new Div();
            reasonBox.addClassName("kiosk-reasons");
            H2 heading = new H2(t("Vì sao ông/bà chưa hài lòng? (chọn ít nhất một lý do)", "Why were you not satisfied? (choose at least one)"));
            heading.setId("kiosk-reasons-label");
            Div chips = new Div();
            chips.addClassName("kiosk-chips");
            chips.getElement().setAttribute("role", "group");
            chips.getElement().setAttribute("aria-labelledby", "kiosk-reasons-label");
            Div otherBox = new Div();
            for (Questionnaire.Reason reason : q.reasons()) {
                if (Questionnaire.OTHER_REASON.equals(reason.code())) {
                    // "Other" needs a few words, typed on the on-screen keyboard below its chip.
                    chips.add(otherChip(reason, otherBox));
                    continue;
                }
                NativeButton chip = new NativeButton(reason.label().in(locale));
                chip.addClickListener(e -> {
                    if (!reasons.remove(reason.code())) {
                        reasons.add(reason.code());
                    }
                    chip.getElement().setAttribute("aria-pressed", String.valueOf(reasons.contains(reason.code())));
                    message = null;
                    surveyMessage.setVisible(false);
                });
                chip.addClassName("kiosk-chip");
                chip.getElement().setAttribute("data-reason", reason.code());
                chip.getElement().setAttribute("aria-pressed", String.valueOf(reasons.contains(reason.code())));
                chips.add(chip);
            }
            reasonBox.add(heading, chips, otherBox, surveyMessage);
            box.add(reasonBox);
            renderOther(otherBox);
            box.add(consent());
        }
        Paragraph optional = new Paragraph(t("Các câu dưới đây không bắt buộc: bỏ qua câu nào cũng được.",
                "The questions below are optional: skip any of them."));
        optional.addClassName("kiosk-hint");
        box.add(optional);
        for (Questionnaire.Criterion criterion : q.criteria()) {
            if (criterion.key().equals(Questionnaire.OVERALL)) {
                continue;
            }
            Div row = new Div();
            row.addClassName("kiosk-criterion");
            Span label = new Span(criterion.label().in(locale));
            label.setId("kiosk-q-" + criterion.key());
            label.addClassName("kiosk-criterion-label");
            Div options = new Div();
            options.addClassName("kiosk-options");
            options.getElement().setAttribute("role", "group");
            options.getElement().setAttribute("aria-labelledby", "kiosk-q-" + criterion.key());
            List<NativeButton> buttons = new ArrayList<>();
            for (Questionnaire.Option option : criterion.options()) {
                NativeButton b = new NativeButton(option.label().in(locale), e -> {
                    if (option.key().equals(answers.get(criterion.key()))) {
                        answers.remove(criterion.key());
                    } else {
                        answers.put(criterion.key(), option.key());
                    }
                    // Pressed states change in place: the next tap never lands on a screen being rebuilt.
                    buttons.forEach(other -> other.getElement().setAttribute("aria-pressed",
                            String.valueOf(other.getElement().getAttribute("data-o").equals(answers.get(criterion.key())))));
                });
                buttons.add(b);
                b.addClassName("kiosk-option");
                b.getElement().setAttribute("data-q", criterion.key());
                b.getElement().setAttribute("data-o", option.key());
                b.getElement().setAttribute("aria-pressed", String.valueOf(option.key().equals(answers.get(criterion.key()))));
                options.add(b);
            }
            row.add(label, options);
            box.add(row);
        }
        surveyMessage.addClassName("kiosk-notice");
        surveyMessage.getElement().setAttribute("role", "alert");
        surveyMessage.setText(message == null ? "" : message);
        surveyMessage.setVisible(message != null);
        if (surveyMessage.getParent().isEmpty()) {
            box.add(surveyMessage);
        }
        NativeButton send = new NativeButton(t("Gửi đánh giá", "Send rating"), e -> send());
        send.addClassNames("kiosk-send", "kiosk-primary");
        send.getElement().setAttribute("data-send", "");
        box.add(send);
    }

    private static final int OTHER_MAX_LENGTH = 300;
    private final Div otherText = new Div();
    private final List<NativeButton> toneKeys = new ArrayList<>();

    private NativeButton otherChip(Questionnaire.Reason reason, Div otherBox) {
        NativeButton chip = new NativeButton(reason.label().in(locale));
        chip.addClassNames("kiosk-chip", "kiosk-chip-other");
        chip.getElement().setAttribute("data-other-reason", "");
        chip.getElement().setAttribute("aria-pressed", String.valueOf(reasons.contains(reason.code())));
        chip.getElement().setAttribute("aria-expanded", String.valueOf(reasons.contains(reason.code())));
        chip.addClickListener(e -> {
            if (!reasons.remove(reason.code())) {
                reasons.add(reason.code());
            }
            boolean chosen = reasons.contains(reason.code());
            chip.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            chip.getElement().setAttribute("aria-expanded", String.valueOf(chosen));
            message = null;
            surveyMessage.setVisible(false);
            renderOther(otherBox);
            mirrorOther();
            if (chosen) {
                // The keyboard opens below the chips: bring it fully into view above the sticky send button.
                otherBox.getElement().executeJs("this.scrollIntoView({block: 'end'})");
            }
        });
        return chip;
    }

    /** The keyboard for the other reason, shown while "Lý do khác" is chosen. */
    private void renderOther(Div otherBox) {
        otherBox.removeAll();
        toneKeys.clear();
        otherBox.setVisible(reasons.contains(Questionnaire.OTHER_REASON));
        if (!otherBox.isVisible()) {
            return;
        }
        otherBox.addClassName("kiosk-other");
        Paragraph label = new Paragraph(t("Lý do khác — xin viết vài chữ:", "Other reason — please type a few words:"));
        label.setId("kiosk-other-label");
        label.addClassName("kiosk-other-label");
        otherText.addClassNames("kiosk-display", "kiosk-other-text");
        otherText.getElement().setAttribute("role", "status");
        otherText.getElement().setAttribute("aria-live", "polite");
        otherText.getElement().setAttribute("aria-labelledby", "kiosk-other-label");
        Div keyboard = new Div();
        keyboard.addClassName("kiosk-keyboard");
        for (List<String> row : VietnameseKeys.ROWS) {
            Div line = new Div();
            line.addClassName("kiosk-kb-row");
            for (String k : row) {
                NativeButton key = new NativeButton(k, e -> typeOther(comment + k));
                key.addClassName("kiosk-kb-key");
                key.getElement().setAttribute("aria-label", switch (k) {
                    case "," -> t("dấu phẩy", "comma");
                    case "." -> t("dấu chấm", "full stop");
                    default -> k;
                });
                line.add(key);
            }
            keyboard.add(line);
        }
        Div tones = new Div();
        tones.addClassNames("kiosk-kb-row", "kiosk-kb-tones");
        for (VietnameseKeys.Tone tone : VietnameseKeys.Tone.values()) {
            NativeButton key = new NativeButton("", e -> typeOther(VietnameseKeys.withTone(comment, tone)));
            key.addClassNames("kiosk-kb-key", "kiosk-kb-tone");
            key.getElement().setAttribute("data-tone", tone.name().toLowerCase(Locale.ROOT));
            key.getElement().setAttribute("aria-label", english() ? tone.en : tone.vi);
            toneKeys.add(key);
            tones.add(key);
        }
        NativeButton back = new NativeButton("⌫", e -> typeOther(comment.isEmpty() ? "" : comment.substring(0, comment.length() - 1)));
        back.addClassNames("kiosk-kb-key", "kiosk-kb-wide");
        label(back, t("Xoá một ký tự", "Delete one character"));
        tones.add(back);
        keyboard.add(tones);
        Div last = new Div();
        last.addClassName("kiosk-kb-row");
        NativeButton space = new NativeButton(t("dấu cách", "space"), e -> typeOther(comment + " "));
        space.addClassNames("kiosk-kb-key", "kiosk-kb-space");
        last.add(space);
        keyboard.add(last);
        otherBox.add(label, otherText, keyboard);
        updateOther();
    }

    private void typeOther(String text) {
        comment = text.length() > OTHER_MAX_LENGTH ? text.substring(0, OTHER_MAX_LENGTH) : text;
        message = null;
        surveyMessage.setVisible(false);
        updateOther();
        mirrorOther();
    }

    /** The display and the tone keys change in place: fast typing never lands on a keyboard being rebuilt. */
    private void updateOther() {
        otherText.setText(comment.isEmpty() ? t("ví dụ: phải chờ lâu ở quầy", "e.g. a long wait at the counter") : comment);
        otherText.setClassName("kiosk-placeholder", comment.isEmpty());
        boolean vowel = VietnameseKeys.endsWithVowel(comment);
        for (int i = 0; i < toneKeys.size(); i++) {
            NativeButton key = toneKeys.get(i);
            key.setText(VietnameseKeys.preview(comment, VietnameseKeys.Tone.values()[i]));
            key.setEnabled(vowel);
        }
    }

    /**
     * The tablet's own copy of the answers (kiosk-client.js) learns the other reason only with its
     * text: a rating never leaves the outbox with "other" but no words (the server would refuse it).
     */
    private void mirrorOther() {
        String text = reasons.contains(Questionnaire.OTHER_REASON) ? comment.strip() : "";
        getElement().executeJs("""
                const d = window.hlKiosk && window.hlKiosk.draft;
                if (d) {
                  d.reasons = d.reasons.filter((r) => r !== 'OTHER');
                  if ($0) { d.reasons.push('OTHER'); d.comment = $0; } else { delete d.comment; }
                }""", text);
    }

    private boolean complete() {
        return answers.containsKey(Questionnaire.OVERALL)
                && (!survey.questionnaire().reasonRequiredFor(answers) || !reasons.isEmpty())
                && !otherWithoutText() && !consentWithoutNumber();
    }

    private boolean consentWithoutNumber() {
        return contactConsent && MobileNumber.parse(phone).isEmpty();
    }

    private boolean otherWithoutText() {
        return reasons.contains(Questionnaire.OTHER_REASON) && comment.isBlank();
    }

    private void send() {
        if (!complete()) {
            message = consentWithoutNumber() && !reasons.isEmpty() && !otherWithoutText()
                    ? t("Xin nhập đủ số điện thoại di động (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09), hoặc bỏ chọn “gọi lại”.",
                            "Please type a full mobile number (10 digits starting with 03, 05, 07, 08 or 09), or unselect “call me back”.")
                    : otherWithoutText() ? t("Xin viết vài chữ về lý do khác (hoặc bỏ chọn “Lý do khác”).",
                    "Please type a few words about the other reason (or unselect “Other reason”).")
                    : t("Xin chọn ít nhất một lý do chưa hài lòng.", "Please choose at least one reason.");
            surveyMessage.setText(message);
            surveyMessage.setVisible(true);
            return;
        }
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("idempotencyKey", idempotencyKey);
        rating.put("dossierCode", survey.dossierCode());
        rating.put("handoverId", survey.handoverId() == null ? null : survey.handoverId().toString());
        if (surveyEntry != null) {
            rating.put("entry", surveyEntry.name());
        }
        rating.put("answers", answers);
        rating.put("reasons", List.copyOf(reasons));
        if (reasons.contains(Questionnaire.OTHER_REASON)) {
            rating.put("comment", comment.strip());
        }
        if (contactConsent) {
            rating.put("contactConsent", true);
            rating.put("phone", phone);
        }
        sentOverall = answers.get(Questionnaire.OVERALL);
        sentWithContact = contactConsent;
        getElement().executeJs("window.hlKiosk.commitSubmitted($0)", JSON.writeValueAsString(rating));
        if (survey.handoverId() != null) {
            // Used up now, not when the outbox delivers the rating: a reload shows no earlier
            // citizen's dossier, and a handover waiting behind this one comes next.
            kiosk.finish(device, survey.handoverId(), HandoverOutcome.SENT);
        }
        survey = null;
        answers.clear();
        reasons.clear();
        comment = "";
        contactConsent = false;
        phone = "";
        show(Screen.THANKS);
    }

    /**
     * A thank-you that fits the answer: a smile after a happy one; after "not satisfied" no face at
     * all, a calm word that the feedback is recorded and the unit will look into it (and call
     * back, when the citizen asked to be called).
     */
    private void renderThanks() {
        Div box = panel("kiosk-thanks");
        Span icon = new Span();
        icon.getElement().setAttribute("aria-hidden", "true");
        boolean unhappy = "DISSATISFIED".equals(sentOverall);
        if (unhappy) {
            icon.getElement().setProperty("innerHTML", CHECK_SVG);
            icon.addClassNames("kiosk-thanks-icon", "kiosk-thanks-recorded");
            box.add(icon, new H1(t("Chúng tôi đã ghi nhận ý kiến của ông/bà", "We have recorded your feedback")),
                    new Paragraph(t("Đơn vị sẽ xem xét và khắc phục. Cảm ơn ông/bà đã cho chúng tôi biết.",
                            "The unit will review it and put things right. Thank you for telling us.")));
            if (sentWithContact) {
                box.add(new Paragraph(t("Cán bộ của đơn vị sẽ gọi lại cho ông/bà theo số đã để lại.",
                        "An officer of the unit will call you back on the number you left.")));
            }
            box.getElement().setAttribute("data-thanks", "recorded");
        } else {
            String mouth = "SATISFIED".equals(sentOverall) ? "SATISFIED" : "VERY_SATISFIED";
            icon.getElement().setProperty("innerHTML", FACE_SVG.formatted(MOUTHS.get(mouth), mouth.equals("VERY_SATISFIED") ? "currentColor" : "none"));
            icon.addClassNames("kiosk-thanks-icon", "kiosk-face-" + mouth.toLowerCase(Locale.ROOT).replace('_', '-'));
            box.add(icon, new H1(t("Cảm ơn ông/bà!", "Thank you!")),
                    new Paragraph(t("Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.", "Your opinion helps us serve you better.")));
            box.getElement().setAttribute("data-thanks", "happy");
        }
        main.add(box);
    }

    // A plain tick in a circle: "recorded", neither smiling nor sad.
    private static final String CHECK_SVG = """
            <svg viewBox="0 0 64 64" width="1em" height="1em" aria-hidden="true" focusable="false">\
            <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" stroke-width="3.5"/>\
            <path d="M19 33 L28 42 L46 23" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    private static final int PHONE_MAX_DIGITS = 10;
    private final Div phoneDisplay = new Div();

    /**
     * The call-back offer, with the reasons only (as on the phone page): one toggle, then the number
     * on a digit keypad. The number is kept apart from the rating, only if a follow-up case opens,
     * and deleted when the case closes (FollowUpService.keepContact).
     */
    private Div consent() {
        Div box = new Div();
        box.addClassName("kiosk-consent");
        Div phoneBox = new Div();
        NativeButton toggle = new NativeButton(t("Tôi muốn cán bộ gọi lại cho tôi (không bắt buộc)",
                "I would like an officer to call me back (optional)"));
        toggle.addClassNames("kiosk-chip", "kiosk-consent-toggle");
        toggle.getElement().setAttribute("data-consent", "");
        toggle.getElement().setAttribute("aria-pressed", String.valueOf(contactConsent));
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(contactConsent));
        toggle.addClickListener(e -> {
            contactConsent = !contactConsent;
            if (!contactConsent) {
                phone = "";
            }
            toggle.getElement().setAttribute("aria-pressed", String.valueOf(contactConsent));
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(contactConsent));
            message = null;
            surveyMessage.setVisible(false);
            renderPhone(phoneBox);
            mirrorContact();
            if (contactConsent) {
                phoneBox.getElement().executeJs("this.scrollIntoView({block: 'end'})");
            }
        });
        box.add(toggle, phoneBox);
        renderPhone(phoneBox);
        return box;
    }

    private void renderPhone(Div phoneBox) {
        phoneBox.removeAll();
        phoneBox.setVisible(contactConsent);
        if (!contactConsent) {
            return;
        }
        phoneBox.addClassName("kiosk-phone");
        Paragraph label = new Paragraph(t("Số điện thoại di động để gọi lại:", "Mobile number to call you back on:"));
        label.setId("kiosk-phone-label");
        label.addClassName("kiosk-other-label");
        phoneDisplay.addClassNames("kiosk-display", "kiosk-phone-number");
        phoneDisplay.getElement().setAttribute("role", "status");
        phoneDisplay.getElement().setAttribute("aria-live", "polite");
        phoneDisplay.getElement().setAttribute("aria-labelledby", "kiosk-phone-label");
        Paragraph use = new Paragraph(t("Số chỉ dùng để gọi lại về ý kiến này, không gắn với phiếu đánh giá, và được xoá khi đơn vị xử lý xong.",
                "The number is used only to call you back about this feedback, is kept apart from the rating, and is deleted once the unit is done."));
        use.addClassName("kiosk-hint");
        Div digits = new Div();
        digits.addClassNames("kiosk-keypad", "kiosk-phone-keys");
        for (String k : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")) {
            digits.add(phoneKey(k));
        }
        NativeButton back = new NativeButton("⌫", e -> typePhone(phone.isEmpty() ? "" : phone.substring(0, phone.length() - 1)));
        back.addClassName("kiosk-key");
        label(back, t("Xoá một số", "Delete one digit"));
        Span gap = new Span();
        gap.getElement().setAttribute("aria-hidden", "true");
        digits.add(gap, phoneKey("0"), back);
        phoneBox.add(label, phoneDisplay, use, digits);
        updatePhone();
    }

    private NativeButton phoneKey(String digit) {
        NativeButton key = new NativeButton(digit, e -> typePhone(phone + digit));
        key.addClassName("kiosk-key");
        key.getElement().setAttribute("data-phone-key", digit);
        return key;
    }

    private void typePhone(String digits) {
        phone = digits.length() > PHONE_MAX_DIGITS ? digits.substring(0, PHONE_MAX_DIGITS) : digits;
        message = null;
        surveyMessage.setVisible(false);
        updatePhone();
        mirrorContact();
    }

    private void updatePhone() {
        // Grouped as people read numbers aloud: 0912 345 678.
        String shown = phone.length() <= 4 ? phone : phone.length() <= 7 ? phone.substring(0, 4) + " " + phone.substring(4)
                : phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
        phoneDisplay.setText(phone.isEmpty() ? t("ví dụ 0912 345 678", "e.g. 0912 345 678") : shown);
        phoneDisplay.setClassName("kiosk-placeholder", phone.isEmpty());
    }

    /** The tablet's copy of the answers learns the call-back as the server holds it (see mirrorOther). */
    private void mirrorContact() {
        getElement().executeJs("""
                const d = window.hlKiosk && window.hlKiosk.draft;
                if (d) {
                  if ($0) { d.contactConsent = true; d.phone = $1; } else { delete d.contactConsent; delete d.phone; }
                }""", contactConsent, phone);
    }

    private void toIdle() {
        if (device == null) {
            show(Screen.ENROL);
            return;
        }
        if (survey != null && survey.handoverId() != null) {
            // Walked away, begun or not: the handover is used up, a reload never brings it back.
            kiosk.finish(device, survey.handoverId(), HandoverOutcome.ABANDONED);
        }
        survey = null;
        answers.clear();
        reasons.clear();
        comment = "";
        message = null;
        typed = "";
        getElement().executeJs("window.hlKiosk.discardDraft()");
        // The next handover may have waited for this survey.
        kiosk.surveyToShow(device, false).ifPresentOrElse(this::startSurvey, () -> show(Screen.IDLE));
    }

    private static Div panel(String className) {
        Div d = new Div();
        d.addClassNames("kiosk-panel", className);
        return d;
    }

    private static Component notice(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("kiosk-notice");
        p.getElement().setAttribute("role", "alert");
        return p;
    }
}
