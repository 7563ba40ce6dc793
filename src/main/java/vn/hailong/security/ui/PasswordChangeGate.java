package vn.hailong.security.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.security.AccountService;
import vn.hailong.security.TwoFactorService;

/**
 * Before any page of the manager UI: a user holding a one-time password is sent to
 * {@link ChangePasswordView} first, a user who still owes the second log-in factor to
 * {@link TwoFactorView}, and a session whose account was disabled meanwhile is ended
 * (log-in already refuses disabled accounts; this closes sessions opened before).
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final AccountService accounts;
    private final AuthenticationContext authentication;

    PasswordChangeGate(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !authentication.isAuthenticated()) {
            return;
        }
        if (TwoFactorService.isPending(auth)) {
            // The password was right, the code is still owed: nothing else until it is given.
            if (event.getNavigationTarget() != TwoFactorView.class && event.getNavigationTarget() != LoginView.class) {
                TwoFactorView.continueTo(event.getLocation().getPathWithQueryParameters());
                event.forwardTo(TwoFactorView.class);
            }
            return;
        }
        var account = accounts.find(auth.getName());
        if (account.isEmpty()) {
            return;
        }
        if (!account.get().enabled()) {
            authentication.logout();
            return;
        }
        if (event.getNavigationTarget() != ChangePasswordView.class
                && event.getNavigationTarget() != LoginView.class
                && accounts.mustChangePassword(auth.getName())) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
