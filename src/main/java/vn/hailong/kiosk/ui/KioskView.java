package vn.hailong.kiosk.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.communication.PushMode;

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
 * <p>This class routes between the screens (one class each: {@link EnrolScreen}, {@link IdleScreen},
 * {@link KeypadScreen}, {@link ScanScreen}, {@link SurveyScreen}, {@link ThanksScreen}) and keeps
 * what outlives a screen. Completed ratings are sent by the page's script (kiosk-client.js, behind
 * {@link KioskBridge}) from an outbox in the browser, so a network drop or a server restart loses
 * none; the server only renders screens.
 */
@Route(value = "kiosk", autoLayout = false)
@PageTitle("Đánh giá hài lòng · Hài Lòng")
@AnonymousAllowed
@StyleSheet("context://styles/kiosk.css")
public class KioskView extends Div implements BeforeEnterObserver {

    enum Screen {
        ENROL,
        IDLE,
        KEYPAD,
        SCAN,
        OVERALL,
        DETAILS,
        THANKS
    }

    private final KioskDeviceService devices;
    private final KioskService kiosk;
    private final KioskSignals signals;
    private final KioskBridge bridge = new KioskBridge();
    private final KioskBar bar;
    private final Main main = new Main();
    /** What outlives a screen shown again: the typed code, the survey's answers. */
    private final KeypadScreen.Input keypad = new KeypadScreen.Input();

    private final SurveyAnswers survey = new SurveyAnswers();
    private @Nullable String credential;
    private @Nullable KioskDeviceInfo device;
    private KioskWords words = KioskWords.VIETNAMESE;
    private Screen screen = Screen.ENROL;
    private @Nullable Runnable stopListening;
    /** Why the camera's code opened no survey (or the camera cannot be used). */
    private @Nullable String scanMessage;
    /** The overall answer of the survey just sent, and whether a call-back was asked: the thank-you fits them. */
    private @Nullable String sentOverall;

    private boolean sentWithContact;

    public KioskView(KioskDeviceService devices, KioskService kiosk, KioskSignals signals) {
        this.devices = devices;
        this.kiosk = kiosk;
        this.signals = signals;
        this.bar = new KioskBar(this, () -> {
            words = words.switched();
            show(screen);
        });
        addClassName("kiosk");
        main.addClassName("kiosk-main");
        add(bar, main, bridge);
        bridge.onIdle(this::toIdle);
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
            words = new KioskWords(device.locale());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        KioskDeviceInfo enrolled = device;
        if (enrolled == null) {
            show(Screen.ENROL);
            return;
        }
        // Push only here: the kiosk must change screen when the officer hands over, without a tap.
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        // After a network drop the "reconnecting" notice should go soon after the network is back:
        // retry every 2 s rather than Vaadin's default 5 s (one small request per tablet).
        ui.getReconnectDialogConfiguration().setReconnectInterval(2000);
        // A reload or reboot while the server is out of reach shows the outbox, not the browser's error page.
        bridge.rememberPlace(enrolled);
        stopListening = signals.listen(
                enrolled.counterId(),
                enrolled.id(),
                signal -> ui.access(() -> {
                    switch (signal) {
                        case KioskSignals.HandedOver h -> handedOver(h);
                        case KioskSignals.Revoked r -> revoked();
                    }
                }));
        // A page just opened never brings back a survey that was begun on the page before it.
        kiosk.surveyToShow(enrolled, true).ifPresentOrElse(this::startSurvey, () -> show(Screen.IDLE));
    }

