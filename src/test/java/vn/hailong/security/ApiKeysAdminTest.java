package vn.hailong.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.ApiClient;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.security.AccountAdminService.AccountRow;
import vn.hailong.security.ApiKeyAdminService.IssuedKey;
import vn.hailong.security.ApiKeyAdminService.KeyRow;
import vn.hailong.security.ui.ApiKeysView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An administrator issues, rotates and revokes API keys on screen, with production's two-factor
 * roles: a key works over real HTTP the moment it is shown (once), stops the moment it is revoked,
 * is never issued to an account that has not enrolled the second factor its role asks for (a key
 * must not open what the password alone cannot), and leaves its trace in the audit log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hailong.security.two-factor.roles=ADMIN,PROVINCE_MANAGER")
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
class ApiKeysAdminTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    JdbcTemplate jdbc;

    String admin;
    String manager;
    String suffix;

    @BeforeEach
    void anAdministratorSignedIn() {
        suffix = TestData.uniqueSuffix().toLowerCase();
        admin = "admin-" + suffix;
        manager = "tinh-" + suffix;
        accounts.ensureAccount(admin, "mat-khau-" + admin, "Quản trị", Role.ADMIN, null);
        accounts.ensureAccount(manager, "mat-khau-" + manager, "Sở Nội vụ", Role.PROVINCE_MANAGER, null);
        signIn(admin);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    void enrolSecondFactor(String username) {
        jdbc.update("UPDATE user_account SET totp_secret = RANDOM_BYTES(20) WHERE username = ?", username);
    }

    int indexApiStatus(String key) {
        return new ApiClient(port, key)
                .get("/api/v1/index/drafts?scheme=default&period=2026-01")
                .status();
    }

    @Test
    void a_managers_key_needs_the_second_factor_works_at_once_and_stops_when_revoked() {
        assertThatThrownBy(() -> keys.issueForAccount("bao-cao-" + suffix, manager))
                .as("no key for a province manager who never enrolled the second factor")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("username"));

        enrolSecondFactor(manager);
        IssuedKey issued = keys.issueForAccount("bao-cao-" + suffix, manager);
        assertThat(issued.key()).startsWith("hl_").hasSize(67);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM api_client WHERE name = ? AND key_hash = UNHEX(SHA2(?, 256))",
                        Integer.class,
                        issued.name(),
                        issued.key()))
                .as("stored as its SHA-256 only")
                .isEqualTo(1);
        assertThat(indexApiStatus(issued.key()))
                .as("the key acts as the manager: no draft yet, but not refused")
                .isEqualTo(404);

        IssuedKey rotated = keys.rotate(issued.name());
        assertThat(rotated.key()).isNotEqualTo(issued.key());
        assertThat(indexApiStatus(issued.key())).as("the old key stops").isEqualTo(401);
        assertThat(indexApiStatus(rotated.key())).isEqualTo(404);

        KeyRow revoked = keys.revoke(issued.name());
        assertThat(revoked.active()).isFalse();
        assertThat(indexApiStatus(rotated.key()))
                .as("revoked: refused on its next call")
                .isEqualTo(401);

        List<String> trail = jdbc.queryForList(
                "SELECT details FROM audit_entry WHERE subject = ? ORDER BY seq",
                String.class,
                "API client " + issued.name());
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0)).contains("provisioned for account " + manager);
        assertThat(trail.get(2)).startsWith("key revoked");
        assertThat(String.join(" ", trail)).doesNotContain(issued.key()).doesNotContain(rotated.key());
    }

    @Test
    void bad_requests_name_their_field_and_only_an_administrator_may_issue() {
        String auditor = "kt-" + suffix;
        accounts.ensureAccount(auditor, "mat-khau-" + auditor, "Kiểm tra viên", Role.AUDITOR, null);
        assertThatThrownBy(() -> keys.issueForAccount("x", manager))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().stream()
                                        .map(InvalidInputException.FieldError::field)
                                        .toList())
                                .contains("name"));
        assertThatThrownBy(() -> keys.issueForAccount("kiem-tra-" + suffix, auditor))
                .as("auditors (and officers) never hold a key: they read on screen")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("username"));
        assertThatThrownBy(() -> keys.issueForIntegrator("mot-cua-" + suffix, "KHONG-CO-" + suffix, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("unit"));
        IssuedKey integrator = keys.issueForIntegrator("mot-cua-" + suffix, null, false);
        assertThat(new ApiClient(port, integrator.key())
                        .get("/api/v1/dossiers/KHONG-CO-" + suffix)
                        .status())
                .as("the one-stop software's key is let in (an unknown dossier is its 404)")
                .isEqualTo(404);
        assertThatThrownBy(() -> keys.issueForIntegrator("mot-cua-" + suffix, null, false))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));

        enrolSecondFactor(manager);
        signIn(manager);
        assertThatThrownBy(() -> keys.issueForAccount("tu-cap-" + suffix, manager))
                .as("a manager cannot issue themselves a key")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> keys.keys()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_page_shows_a_new_key_once_and_never_again() {
        enrolSecondFactor(manager);
        String auditor = "kt-" + suffix;
        accounts.ensureAccount(auditor, "mat-khau-" + auditor, "Kiểm tra viên", Role.AUDITOR, null);
        navigate(ApiKeysView.class);
        test(find(TextField.class).id("key-name")).setValue("man-hinh-" + suffix);
        ComboBox<AccountRow> holder = find(ComboBox.class).id("key-holder");
        assertThat(test(holder).getSuggestionItems().stream().map(AccountRow::username))
                .contains(manager)
                .as("only accounts that may hold a key are offered")
                .doesNotContain(auditor);
        test(holder).selectItem(manager + " · Sở Nội vụ");
        test(find(Button.class).id("issue-key")).click();

        String shown = find(Div.class).id("issued-key").getText();
        assertThat(shown).startsWith("hl_");
        assertThat(indexApiStatus(shown)).isEqualTo(404);
        test(find(Button.class).id("issued-key-done")).click();
        assertThat(find(Div.class).all().stream().map(Div::getText))
                .as("the key is gone from the page once the dialog is closed")
                .doesNotContain(shown);
        Grid<KeyRow> list = find(Grid.class).id("api-key-list");
        KeyRow row = list.getListDataView()
                .getItems()
                .filter(k -> k.name().equals("man-hinh-" + suffix))
                .findFirst()
                .orElseThrow();
        assertThat(row.prefix()).isEqualTo(shown.substring(0, 8));
        assertThat(row.holder()).isEqualTo(manager);

        // A name that is no name: the page marks the field and says why.
        RadioButtonGroup<Object> kind = find(RadioButtonGroup.class).id("key-kind");
        test(kind).selectItem("Phần mềm một cửa");
        test(find(TextField.class).id("key-name")).setValue("x");
        test(find(Button.class).id("issue-key")).click();
        assertThat(find(TextField.class).id("key-name").isInvalid()).isTrue();
        assertThat(find(Paragraph.class).id("api-keys-message").getText()).contains("Tên khoá");
    }
}
