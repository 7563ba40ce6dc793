package vn.hailong.security.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.platform.InvalidInputException;
import vn.hailong.security.AccountService;
import vn.hailong.security.PasswordPolicy;

/**
 * Where a user replaces their password; after an administrator created the account or reset its
 * password, every page leads here until the one-time password is replaced ({@link PasswordChangeGate}).
 */
@Route("doi-mat-khau")
@PageTitle("Đổi mật khẩu · Hài Lòng")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public ChangePasswordView(AccountService accounts) {
        setMaxWidth("32rem");
        PasswordField current = new PasswordField(getTranslation("security.ui.changePassword.current"));
        current.setId("current-password");
        PasswordField next = new PasswordField(getTranslation("security.ui.changePassword.newPassword"));
        next.setId("new-password");
        next.setHelperText(getTranslation(
                "security.ui.changePassword.newPassword.help", String.valueOf(PasswordPolicy.MIN_LENGTH)));
        PasswordField again = new PasswordField(getTranslation("security.ui.changePassword.newPasswordAgain"));
        again.setId("new-password-again");
        for (PasswordField field : new PasswordField[] {current, next, again}) {
            field.setWidthFull();
        }
        Paragraph result = new Paragraph();
        result.setId("change-password-result");
        Button save = new Button(getTranslation("security.ui.changePassword.change"), e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            again.setInvalid(false);
            if (!next.getValue().equals(again.getValue())) {
                again.setErrorMessage(getTranslation("security.ui.changePassword.passwordsDiffer"));
                again.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                again.clear();
                result.setText(getTranslation("security.ui.changePassword.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (InvalidInputException ex) {
                InvalidInputException.FieldError error = ex.errors().getFirst();
                PasswordField field = "currentPassword".equals(error.field()) ? current : next;
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H2(getTranslation("security.ui.changePassword.title")),
                new Paragraph(getTranslation("security.ui.changePassword.intro")),
                current,
                next,
                again,
                save,
                result);
    }
}
