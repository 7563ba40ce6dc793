package vn.hailong.security.ui;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.PermitAll;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.platform.InvalidInputException;
import vn.hailong.receipt.QrCodes;
import vn.hailong.security.TwoFactorService;

/**
 * The second step of a log-in for the roles that need it: the code from the authenticator app (or
 * a recovery code); the first time, the enrolment of the app (its QR code and secret, a code to
 * confirm, then the recovery codes, shown once). Every page leads here until the code is given
 * ({@link PasswordChangeGate}).
 */
@Route(value = "xac-thuc-hai-buoc", autoLayout = false)
@PageTitle("Xác thực hai bước · Hài Lòng")
@PermitAll
public class TwoFactorView extends VerticalLayout implements BeforeEnterObserver {

    /** The page the user asked for before the code was asked (a route of this app, kept in their session). */
    private static final String CONTINUE_TO = TwoFactorView.class.getName() + ".continueTo";

    private final TwoFactorService twoFactor;
    private final AuthenticationContext authentication;
    private final Paragraph message = new Paragraph();

    public TwoFactorView(TwoFactorService twoFactor, AuthenticationContext authentication) {
        this.twoFactor = twoFactor;
        this.authentication = authentication;
        setMaxWidth("34rem");
        getStyle().set("margin", "0 auto");
        message.setId("second-factor-message");
        message.getElement().setAttribute("role", "alert");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Authentication pending = SecurityContextHolder.getContext().getAuthentication();
        if (!TwoFactorService.isPending(pending)) {
            event.forwardTo("");
            return;
        }
        removeAll();
        add(new H1(getTranslation("security.ui.login.appName")));
        if (twoFactor.enrolled(pending.getName())) {
            askForCode();
        } else {
            enrol(pending.getName());
        }
        Button logOut = new Button(getTranslation("security.ui.twoFactor.logOut"), e -> authentication.logout());
        logOut.setId("second-factor-log-out");
        logOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(logOut);
    }

    private void askForCode() {
        TextField code = new TextField(getTranslation("security.ui.twoFactor.code"));
        code.setId("second-factor-code");
        code.setWidthFull();
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        Button verify = new Button(getTranslation("security.ui.twoFactor.confirm"), e -> {
            switch (twoFactor.verify(pending(), code.getValue())) {
                case ACCEPTED -> complete();
                case WRONG -> {
                    code.clear();
                    message.setText(getTranslation("security.ui.twoFactor.wrongCode"));
                }
                case LOCKED -> message.setText(getTranslation("security.ui.twoFactor.tooManyWrongCodes"));
            }
        });
        verify.setId("verify-code");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        add(
                new H2(getTranslation("security.ui.twoFactor.title")),
                new Paragraph(getTranslation("security.ui.twoFactor.codeIntro")),
                code,
                verify,
                message);
    }

    private void enrol(String username) {
        TwoFactorService.Enrolment enrolment = twoFactor.newEnrolment(username);
        Image qr = new Image(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(enrolment.uri(), 240)),
                getTranslation("security.ui.twoFactor.qrAlt"));
        qr.setId("totp-qr");
        qr.setWidth("240px");
        qr.setHeight("240px");
        Span secret = new Span(enrolment.secret());
        secret.setId("totp-secret");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        TextField code = new TextField(getTranslation("security.ui.twoFactor.enrolCode"));
        code.setId("enrol-code");
        code.setWidthFull();
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        Button confirm = new Button(getTranslation("security.ui.twoFactor.turnOn"), e -> {
            try {
                showRecoveryCodes(twoFactor.enrol(pending(), enrolment.secret(), code.getValue()));
            } catch (InvalidInputException wrong) {
                code.clear();
                message.setText(wrong.errors().getFirst().message());
            }
        });
        confirm.setId("confirm-enrolment");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H2(getTranslation("security.ui.twoFactor.enrolTitle")),
                new Paragraph(getTranslation("security.ui.twoFactor.enrolIntro")),
                qr,
                new Paragraph(new Span(getTranslation("security.ui.twoFactor.secret")), secret),
                code,
                confirm,
                message);
    }

    private void showRecoveryCodes(List<String> codes) {
        removeAll();
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        codes.forEach(c -> list.add(new ListItem(c)));
        Button done = new Button(getTranslation("security.ui.twoFactor.savedContinue"), e -> complete());
        done.setId("continue-after-enrolment");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H1(getTranslation("security.ui.login.appName")),
                new H2(getTranslation("security.ui.twoFactor.enrolledTitle")),
                new Paragraph(getTranslation("security.ui.twoFactor.recoveryCodes", String.valueOf(codes.size()))),
                list,
                done);
    }

    /** The log-in that owes its code: beforeEnter shows this view to no other (it forwards them away). */
    private static Authentication pending() {
        return Objects.requireNonNull(SecurityContextHolder.getContext().getAuthentication(), "no log-in");
    }

    /** Both factors given: the session now holds the role's authorities. */
    private void complete() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(twoFactor.completed(pending()));
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        // A fresh page load, so that the menu and every view see the new authorities.
        Object then = VaadinSession.getCurrent().getAttribute(CONTINUE_TO);
        VaadinSession.getCurrent().setAttribute(CONTINUE_TO, null);
        getUI().ifPresent(ui -> ui.getPage().setLocation("./" + (then == null ? "" : then)));
    }

    static void continueTo(String route) {
        VaadinSession.getCurrent().setAttribute(CONTINUE_TO, route);
    }
}
