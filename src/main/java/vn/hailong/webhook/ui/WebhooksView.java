package vn.hailong.webhook.ui;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;
import vn.hailong.webhook.WebhookDeliveryDetails;
import vn.hailong.webhook.WebhookEndpointDetails;
import vn.hailong.webhook.WebhookService;

/**
 * Administrators register webhook endpoints (the signing secret is shown once), enable and
 * disable them, read each endpoint's delivery log and redeliver (ADR 098).
 */
@Route("webhooks")
@PageTitle("Webhook · Hài Lòng")
@Menu(title = "Webhook", order = 60)
@RolesAllowed(Roles.ADMIN)
public class WebhooksView extends VerticalLayout {

    private final WebhookService webhooks;
    private final Grid<WebhookEndpointDetails> endpoints = new Grid<>(WebhookEndpointDetails.class, false);
    private final Grid<WebhookDeliveryDetails> deliveries = new Grid<>(WebhookDeliveryDetails.class, false);
    private final H3 logTitle = new H3(getTranslation("webhook.ui.webhooks.logTitle"));

    public WebhooksView(WebhookService webhooks) {
        this.webhooks = webhooks;
        add(new H2(getTranslation("webhook.ui.webhooks.title")));

        TextField url = new TextField(getTranslation("webhook.ui.webhooks.url"));
        url.setMaxLength(2000);
        url.setWidth("32rem");
        TextField description = new TextField(getTranslation("webhook.ui.webhooks.description"));
        description.setMaxLength(WebhookService.DESCRIPTION_MAX_LENGTH);
        EmailField owner = new EmailField(getTranslation("webhook.ui.webhooks.owner"));
        owner.setWidth("18rem");
        CheckboxGroup<String> types = new CheckboxGroup<>(getTranslation("webhook.ui.webhooks.events"));
        types.setItems(WebhookService.eventTypes());
        Paragraph secret = new Paragraph();
        url.setId("webhook-url");
        description.setId("webhook-description");
        owner.setId("webhook-owner");
        types.setId("webhook-events");
        secret.setId("webhook-secret");
        endpoints.setId("webhook-endpoints");
        deliveries.setId("webhook-deliveries");
        Button register = new Button(getTranslation("webhook.ui.webhooks.register"), e -> {
            try {
                WebhookService.Registered registered = webhooks.register(
                        url.getValue(), description.getValue(), owner.getValue(), List.copyOf(types.getValue()));
                secret.setText(getTranslation("webhook.ui.webhooks.secret", registered.secret()));
                url.clear();
                description.clear();
                refresh();
            } catch (InvalidInputException problem) {
                problem.errors().stream()
                        .filter(f -> f.field().equals("url"))
                        .findFirst()
                        .ifPresentOrElse(
                                f -> {
                                    url.setErrorMessage(f.message());
                                    url.setInvalid(true);
                                },
                                () -> url.setInvalid(false));
                Notification.show(problem.getMessage(), 6000, Notification.Position.MIDDLE);
            }
        });
        register.setId("webhook-register");
        HorizontalLayout form = new HorizontalLayout(url, description, owner, register);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setWrap(true);
        add(form, types, secret);

        endpoints
                .addColumn(WebhookEndpointDetails::url)
                .setHeader("URL")
                .setAutoWidth(true)
                .setFlexGrow(1);
        endpoints
                .addColumn(e -> String.join(", ", e.eventTypes()))
                .setHeader(getTranslation("webhook.ui.webhooks.column.events"))
                .setAutoWidth(true);
        endpoints
                .addColumn(e -> e.enabled()
                        ? getTranslation("webhook.ui.webhooks.enabled")
                        : getTranslation("webhook.ui.webhooks.disabled", e.disabledReason()))
                .setHeader(getTranslation("webhook.ui.webhooks.column.status"))
                .setAutoWidth(true);
        endpoints
                .addColumn(e -> time(e.failingSince()))
                .setHeader(getTranslation("webhook.ui.webhooks.column.failingSince"))
                .setAutoWidth(true);
        endpoints
                .addComponentColumn(e -> {
                    Button toggle = new Button(
                            getTranslation(e.enabled() ? "webhook.ui.webhooks.disable" : "webhook.ui.webhooks.enable"),
                            click -> {
                                if (e.enabled()) {
                                    webhooks.disable(e.id());
                                } else {
                                    webhooks.enable(e.id());
                                }
                                refresh();
                            });
                    Button log = new Button(getTranslation("webhook.ui.webhooks.log"), click -> showLog(e));
                    return new HorizontalLayout(toggle, log);
                })
                .setHeader("")
                .setAutoWidth(true);
        endpoints.setAllRowsVisible(true);
        add(endpoints);

        deliveries
                .addColumn(d -> time(d.createdAt()))
                .setHeader(getTranslation("webhook.ui.webhooks.column.at"))
                .setAutoWidth(true);
        deliveries
                .addColumn(WebhookDeliveryDetails::eventType)
                .setHeader(getTranslation("webhook.ui.webhooks.column.events"))
                .setAutoWidth(true);
        deliveries
                .addColumn(WebhookDeliveryDetails::status)
                .setHeader(getTranslation("webhook.ui.webhooks.column.status"))
                .setAutoWidth(true);
        deliveries
                .addColumn(WebhookDeliveryDetails::attempts)
                .setHeader(getTranslation("webhook.ui.webhooks.column.attempts"))
                .setAutoWidth(true);
        deliveries
                .addColumn(d -> d.lastStatus() == null
                        ? (d.lastError() == null ? "" : d.lastError())
                        : "HTTP " + d.lastStatus() + (d.lastResponse() == null ? "" : " · " + d.lastResponse()))
                .setHeader(getTranslation("webhook.ui.webhooks.column.lastResponse"))
                .setFlexGrow(1);
        deliveries
                .addComponentColumn(d -> new Button(getTranslation("webhook.ui.webhooks.redeliver"), click -> {
                    webhooks.redeliver(d.endpointId(), d.id());
                    Notification.show(getTranslation("webhook.ui.webhooks.redelivered", d.messageId()));
                    showLog(webhooks.find(d.endpointId()));
                }))
                .setHeader("")
                .setAutoWidth(true);
        deliveries.setHeight("24rem");
        add(logTitle, deliveries);
        refresh();
    }

    private void refresh() {
        endpoints.setItems(webhooks.endpoints());
    }

    private void showLog(WebhookEndpointDetails endpoint) {
        logTitle.setText(getTranslation("webhook.ui.webhooks.logTitleOf", endpoint.url()));
        deliveries.setItems(webhooks.deliveries(endpoint.id(), 100));
    }

    private static String time(@Nullable Instant at) {
        return Formats.ofCurrentPage().timeWithSeconds(at);
    }
}
