package vn.hailong.security.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.directory.AgencySummary;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.security.AccountAdminService;
import vn.hailong.security.AccountAdminService.AccountRow;
import vn.hailong.security.ApiKeyAdminService;
import vn.hailong.security.ApiKeyAdminService.IssuedKey;
import vn.hailong.security.ApiKeyAdminService.KeyRow;

/**
 * The administrator's API keys ("Khoá API"): every key with its holder and scope (never the key),
 * a form to issue one for a manager's account or for the one-stop software, and, for the selected
 * key, a new key in its place or its revocation. A key is shown once, in a dialog, when issued.
 */
@Route("khoa-api")
@PageTitle("Khoá API · Hài Lòng")
@Menu(title = "Khoá API", order = 9.5)
@RolesAllowed(Roles.ADMIN)
public class ApiKeysView extends VerticalLayout {

    enum Kind {
        ACCOUNT,
        INTEGRATOR
    }

    private final ApiKeyAdminService keys;
    private final Grid<KeyRow> grid = new Grid<>();
    private final Paragraph message = new Paragraph();
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    private final TextField name = new TextField();
    private final ComboBox<AccountRow> holder = new ComboBox<>();
    private final ComboBox<AgencySummary> unit = new ComboBox<>();
    private final Checkbox managesWebhooks = new Checkbox();
    private final H3 selectedTitle = new H3();
    private final Button rotate = new Button();
    private final Button revoke = new Button();
    private final HorizontalLayout selectedActions = new HorizontalLayout(rotate, revoke);

