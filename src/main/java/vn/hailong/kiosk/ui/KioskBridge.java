package vn.hailong.kiosk.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.kiosk.KioskDeviceInfo;
import vn.hailong.kiosk.KioskSurvey;
import vn.hailong.rating.Questionnaire;

/**
 * The kiosk page's browser side, in one place: {@code <hl-kiosk-bridge>} of
 * {@code frontend/kiosk/kiosk-client.js}, which keeps the tablet's own copy of the survey in
 * progress and the outbox of completed ratings (a network drop or a server restart loses none).
 * The methods here are what the server tells the browser; {@link #idle()} is what the browser
 * tells the server. No other kiosk class runs script in the browser.
 */
@Tag("hl-kiosk-bridge")
@JsModule("./kiosk/kiosk-client.js")
final class KioskBridge extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Runnable onIdle = () -> {};

    KioskBridge() {
        getElement().setAttribute("hidden", "");
    }

    /** What to do when the citizen left the screen untouched for the idle time (see {@link #startIdle}). */
    void onIdle(Runnable action) {
        onIdle = action;
    }

    /**
     * The browser's idle timer ran out. It has already put a begun survey into its outbox as
     * abandoned when the site stores those (so that holds with the network down too).
     */
    @ClientCallable
    void idle() {
        onIdle.run();
    }

    /** The page's language, for the browser's own words (the reconnecting notice) and screen readers. */
    void language(KioskWords words) {
        call("language", words.lang());
    }

    /** Untouched for {@code seconds}, the browser calls {@link #idle()}; every touch starts the time again. */
    void startIdle(int seconds) {
        call("startIdle", seconds);
    }

    void stopIdle() {
        call("stopIdle");
    }

    /** A new survey on the screen: the browser mirrors its answers from the first tap on. */
    void beginSurvey(SurveyAnswers survey, boolean storesAbandoned) {
        KioskSurvey s = survey.current();
        Questionnaire.ReasonRule rule = s.questionnaire().reasonRule();
        call(
                "beginSurvey",
                survey.idempotencyKey(),
                s.dossierCode(),
                s.handoverId() == null ? null : s.handoverId().toString(),
                rule == null ? null : rule.criterion(),
                JSON.valueToTree(rule == null ? List.of() : List.copyOf(rule.options())),
                storesAbandoned,
                survey.entry() == null ? null : survey.entry().name());
    }

    /**
     * The browser's copy learns the other reason only with its text: a rating never leaves the
     * outbox with "other" but no words (the server would refuse it).
     */
    void otherReason(SurveyAnswers survey) {
        call("otherReason", survey.otherReasonText());
    }

    /** The browser's copy learns the call-back as the server holds it (see {@link #otherReason}). */
    void contact(SurveyAnswers survey) {
        call("contact", survey.contactConsent(), survey.phone());
    }

    /**
     * The citizen sent the survey: the server's copy of the rating goes into the outbox, in case the
     * browser's draft missed a tap (stored only when no rating with its key is there yet), then is sent.
     */
    void submitted(SurveyAnswers survey) {
        call("submitted", JSON.valueToTree(survey.rating()));
    }

    /** The survey on the screen is gone (left, or replaced): the browser forgets its draft. */
    void discardSurvey() {
        call("discardSurvey");
    }

    /**
     * An enrolled tablet: the browser registers the kiosk's service worker (kiosk-sw.js, scope
     * /kiosk), which shows an offline shell with the unsent outbox when a reload or a reboot finds
     * the server out of reach, and notes where it stands (the centre's and the counter's names,
     * shown by that shell; no personal data).
     */
    void rememberPlace(KioskDeviceInfo device) {
        String centre =
                device.branding().centreName() != null ? device.branding().centreName() : device.centreName();
        call("rememberPlace", centre, device.counterName());
    }

    /** A tablet not, or no longer, enrolled drops both: it is not a kiosk any more. */
    void forgetPlace() {
        call("forgetPlace");
    }

    /** Scrolls a part that just opened (a keyboard, a keypad) fully into view above the sticky send button. */
    void reveal(Component part) {
        call("reveal", part.getElement());
    }

    private void call(String function, @Nullable Object... arguments) {
        getElement().callJsFunction(function, arguments);
    }
}
