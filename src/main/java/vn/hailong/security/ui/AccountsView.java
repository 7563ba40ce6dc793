package vn.hailong.security.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

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

    static final Map<Role, String> ROLES = Map.of(
            Role.ADMIN,
            "Quản trị viên",
            Role.PROVINCE_MANAGER,
            "Sở Nội vụ (toàn tỉnh)",
            Role.UNIT_MANAGER,
            "Lãnh đạo đơn vị",
            Role.AUDITOR,
            "Kiểm tra viên",
            Role.OFFICER,
            "Cán bộ một cửa",
            Role.DATA_ENTRY,
            "Nhập phiếu giấy");

    private final AccountAdminService service;
    private final Grid<AccountRow> grid = new Grid<>();
    private final Paragraph message = new Paragraph();

    private final TextField username = new TextField("Tên đăng nhập");
    private final TextField displayName = new TextField("Họ tên");
    private final Select<Role> role = roleSelect("new-role");
    private final ComboBox<AgencySummary> unit = unitBox("new-unit");
    private final PasswordField password = new PasswordField("Mật khẩu ban đầu (dùng một lần)");

    private final H3 selectedTitle = new H3();

    private final Button toggle = new Button();
    private final Button unlockLogIn = new Button("Mở khóa đăng nhập (sau nhiều lần sai mật khẩu)");
    private final Button resetTwoFactor = new Button("Đặt lại xác thực hai bước (mất điện thoại)");
    private final PasswordField resetPassword = new PasswordField("Mật khẩu mới (dùng một lần)");
    private final Select<Role> editRole = roleSelect("edit-role");
    private final ComboBox<AgencySummary> editUnit = unitBox("edit-unit");
    private final TextField editEmail = new TextField("E-mail nhận thông báo phản ánh");
    private final TextField editOfficerId = new TextField("Mã cán bộ trên phần mềm một cửa");
    private final VerticalLayout selectedPanel = new VerticalLayout();

    public AccountsView(AccountAdminService service) {
        this.service = service;
        List<AgencySummary> units = service.units();
        unit.setItems(units);
        editUnit.setItems(units);
        message.setId("accounts-message");

        grid.addColumn(AccountRow::username).setHeader("Tên đăng nhập").setAutoWidth(true);
        grid.addColumn(AccountRow::displayName).setHeader("Họ tên").setAutoWidth(true);
        grid.addColumn(a -> ROLES.get(a.role())).setHeader("Vai trò").setAutoWidth(true);
        grid.addColumn(a -> a.unitCode() == null ? "Toàn tỉnh" : a.unitName() + " (" + a.unitCode() + ")")
                .setHeader("Đơn vị phụ trách")
                .setFlexGrow(2);
        grid.addColumn(a -> a.email() == null ? "—" : a.email())
                .setHeader("E-mail")
                .setAutoWidth(true);
        grid.addColumn(a -> (a.enabled() ? "Đang hoạt động" : "ĐÃ KHÓA")
                        + (a.mustChangePassword() ? " · phải đổi mật khẩu" : "")
                        + (a.loginLocked()
                                ? " · tạm khóa đăng nhập đến "
                                        + Formats.ofCurrentPage().hourThenDay(a.loginLockedUntil())
                                : "")
                        + (a.twoFactorEnrolled() ? " · xác thực hai bước" : ""))
                .setHeader("Trạng thái")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("accounts");
        grid.setHeight("18rem");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        username.setId("new-username");
        username.setHelperText("3–64 ký tự a-z 0-9 . _ -");
        displayName.setId("new-display-name");
        password.setId("new-password");
        password.setHelperText("Ít nhất " + PasswordPolicy.MIN_LENGTH
                + " ký tự, có chữ và số; người dùng phải đổi khi đăng nhập lần đầu.");
        role.addValueChangeListener(e -> unit.setEnabled(needsUnit(e.getValue())));
        Button create = new Button("Tạo tài khoản", e -> create());
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
                a -> (a.enabled() ? "Đã mở khóa " : "Đã khóa ") + a.username()));
        unlockLogIn.setId("unlock-login");
        unlockLogIn.addClickListener(e -> act(
                () -> service.unlockLogIn(grid.asSingleSelect().getValue().username()),
                a -> "Đã mở khóa đăng nhập cho " + a.username()));
        resetTwoFactor.setId("reset-two-factor");
        resetTwoFactor.addClickListener(e -> act(
                () -> service.resetTwoFactor(grid.asSingleSelect().getValue().username()),
                a -> "Đã đặt lại xác thực hai bước cho " + a.username()
                        + "; người dùng cài lại ứng dụng khi đăng nhập."));
        resetPassword.setId("reset-password");
        resetPassword.setWidth("20rem");
        Button reset = new Button(
                "Đặt lại mật khẩu",
                e -> act(
                        () -> service.resetPassword(
                                grid.asSingleSelect().getValue().username(), resetPassword.getValue()),
                        a -> "Đã đặt mật khẩu dùng một lần cho " + a.username()
                                + "; người dùng phải đổi khi đăng nhập."));
        reset.setId("reset");
        Button assign = new Button(
                "Lưu vai trò và đơn vị",
                e -> act(
                        () -> service.assign(
                                grid.asSingleSelect().getValue().username(),
                                editRole.getValue(),
                                editUnit.getValue() == null
                                        ? null
                                        : editUnit.getValue().code()),
                        a -> "Đã lưu vai trò và đơn vị của " + a.username()));
        assign.setId("assign");
        editRole.addValueChangeListener(e -> editUnit.setEnabled(needsUnit(e.getValue())));
        editEmail.setId("edit-email");
        editEmail.setWidth("24rem");
        editEmail.setHelperText("Thư báo phản ánh mới và phản ánh quá hạn; để trống nếu không nhận.");
        Button saveEmail = new Button(
                "Lưu e-mail",
                e -> act(
                        () -> service.setEmail(grid.asSingleSelect().getValue().username(), editEmail.getValue()),
                        a -> "Đã lưu e-mail của " + a.username()));
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
        editOfficerId.setHelperText(
                "Nếu người này cũng xử lý hồ sơ: họ không được nhập phiếu giấy của hồ sơ mình đã xử lý.");
        Button saveOfficerId = new Button(
                "Lưu mã cán bộ",
                e -> act(
                        () -> service.setOneStopOfficerId(
                                grid.asSingleSelect().getValue().username(), editOfficerId.getValue()),
                        a -> "Đã lưu mã cán bộ của " + a.username()));
        saveOfficerId.setId("save-officer-id");
        HorizontalLayout officerIdRow = new HorizontalLayout(editOfficerId, saveOfficerId);
        officerIdRow.setAlignItems(Alignment.BASELINE);
        selectedPanel.add(
                selectedTitle, toggle, unlockLogIn, resetTwoFactor, resetRow, assignRow, emailRow, officerIdRow);
        selectedPanel.setPadding(false);
        selectedPanel.setVisible(false);
        selectedPanel.setId("selected-account");

        add(new H2("Tài khoản"), message, grid, selectedPanel, new H3("Tạo tài khoản mới"), form, create);
        refresh();
    }

    private static boolean needsUnit(Role role) {
        return role == Role.UNIT_MANAGER || role == Role.OFFICER || role == Role.DATA_ENTRY;
    }

    private static Select<Role> roleSelect(String id) {
        Select<Role> select = new Select<>();
        select.setLabel("Vai trò");
        select.setItems(Role.values());
        select.setItemLabelGenerator(ROLES::get);
        select.setId(id);
        return select;
    }

    private static ComboBox<AgencySummary> unitBox(String id) {
        ComboBox<AgencySummary> box = new ComboBox<>("Đơn vị phụ trách (cả các đơn vị trực thuộc)");
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
                    return "Đã tạo tài khoản " + a.username() + " (" + ROLES.get(a.role()) + ")";
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
            show(e.getMessage(), true);
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

    private void select(AccountRow a) {
        selectedPanel.setVisible(a != null);
        if (a == null) {
            return;
        }
        selectedTitle.setText("Tài khoản " + a.username() + " · " + a.displayName());
        toggle.setText(a.enabled() ? "Khóa tài khoản" : "Mở khóa tài khoản");
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
