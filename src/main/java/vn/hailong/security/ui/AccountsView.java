package vn.hailong.security.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
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
import vn.hailong.platform.Words;
import vn.hailong.security.AccountAdminService;
import vn.hailong.security.AccountAdminService.AccountRow;
import vn.hailong.security.PasswordPolicy;
import vn.hailong.security.Role;

/**
 * Account management for the administrator: the list of accounts, a form to create one, and for
 * the selected account: disable/enable, reset the password (one-time), change role and unit.
 */
@Route("tai-khoan")
@PageTitle("Tài khoản · Hài Lòng")
@Menu(title = "Tài khoản", order = 9)
@RolesAllowed(Roles.ADMIN)
public class AccountsView extends VerticalLayout {

    /** A role in words ({@code security.ui.accounts.role.*}). */
    static String role(Role role) {
        return Words.of("security.ui.accounts.role." + role.name());
    }

    private final AccountAdminService service;
    private final Grid<AccountRow> grid = new Grid<>();
    private final Paragraph message = new Paragraph();

    private final TextField username = new TextField(getTranslation("security.ui.accounts.username"));
    private final TextField displayName = new TextField(getTranslation("security.ui.accounts.displayName"));
    private final Select<Role> role = roleSelect("new-role");
    private final ComboBox<AgencySummary> unit = unitBox("new-unit");
    private final PasswordField password = new PasswordField(getTranslation("security.ui.accounts.initialPassword"));

    private final H3 selectedTitle = new H3();

    private final Button toggle = new Button();
    private final Button unlockLogIn = new Button(getTranslation("security.ui.accounts.unlockLogIn"));
    private final Button resetTwoFactor = new Button(getTranslation("security.ui.accounts.resetTwoFactor"));
    private final PasswordField resetPassword =
            new PasswordField(getTranslation("security.ui.accounts.oneTimePassword"));
    private final Select<Role> editRole = roleSelect("edit-role");
    private final ComboBox<AgencySummary> editUnit = unitBox("edit-unit");
    private final TextField editEmail = new TextField(getTranslation("security.ui.accounts.email"));
    private final TextField editOfficerId = new TextField(getTranslation("security.ui.accounts.officerId"));
    private final VerticalLayout selectedPanel = new VerticalLayout();

