package vn.hailong.security.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import vn.hailong.platform.Words;
import vn.hailong.security.LoginThrottledException;

/** Managers' log-in page (Vietnamese first). */
@Route(value = "login", autoLayout = false)
@PageTitle("Đăng nhập · Hài Lòng")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(vietnamese());
        // The published results are public: whoever reaches the log-in page without an account finds them here.
        Anchor openData = new Anchor("open-data", getTranslation("security.ui.login.openData"));
        openData.setId("open-data-link");
        add(
                new H1(getTranslation("security.ui.login.appName")),
                new Paragraph(getTranslation("security.ui.login.tagline")),
                login,
                openData);
    }

    private static LoginI18n vietnamese() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(Words.of("security.ui.login.form.title"));
        form.setUsername(Words.of("security.ui.login.form.username"));
        form.setPassword(Words.of("security.ui.login.form.password"));
        form.setSubmit(Words.of("security.ui.login.form.submit"));
        i18n.setForm(form);
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(Words.of("security.ui.login.error.title"));
        error.setMessage(Words.of("security.ui.login.error.message"));
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            login.setI18n(locked(lockedMinutes()));
            login.setError(true);
        } else if (parameters.containsKey("unavailable")) {
            login.setI18n(unavailable());
            login.setError(true);
        } else if (parameters.containsKey("error")) {
            login.setError(true);
        }
    }

    /** How long the lock that refused this browser's last attempt still runs, in whole minutes (at least 1). */
    private static long lockedMinutes() {
        Object last = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof LoginThrottledException throttled) {
            long seconds = Duration.between(Instant.now(), throttled.until()).toSeconds();
            return Math.max(1, (seconds + 59) / 60);
        }
        return 1;
    }

    /** The password could not be checked (the database did not answer): not the user's mistake. */
    private static LoginI18n unavailable() {
        LoginI18n i18n = vietnamese();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(Words.of("security.ui.login.unavailable.title"));
        error.setMessage(Words.of("security.ui.login.unavailable.message"));
        i18n.setErrorMessage(error);
        return i18n;
    }

    private static LoginI18n locked(long minutes) {
        LoginI18n i18n = vietnamese();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(Words.of("security.ui.login.locked.title"));
        error.setMessage(Words.of("security.ui.login.locked.message", String.valueOf(minutes)));
        i18n.setErrorMessage(error);
        return i18n;
    }
}
