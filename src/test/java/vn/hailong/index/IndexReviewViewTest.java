package vn.hailong.index;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.index.ui.IndexReviewView;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The province's review page without a browser: a draft is marked as checked, and that is an audit entry. */
@HaiLongTest
class IndexReviewViewTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_province_manager_marks_a_draft_as_checked_before_publishing_it() {
        IndexFixture data = new IndexFixture(port, accounts);
        data.rating(data.dossier(data.unit("Sở xem"), LocalDate.of(2026, 4, 14), 3), "SATISFIED", null, null);
        String manager = data.account(Role.PROVINCE_MANAGER, null);
        data.signIn(manager);
        String scheme = "rv-" + TestData.uniqueSuffix().toLowerCase();
        methodologies.addVersion(
                scheme,
                null,
                null,
                "Xem",
                methodologies.forYear("default", 2026).definition());

        navigate(IndexReviewView.class);
        @SuppressWarnings("unchecked")
        Select<String> schemes = find(Select.class).id("scheme");
        test(schemes).selectItem(scheme);
        test(find(TextField.class).id("period")).setValue("2026-04");
        test(find(Button.class).id("compute")).click();
        assertThat(find(Paragraph.class).id("review-summary").getText()).contains("Chưa ai đánh dấu đã kiểm tra");

        test(find(Button.class).id("review")).click();
        assertThat(find(Paragraph.class).id("review-summary").getText()).contains("Đã kiểm tra: " + manager);
        List<String> log = jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE subject = ? ORDER BY seq",
                String.class,
                "index " + scheme + " 2026-04");
        assertThat(log).containsExactly("INDEX_COMPUTED", "INDEX_REVIEWED");
    }
}