    public AccountsView(AccountAdminService service) {
        this.service = service;
        List<AgencySummary> units = service.units();
        unit.setItems(units);
        editUnit.setItems(units);
        message.setId("accounts-message");

        grid.addColumn(AccountRow::username)
                .setHeader(getTranslation("security.ui.accounts.username"))
                .setAutoWidth(true);
        grid.addColumn(AccountRow::displayName)
                .setHeader(getTranslation("security.ui.accounts.displayName"))
                .setAutoWidth(true);
        grid.addColumn(a -> role(a.role()))
                .setHeader(getTranslation("security.ui.accounts.role"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.unitCode() == null
                        ? getTranslation("security.ui.accounts.wholeProvince")
                        : a.unitName() + " (" + a.unitCode() + ")")
                .setHeader(getTranslation("security.ui.accounts.column.unit"))
                .setFlexGrow(2);
        grid.addColumn(a -> a.email() == null ? "—" : a.email())
                .setHeader("E-mail")
                .setAutoWidth(true);
        grid.addColumn(a -> (a.enabled()
                                ? getTranslation("security.ui.accounts.state.enabled")
                                : getTranslation("security.ui.accounts.state.disabled"))
                        + (a.mustChangePassword()
                                ? getTranslation("security.ui.accounts.state.mustChangePassword")
                                : "")
                        + (a.loginLocked()
                                ? getTranslation(
                                        "security.ui.accounts.state.logInLockedUntil",
                                        Formats.ofCurrentPage().hourThenDay(a.loginLockedUntil()))
                                : "")
                        + (a.twoFactorEnrolled() ? getTranslation("security.ui.accounts.state.twoFactor") : ""))
                .setHeader(getTranslation("security.ui.accounts.column.state"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("accounts");
        grid.setHeight("18rem");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        username.setId("new-username");
        username.setHelperText(getTranslation("security.ui.accounts.username.help"));
        displayName.setId("new-display-name");
        password.setId("new-password");
        password.setHelperText(
                getTranslation("security.ui.accounts.initialPassword.help", String.valueOf(PasswordPolicy.MIN_LENGTH)));
        role.addValueChangeListener(e -> unit.setEnabled(needsUnit(e.getValue())));
        Button create = new Button(getTranslation("security.ui.accounts.create"), e -> create());
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, displayName, role, unit, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));

        toggle.setId("toggle-enabled");
        toggle.addClickListener(e -> act(
                () -> {
                    AccountRow a = grid.asSingleSelect().getValue();
                    return service.setEnabled(a.username(), !a.enabled());
                },
                a -> getTranslation(
                        a.enabled() ? "security.ui.accounts.unlocked" : "security.ui.accounts.locked", a.username())));
        unlockLogIn.setId("unlock-login");
        unlockLogIn.addClickListener(e -> act(
                () -> service.unlockLogIn(grid.asSingleSelect().getValue().username()),
                a -> getTranslation("security.ui.accounts.logInUnlocked", a.username())));
        resetTwoFactor.setId("reset-two-factor");
        resetTwoFactor.addClickListener(e -> act(
                () -> service.resetTwoFactor(grid.asSingleSelect().getValue().username()),
                a -> getTranslation("security.ui.accounts.twoFactorReset", a.username())));
        resetPassword.setId("reset-password");
        resetPassword.setWidth("20rem");
        Button reset = new Button(
                getTranslation("security.ui.accounts.resetPassword"),
                e -> act(
                        () -> service.resetPassword(
                                grid.asSingleSelect().getValue().username(), resetPassword.getValue()),
                        a -> getTranslation("security.ui.accounts.passwordReset", a.username())));
        reset.setId("reset");
        Button assign = new Button(
                getTranslation("security.ui.accounts.saveRoleAndUnit"),
                e -> act(
                        () -> service.assign(
                                grid.asSingleSelect().getValue().username(),
                                editRole.getValue(),
                                editUnit.getValue() == null
                                        ? null
                                        : editUnit.getValue().code()),
                        a -> getTranslation("security.ui.accounts.roleAndUnitSaved", a.username())));
        assign.setId("assign");
        editRole.addValueChangeListener(e -> editUnit.setEnabled(needsUnit(e.getValue())));
        editEmail.setId("edit-email");
        editEmail.setWidth("24rem");
        editEmail.setHelperText(getTranslation("security.ui.accounts.email.help"));
        Button saveEmail = new Button(
                getTranslation("security.ui.accounts.saveEmail"),
                e -> act(
                        () -> service.setEmail(grid.asSingleSelect().getValue().username(), editEmail.getValue()),
                        a -> getTranslation("security.ui.accounts.emailSaved", a.username())));
        saveEmail.setId("save-email");
        HorizontalLayout emailRow = new HorizontalLayout(editEmail, saveEmail);
        emailRow.setAlignItems(Alignment.BASELINE);
        HorizontalLayout resetRow = new HorizontalLayout(resetPassword, reset);
        resetRow.setAlignItems(Alignment.BASELINE);
        HorizontalLayout assignRow = new HorizontalLayout(editRole, editUnit, assign);
        assignRow.setAlignItems(Alignment.BASELINE);
        assignRow.setWrap(true);
        editOfficerId.setId("edit-officer-id");
        editOfficerId.setWidth("24rem");
        editOfficerId.setHelperText(getTranslation("security.ui.accounts.officerId.help"));
        Button saveOfficerId = new Button(
                getTranslation("security.ui.accounts.saveOfficerId"),
                e -> act(
                        () -> service.setOneStopOfficerId(
                                grid.asSingleSelect().getValue().username(), editOfficerId.getValue()),
                        a -> getTranslation("security.ui.accounts.officerIdSaved", a.username())));
        saveOfficerId.setId("save-officer-id");
        HorizontalLayout officerIdRow = new HorizontalLayout(editOfficerId, saveOfficerId);
        officerIdRow.setAlignItems(Alignment.BASELINE);
        selectedPanel.add(
                selectedTitle, toggle, unlockLogIn, resetTwoFactor, resetRow, assignRow, emailRow, officerIdRow);
        selectedPanel.setPadding(false);
        selectedPanel.setVisible(false);
        selectedPanel.setId("selected-account");

        add(
                new H2(getTranslation("security.ui.accounts.title")),
                message,
                grid,
                selectedPanel,
                new H3(getTranslation("security.ui.accounts.newAccount")),
                form,
                create);
        refresh();
    }

    private static boolean needsUnit(Role role) {
        return role == Role.UNIT_MANAGER || role == Role.OFFICER || role == Role.DATA_ENTRY;
    }

    private static Select<Role> roleSelect(String id) {
        Select<Role> select = new Select<>();
        select.setLabel(Words.of("security.ui.accounts.role"));
        select.setItems(Role.values());
        select.setItemLabelGenerator(AccountsView::role);
        select.setId(id);
        return select;
    }

    private static ComboBox<AgencySummary> unitBox(String id) {
        ComboBox<AgencySummary> box = new ComboBox<>(Words.of("security.ui.accounts.unit"));
        box.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        box.setClearButtonVisible(true);
        box.setId(id);
        box.setMinWidth("28rem");
        return box;
    }

    private void create() {
        clearErrors();
        act(
                true,
                () -> service.create(
                        username.getValue(),
                        displayName.getValue(),
                        role.getValue(),
                        unit.getValue() == null ? null : unit.getValue().code(),
                        password.getValue()),
                a -> {
                    username.clear();
                    displayName.clear();
                    password.clear();
                    unit.clear();
                    return getTranslation("security.ui.accounts.created", a.username(), role(a.role()));
                });
    }

    private void clearErrors() {
        for (var field : List.of(username, displayName, password, resetPassword, editEmail, editOfficerId)) {
            field.setInvalid(false);
        }
        role.setInvalid(false);
        unit.setInvalid(false);
        editRole.setInvalid(false);
        editUnit.setInvalid(false);
    }

    private void act(Supplier<AccountRow> action, Function<AccountRow, String> done) {
        act(false, action, done);
    }

    private void act(boolean creating, Supplier<AccountRow> action, Function<AccountRow, String> done) {
        clearErrors();
        try {
            AccountRow changed = action.get();
            resetPassword.clear();
            show(done.apply(changed), false);
            refresh();
            grid.asSingleSelect()
                    .setValue(grid.getListDataView()
                            .getItems()
                            .filter(a -> a.id().equals(changed.id()))
                            .findFirst()
                            .orElse(null));
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldError error : e.errors()) {
                markInvalid(creating, error.field(), error.message());
            }
            show(
                    e.errors().stream()
                            .map(InvalidInputException.FieldError::message)
                            .reduce((a, b) -> a + " · " + b)
                            .orElse(""),
                    true);
        } catch (ConflictException | NotFoundException e) {
            show(Objects.requireNonNull(e.getMessage()), true); // both always carry their message
        }
    }