    @Override
    protected void onDetach(@Nullable DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    private void handedOver(KioskSignals.HandedOver signal) {
        KioskDeviceInfo enrolled = device;
        if (enrolled == null) {
            return;
        }
        KioskSurvey shown = survey.survey();
        if (shown != null && signal.handoverId().equals(shown.handoverId())) {
            return;
        }
        // A survey in progress is never taken off the screen: the server queues a handover behind a
        // begun one, and a typed or scanned survey (which the server does not follow) or a race
        // lost by a few milliseconds are held here. The thank-you screen finishes too. Either way
        // the handover is shown when this survey ends (toIdle asks the server what is shown then).
        boolean inProgress = (screen == Screen.OVERALL || screen == Screen.DETAILS)
                && (shown != null && (shown.handoverId() == null || survey.begun()));
        if (inProgress || screen == Screen.THANKS) {
            return;
        }
        if (signal.survey() != null) {
            startSurvey(signal.survey());
        } else {
            kiosk.shownSurvey(enrolled.counterId(), signal.handoverId()).ifPresent(this::startSurvey);
        }
    }

    private void revoked() {
        device = null;
        survey.clear();
        onDetach(null);
        bridge.stopIdle();
        bridge.discardSurvey();
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

    // ---------------------------------------------------------------- routing

    private void show(Screen next) {
        screen = next;
        getElement().setAttribute("data-screen", next.name().toLowerCase(Locale.ROOT));
        bridge.language(words);
        bar.update(device, words);
        main.removeAll();
        KioskDeviceInfo enrolled = device;
        if (enrolled == null || next == Screen.ENROL) {
            bridge.forgetPlace();
            main.add(new EnrolScreen(words));
        } else {
            main.add(
                    switch (next) {
                        case IDLE ->
                            new IdleScreen(
                                    words,
                                    this::openKeypad,
                                    () -> openScan(null),
                                    kiosk.unboundSurvey(enrolled),
                                    this::startSurvey);
                        case KEYPAD ->
                            new KeypadScreen(
                                    words,
                                    keypad,
                                    kiosk.todaysCodePrefix(enrolled),
                                    code -> lookUp(code, KioskRating.Entry.KEYED),
                                    this::toIdle);
                        case SCAN ->
                            new ScanScreen(
                                    words,
                                    scanMessage,
                                    code -> lookUp(code, KioskRating.Entry.SCANNED)
                                            .ifPresent(this::openScan),
                                    this::openScan,
                                    this::typeInstead,
                                    this::toIdle);
                        case OVERALL, DETAILS ->
                            new SurveyScreen(words, survey, next == Screen.DETAILS, bridge, surveyFlow(enrolled));
                        case THANKS -> new ThanksScreen(words, sentOverall, sentWithContact);
                        case ENROL -> throw new IllegalStateException();
                    });
        }
        int idleSeconds = enrolled == null
                ? 0
                : next == Screen.THANKS
                        ? enrolled.thankYouSeconds()
                        : next == Screen.IDLE || next == Screen.ENROL ? 0 : enrolled.idleTimeoutSeconds();
        if (idleSeconds > 0) {
            bridge.startIdle(idleSeconds);
        } else {
            bridge.stopIdle();
        }
    }

    /** From the idle screen: a fresh keypad. */
    private void openKeypad() {
        keypad.reset();
        show(Screen.KEYPAD);
    }

    /** From the camera: the keypad, nothing typed. */
    private void typeInstead() {
        keypad.clear();
        show(Screen.KEYPAD);
    }

    private void openScan(@Nullable String message) {
        scanMessage = message;
        show(Screen.SCAN);
    }

    /** Opens the survey of a typed or scanned code, or says why not (empty: the page moved on). */
    private Optional<String> lookUp(String code, KioskRating.Entry how) {
        if (!stillEnrolled()) {
            return Optional.empty();
        }
        // The keypad and the scanner are shown to an enrolled device only.
        KioskService.Lookup lookup = kiosk.lookUp(Objects.requireNonNull(device), code);
        if (lookup.survey() != null) {
            startSurvey(lookup.survey(), how);
            return Optional.empty();
        }
        return Optional.of(KeypadScreen.whyNot(words, lookup.problem()));
    }

    private void startSurvey(KioskSurvey handedOver) {
        startSurvey(handedOver, null);
    }

    /** {@code found}: the keypad or the camera opened it (recorded for a dossier without a handover). */
    private void startSurvey(KioskSurvey handedOver, KioskRating.@Nullable Entry found) {
        KioskSurvey next = device == null ? handedOver : kiosk.forDevice(device, handedOver);
        survey.begin(next, next.handoverId() == null && !next.dossierCode().isEmpty() ? found : null);
        keypad.clear();
        scanMessage = null;
        bridge.beginSurvey(survey, device != null && device.storesAbandoned());
        show(Screen.OVERALL);
    }

    private SurveyScreen.Flow surveyFlow(KioskDeviceInfo enrolled) {
        return new SurveyScreen.Flow() {
            @Override
            public void firstAnswer() {
                UUID handoverId = survey.handoverId();
                if (handoverId != null) {
                    // From the first answer on the survey is in progress: the next handover waits for it.
                    // False when the officer's next handover came a moment earlier: this survey is
                    // still finished and sent (its dossier may still be rated), then that one shows.
                    kiosk.begin(enrolled, handoverId);
                }
            }

            @Override
            public void answeredOverall() {
                show(Screen.DETAILS);
            }

            @Override
            public void notMine() {
                UUID handoverId = survey.handoverId();
                if (handoverId != null) {
                    kiosk.finish(enrolled, handoverId, HandoverOutcome.NOT_MINE);
                }
                survey.clear();
                toIdle();
            }

            @Override
            public void send() {
                sentOverall = survey.answer(Questionnaire.OVERALL);
                sentWithContact = survey.contactConsent();
                bridge.submitted(survey);
                UUID handoverId = survey.handoverId();
                if (handoverId != null) {
                    // Used up now, not when the outbox delivers the rating: a reload shows no earlier
                    // citizen's dossier, and a handover waiting behind this one comes next.
                    kiosk.finish(enrolled, handoverId, HandoverOutcome.SENT);
                }
                survey.clear();
                show(Screen.THANKS);
            }
        };
    }

    private void toIdle() {
        KioskDeviceInfo enrolled = device;
        if (enrolled == null) {
            show(Screen.ENROL);
            return;
        }
        UUID handoverId = survey.handoverId();
        if (handoverId != null) {
            // Walked away, begun or not: the handover is used up, a reload never brings it back.
            kiosk.finish(enrolled, handoverId, HandoverOutcome.ABANDONED);
        }
        survey.clear();
        keypad.clear();
        scanMessage = null;
        bridge.discardSurvey();
        // The next handover may have waited for this survey.
        kiosk.surveyToShow(enrolled, false).ifPresentOrElse(this::startSurvey, () -> show(Screen.IDLE));
    }
}