    public ApiKeysView(ApiKeyAdminService keys, AccountAdminService accounts) {
        this.keys = keys;
        setId("api-keys");
        message.setId("api-keys-message");

        grid.addColumn(KeyRow::name)
                .setHeader(getTranslation("apikeys.column.name"))
                .setAutoWidth(true);
        grid.addColumn(k -> k.prefix() + "…")
                .setHeader(getTranslation("apikeys.column.prefix"))
                .setAutoWidth(true);
        grid.addColumn(this::scope)
                .setHeader(getTranslation("apikeys.column.scope"))
                .setFlexGrow(2);
        grid.addColumn(k -> getTranslation(k.active() ? "apikeys.active" : "apikeys.revoked"))
                .setHeader(getTranslation("apikeys.column.state"))
                .setAutoWidth(true);
        grid.addColumn(k -> Formats.ofCurrentPage().hourThenDay(k.createdAt()))
                .setHeader(getTranslation("apikeys.column.created"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("api-key-list");
        grid.setHeight("16rem");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        kind.setId("key-kind");
        kind.setLabel(getTranslation("apikeys.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("apikeys.kind." + k.name()));
        kind.setValue(Kind.ACCOUNT);
        kind.addValueChangeListener(e -> showKindFields());
        name.setId("key-name");
        name.setLabel(getTranslation("apikeys.name"));
        name.setHelperText(getTranslation("apikeys.name.help"));
        holder.setId("key-holder");
        holder.setLabel(getTranslation("apikeys.holder"));
        holder.setHelperText(getTranslation("apikeys.holder.help"));
        holder.setItems(accounts.accounts().stream()
                .filter(a -> a.enabled() && ApiKeyAdminService.holdsKeys(a.role()))
                .toList());
        holder.setItemLabelGenerator(a -> a.username() + " · " + a.displayName());
        unit.setId("key-unit");
        unit.setLabel(getTranslation("apikeys.unit"));
        unit.setHelperText(getTranslation("apikeys.unit.help"));
        unit.setClearButtonVisible(true);
        unit.setItems(accounts.units());
        unit.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        managesWebhooks.setId("key-webhooks");
        managesWebhooks.setLabel(getTranslation("apikeys.webhooks"));
        Button issue = new Button(getTranslation("apikeys.issue"), e -> issue());
        issue.setId("issue-key");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(kind, name, holder, unit, managesWebhooks);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        showKindFields();

        rotate.setText(getTranslation("apikeys.rotate"));
        rotate.setId("rotate-key");
        rotate.addClickListener(e -> act(() -> keys.rotate(selected().name())));
        revoke.setText(getTranslation("apikeys.revoke"));
        revoke.setId("revoke-key");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(e -> {
            try {
                KeyRow revoked = keys.revoke(selected().name());
                refresh();
                showRow(revoked.name());
                show(getTranslation("apikeys.revokedNow", revoked.name()), false);
            } catch (NotFoundException ex) {
                show(ex.getMessage(), true);
            }
        });
        selectedTitle.setId("selected-key");
        selectedActions.setVisible(false);
        selectedTitle.setVisible(false);

        Paragraph intro = new Paragraph(getTranslation("apikeys.intro"));
        intro.setId("api-keys-intro");
        add(
                new H2(getTranslation("apikeys.title")),
                intro,
                message,
                grid,
                selectedTitle,
                selectedActions,
                new H3(getTranslation("apikeys.new")),
                form,
                issue);
        refresh();
    }

    /** Whom the key acts as, and what it may reach. */
    private String scope(KeyRow k) {
        if (k.heldByAccount()) {
            // A key held by an account carries that account's role (KeyRow gets both from the account or neither).
            return getTranslation(
                    "apikeys.scope.account", k.holder(), AccountsView.role(Objects.requireNonNull(k.holderRole())));
        }
        if (k.unitCode() != null) {
            return getTranslation("apikeys.scope.unit", k.unitCode());
        }
        return getTranslation(k.managesWebhooks() ? "apikeys.scope.webhooks" : "apikeys.scope.integrator");
    }

    private void showKindFields() {
        boolean account = kind.getValue() == Kind.ACCOUNT;
        holder.setVisible(account);
        unit.setVisible(!account);
        managesWebhooks.setVisible(!account);
    }

    private void issue() {
        List.<HasValidation>of(name, holder, unit).forEach(f -> f.setInvalid(false));
        act(() -> kind.getValue() == Kind.ACCOUNT
                ? keys.issueForAccount(
                        name.getValue(),
                        holder.getValue() == null ? "" : holder.getValue().username())
                : keys.issueForIntegrator(
                        name.getValue(),
                        unit.getValue() == null ? null : unit.getValue().code(),
                        managesWebhooks.getValue()));
    }

    private void act(Supplier<IssuedKey> action) {
        try {
            IssuedKey issued = action.get();
            refresh();
            showRow(issued.name());
            name.clear();
            show(getTranslation("apikeys.issued", issued.name()), false);
            showOnce(issued);
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldError error : e.errors()) {
                Component field = switch (error.field()) {
                    case "name" -> name;
                    case "username" -> holder;
                    case "unit", "managesWebhooks" -> unit;
                    default -> null;
                };
                if (field instanceof HasValidation v) {
                    v.setErrorMessage(error.message());
                    v.setInvalid(true);
                }
            }
            show(
                    e.errors().stream()
                            .map(InvalidInputException.FieldError::message)
                            .reduce((a, b) -> a + " · " + b)
                            .orElse(""),
                    true);
        } catch (ConflictException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
            show(e.getMessage(), true);
        } catch (NotFoundException e) {
            show(e.getMessage(), true);
        }
    }

    /** The key, this once: it is not stored, so it cannot be shown again. */
    private void showOnce(IssuedKey issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apikeys.once.title", issued.name()));
        // The whole key, wrapped and selectable at once: a text field cut it off.
        Div key = new Div(issued.key());
        key.setId("issued-key");
        key.getStyle()
                .set("font-family", "monospace")
                .set("font-size", "var(--lumo-font-size-l)")
                .set("word-break", "break-all")
                .set("user-select", "all")
                .set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        Paragraph warning = new Paragraph(getTranslation("apikeys.once.warning"));
        warning.setId("issued-key-warning");
        dialog.add(warning, key);
        Button copy = new Button(getTranslation("apikeys.once.copy"));
        copy.setId("issued-key-copy");
        copy.addClickListener(e -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", issued.key())
                .then(ok -> copy.setText(getTranslation("apikeys.once.copied")), failed -> {}));
        Button done = new Button(getTranslation("apikeys.once.done"), e -> dialog.close());
        done.setId("issued-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(copy, done);
        dialog.setWidth("40rem");
        dialog.open();
    }

    private KeyRow selected() {
        return grid.asSingleSelect().getValue();
    }

    private void select(@Nullable KeyRow k) {
        selectedTitle.setVisible(k != null);
        selectedActions.setVisible(k != null);
        if (k != null) {
            selectedTitle.setText(getTranslation("apikeys.selected", k.name()));
            revoke.setEnabled(k.active());
        }
    }

    /** Selects the key and scrolls it into view: revoked keys sort last, below the active ones. */
    private void showRow(String keyName) {
        grid.getListDataView()
                .getItems()
                .filter(k -> k.name().equals(keyName))
                .findFirst()
                .ifPresent(k -> {
                    grid.select(k);
                    grid.scrollToItem(k);
                });
    }

    private void refresh() {
        grid.setItems(keys.keys());
        select(null);
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }
}
