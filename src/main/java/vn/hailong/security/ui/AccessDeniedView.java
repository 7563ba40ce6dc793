package vn.hailong.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a logged-in user sees when a page is not for their role (an officer opening the
 * dashboard): a plain Vietnamese explanation and a way out, instead of a technical error.
 */
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView(AuthenticationContext authentication) {
        setId("access-denied");
        add(new H2("Không có quyền truy cập"),
                new Paragraph("Tài khoản của ông/bà không được xem trang này. Số liệu hài lòng chỉ dành cho lãnh đạo "
                        + "đơn vị, Sở Nội vụ và kiểm tra viên. (You do not have access to this page.)"),
                new Button("Đăng xuất", e -> authentication.logout()));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