    private void markInvalid(boolean creating, String field, String text) {
        Component target = switch (field) {
            case "username" -> username;
            case "displayName" -> displayName;
            case "role" -> creating ? role : editRole;
            case "unit" -> creating ? unit : editUnit;
            case "password" -> creating ? password : resetPassword;
            case "email" -> editEmail;
            case "oneStopOfficerId" -> editOfficerId;
            default -> null;
        };
        if (target instanceof HasValidation v) {
            v.setErrorMessage(text);
            v.setInvalid(true);
        }
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        message.getStyle().set("font-weight", "600");
    }

    private void refresh() {
        grid.setItems(service.accounts());
    }

    private void select(@Nullable AccountRow a) {
        selectedPanel.setVisible(a != null);
        if (a == null) {
            return;
        }
        selectedTitle.setText(getTranslation("security.ui.accounts.selected", a.username(), a.displayName()));
        toggle.setText(getTranslation(a.enabled() ? "security.ui.accounts.lock" : "security.ui.accounts.unlock"));
        toggle.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        if (a.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        unlockLogIn.setVisible(a.loginLocked());
        resetTwoFactor.setVisible(a.twoFactorEnrolled());
        editRole.setValue(a.role());
        editEmail.setValue(a.email() == null ? "" : a.email());
        editOfficerId.setValue(a.oneStopOfficerId() == null ? "" : a.oneStopOfficerId());
        editUnit.setValue(
                a.unitCode() == null
                        ? null
                        : service.units().stream()
                                .filter(u -> u.code().equals(a.unitCode()))
                                .findFirst()
                                .orElse(null));
        editUnit.setEnabled(needsUnit(a.role()));
    }
}
