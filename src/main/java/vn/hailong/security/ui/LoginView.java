package vn.hailong.security.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import vn.hailong.security.LoginThrottledException;

/** Managers' log-in page (Vietnamese first). */
@Route(value = "login", autoLayout = false)
@PageTitle("Đăng nhập · Hài Lòng")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(vietnamese());
        // The published results are public: whoever reaches the log-in page without an account finds them here.
        Anchor openData =
                new Anchor("open-data", "Xem kết quả đã công bố (dữ liệu mở) · Published results (open data)");
        openData.setId("open-data-link");
        add(new H1("Hài Lòng"), new Paragraph("Đánh giá sự hài lòng · Satisfaction ratings"), login, openData);
    }

    private static LoginI18n vietnamese() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle("Đăng nhập quản lý");
        form.setUsername("Tên đăng nhập");
        form.setPassword("Mật khẩu");
        form.setSubmit("Đăng nhập");
        i18n.setForm(form);
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Sai tên đăng nhập hoặc mật khẩu");
        error.setMessage("Kiểm tra lại và thử lần nữa. (Wrong user name or password.)");
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            login.setI18n(locked(lockedMinutes()));
            login.setError(true);
        } else if (parameters.containsKey("unavailable")) {
            login.setI18n(unavailable());
            login.setError(true);
        } else if (parameters.containsKey("error")) {
            login.setError(true);
        }
    }

    /** How long the lock that refused this browser's last attempt still runs, in whole minutes (at least 1). */
    private static long lockedMinutes() {
        Object last = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof LoginThrottledException throttled) {
            long seconds = Duration.between(Instant.now(), throttled.until()).toSeconds();
            return Math.max(1, (seconds + 59) / 60);
        }
        return 1;
    }

    /** The password could not be checked (the database did not answer): not the user's mistake. */
    private static LoginI18n unavailable() {
        LoginI18n i18n = vietnamese();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Hệ thống đang bận");
        error.setMessage("Chưa kiểm tra được mật khẩu vì hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút. "
                + "(The password could not be checked just now: please try again in a few minutes.)");
        i18n.setErrorMessage(error);
        return i18n;
    }

    private static LoginI18n locked(long minutes) {
        LoginI18n i18n = vietnamese();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Tạm thời chưa thể đăng nhập");
        error.setMessage("Đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau khoảng " + minutes
                + " phút, hoặc nhờ quản trị viên mở khoá. " + "(Too many wrong passwords: try again in about " + minutes
                + " min, or ask an administrator to unlock the account.)");
        i18n.setErrorMessage(error);
        return i18n;
    }
}
