package vn.hailong.security.ui;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * What a logged-in user sees when a page is not for their role: a plain Vietnamese explanation and
 * the way back to the pages they may open (the menu's, which Vaadin filters by access), not only a
 * log-out button.
 */
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView(AuthenticationContext authentication) {
        setId("access-denied");
        add(new H2(getTranslation("denied.title")), new Paragraph(getTranslation("denied.text")));
        List<MenuEntry> open = MenuConfiguration.getMenuEntries();
        if (!open.isEmpty()) {
            add(new Paragraph(getTranslation("denied.youMayOpen")));
            UnorderedList links = new UnorderedList();
            links.setId("access-denied-links");
            for (MenuEntry entry : open) {
                links.add(new ListItem(new Anchor(entry.path(), entry.title())));
            }
            add(links);
            Anchor home = new Anchor("./", getTranslation("denied.home"));
            home.setId("access-denied-home");
            add(home);
        } else {
            add(new Paragraph(getTranslation("denied.nothing")));
        }
        Button logout = new Button(getTranslation("denied.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(logout);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
