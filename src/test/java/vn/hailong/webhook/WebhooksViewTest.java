package vn.hailong.webhook;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.HaiLongTest;
import vn.hailong.webhook.ui.WebhooksView;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' Webhooks page without a browser: a private address refused at the field, a registration showing its secret once. */
@HaiLongTest
class WebhooksViewTest extends SpringBrowserlessTest {

    @Autowired
    WebhookService webhooks;

    @AfterEach
    void cleanUp() {
        webhooks.endpoints().stream()
                .filter(e -> "view-test".equals(e.description()))
                .forEach(e -> webhooks.delete(e.id()));
        SecurityContextHolder.clearContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_registers_an_endpoint_and_a_private_address_is_refused_at_the_url_field() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin-view", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        navigate(WebhooksView.class);

        test(find(TextField.class).id("webhook-url")).setValue("http://192.168.1.20/hook");
        test(find(TextField.class).id("webhook-description")).setValue("view-test");
        test(find(EmailField.class).id("webhook-owner")).setValue("owner@example.vn");
        CheckboxGroup<String> events = find(CheckboxGroup.class).id("webhook-events");
        events.setValue(Set.of("dossier.returned"));
        test(find(Button.class).id("webhook-register")).click();
        TextField url = find(TextField.class).id("webhook-url");
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("192.168.1.20");

        test(url).setValue("http://localhost:9/hook");
        test(find(Button.class).id("webhook-register")).click();

        assertThat(find(Paragraph.class).id("webhook-secret").getText()).contains("whsec_");
        Grid<WebhookEndpointDetails> grid = find(Grid.class).id("webhook-endpoints");
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(1);
        assertThat(webhooks.endpoints()).anySatisfy(e -> {
            assertThat(e.url()).isEqualTo("http://localhost:9/hook");
            assertThat(e.eventTypes()).containsExactly("dossier.returned");
        });
    }
}
