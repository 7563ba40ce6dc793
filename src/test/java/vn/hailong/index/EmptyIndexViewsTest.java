package vn.hailong.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import vn.hailong.HaiLongTest;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.index.ui.ExplainView;
import vn.hailong.index.ui.OpenDataView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh installation, where nothing has been computed or published: its own application context
 * and database (the shared one has other tests' periods), so the pages show their empty states.
 */
@HaiLongTest
@TestPropertySource(properties = "hailong.test.context=empty-index")
@ExtendWith(KeepsSecurityStrategy.class)
class EmptyIndexViewsTest extends SpringBrowserlessTest {

    @Autowired
    IndexSnapshotService snapshots;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void open_data_with_nothing_published_says_why_and_what_comes_and_offers_the_way_in() {
        assertThat(snapshots.published()).isEmpty();
        navigate(OpenDataView.class);
        assertThat(find(Paragraph.class).id("open-data-empty").getText())
                .startsWith("Chưa có kỳ nào được công bố.")
                .contains("khi tỉnh công bố chỉ số của kỳ đầu tiên")
                .contains("/api/v1/index");
        assertThat(find(Anchor.class).id("open-data-back").getHref()).isEqualTo("login");
        // no empty chooser and no empty table
        assertThat(find(Select.class).all()).isEmpty();
        assertThat(find(Grid.class).all()).isEmpty();
    }

    @Test
    void the_province_with_nothing_computed_is_sent_to_compute_a_period() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "tinh-empty", null, AuthorityUtils.createAuthorityList("ROLE_PROVINCE_MANAGER")));
        navigate(ExplainView.class);
        assertThat(find(Paragraph.class).id("explain-empty").getText()).startsWith("Chưa có kỳ nào được tính.");
        assertThat(find(Anchor.class).all())
                .extracting(Anchor::getHref)
                .contains("index", "bang-dieu-khien", "open-data");
    }
}
