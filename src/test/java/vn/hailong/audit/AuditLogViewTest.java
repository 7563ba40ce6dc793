package vn.hailong.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.audit.ui.AuditLogView;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's page without a browser: the chain status it shows, including after tampering, and its filters. */
@HaiLongTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_page_shows_the_chain_status_and_finds_tampering_and_filters_by_kind_and_user() {
        String who = "view-" + TestData.uniqueSuffix().toLowerCase();
        audit.append(who, AuditAction.CONFIGURATION_CHANGED, "kiosk device X", "locale vi → en");
        audit.append(who, AuditAction.EXPORT, "ratings (CSV)", "3 rows");
        long seq = jdbc.queryForObject(
                "SELECT seq FROM audit_entry WHERE actor = ? AND action = 'CONFIGURATION_CHANGED'", Long.class, who);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "kiemtoan-view", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));

        navigate(AuditLogView.class);
        assertThat(find(Paragraph.class).id("audit-verification").getText()).startsWith("Toàn vẹn");

        test(find(TextField.class).id("audit-actor")).setValue(who);
        @SuppressWarnings("unchecked")
        Grid<AuditLog.Entry> grid = find(Grid.class).id("audit-entries");
        assertThat(test(grid).size()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Select<AuditAction> kind = find(Select.class).id("audit-action");
        test(kind).selectItem("Xuất dữ liệu");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).subject()).isEqualTo("ratings (CSV)");

        try {
            jdbc.update("UPDATE audit_entry SET details = 'locale vi → vi' WHERE seq = ?", seq);
            test(find(Button.class).id("audit-verify")).click();
            assertThat(find(Paragraph.class).id("audit-verification").getText())
                    .startsWith("PHÁT HIỆN SAI LỆCH")
                    .contains("entry " + seq + " was altered");
        } finally {
            jdbc.update("UPDATE audit_entry SET details = 'locale vi → en' WHERE seq = ?", seq);
        }
        test(find(Button.class).id("audit-verify")).click();
        assertThat(find(Paragraph.class).id("audit-verification").getText()).startsWith("Toàn vẹn");
    }
}
