package vn.hailong.dashboard.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.platform.Roles;

/**
 * The address everyone lands on after logging in ({@code /}): not a page of its own (it used to
 * show satisfaction per unit computed a third way) but the page the user may work in — the
 * dashboard for managers and auditors, "Quầy của tôi" for officers.
 */
@Route("")
@PermitAll
public class LandingView extends Div implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;

    public LandingView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR)) {
            event.forwardTo(DashboardView.class);
        } else if (authentication.hasRole(Roles.OFFICER)) {
            event.forwardTo(CounterDeskView.class);
        } else if (authentication.hasRole(Roles.DATA_ENTRY)) {
            // By its address: the paper-form page belongs to module paperform, which the dashboard does not use.
            event.forwardTo("nhap-phieu");
        } else {
            // A user with no role (e.g. waiting for the second factor) goes where the security says.
            event.rerouteToError(AccessDeniedException.class);
        }
    }
}
