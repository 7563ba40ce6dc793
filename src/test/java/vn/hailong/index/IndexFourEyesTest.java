package vn.hailong.index;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.ApiClient;
import vn.hailong.KeepsSecurityStrategy;
import vn.hailong.TestData;
import vn.hailong.index.ui.IndexReviewView;
import vn.hailong.platform.ConflictException;
import vn.hailong.security.AccountService;
import vn.hailong.security.ApiKeyService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production's four-eyes rule ({@code hailong.index.publication.reviews-required=1}): the figures
 * by which departments are ranked in public are never published by one person alone. Played over
 * the service, the API (a manager's own key is no second person) and the review page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hailong.index.publication.reviews-required=1")
@ActiveProfiles("test")
@ExtendWith(KeepsSecurityStrategy.class)
class IndexFourEyesTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiKeyService keys;

    @Autowired
    IndexComputationService computations;

    @Autowired
    IndexReviewService reviews;

    @Autowired
    IndexPublicationService publications;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    JdbcTemplate jdbc;

    IndexFixture data;
    String scheme;
    String publisher;
    String colleague;

    @BeforeEach
    void aProvinceWithTwoManagers() {
        data = new IndexFixture(port, accounts);
        publisher = data.account(Role.PROVINCE_MANAGER, null);
        colleague = data.account(Role.PROVINCE_MANAGER, null);
        data.signIn(publisher);
        scheme = "fe-" + TestData.uniqueSuffix().toLowerCase();
        methodologies.addVersion(
                scheme,
                null,
                null,
                "Bốn mắt",
                methodologies.forYear("default", 2026).definition());
        String unit = data.unit("Sở bốn mắt");
        data.rating(data.dossier(unit, LocalDate.of(2026, 6, 10), 3), "SATISFIED", null, null);
        data.rating(data.dossier(unit, LocalDate.of(2026, 7, 10), 3), "SATISFIED", null, null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_draft_reviewed_only_by_its_publisher_is_not_published_and_one_colleagues_review_lets_it_be() {
        Snapshot draft = computations.compute(scheme, "2026-06");
        reviews.review(draft.id(), "tôi đã xem");
        assertThat(reviews.reviewsStillNeeded(draft.id()))
                .as("one's own review is not a second pair of eyes")
                .isEqualTo(1);
        assertThatThrownBy(() -> publications.publish(draft.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("reviews"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM index_publication WHERE snapshot_id = ?",
                        Integer.class,
                        draft.id().toString()))
                .isZero();

        data.signIn(colleague);
        assertThat(reviews.reviewsStillNeeded(draft.id()))
                .as("the colleague may publish: the publisher's review is another person's")
                .isZero();
        reviews.review(draft.id(), "đã đối chiếu");
        data.signIn(publisher);
        assertThat(reviews.reviewsStillNeeded(draft.id())).isZero();
        assertThat(publications.publish(draft.id()).isPublished()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT details FROM audit_entry WHERE action = 'INDEX_PUBLISHED' AND subject = ?",
                        String.class,
                        "index " + scheme + " 2026-06"))
                .contains("reviewed by " + publisher + ", " + colleague);

        // A correction is a publication too.
        Snapshot correction = computations.computeCorrection(scheme, "2026-06");
        assertThatThrownBy(() -> publications.publishCorrection(correction.id(), "Đồng bộ muộn"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("reviews"));
    }

    @Test
    void over_the_api_a_managers_own_key_is_no_second_person_and_the_problem_names_reviews() {
        String suffix = TestData.uniqueSuffix().toLowerCase();
        String key = "fe-key-" + suffix + "-0123456789abcdef0123456789abcdef";
        keys.provisionForAccount("fe-" + suffix, key, publisher);
        ApiClient province = new ApiClient(port, key);
        ApiClient.Response draft = province.post("/api/v1/index/drafts", Map.of("scheme", scheme, "period", "2026-07"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        assertThat(province.post("/api/v1/index/snapshots/" + id + "/review", Map.of("note", "qua API"))
                        .status())
                .isEqualTo(200);

        // Reviewed through the key, published signed in: the same person.
        data.signIn(publisher);
        reviews.review(UUID.fromString(id), "và trên màn hình");
        assertThat(reviews.reviewsStillNeeded(UUID.fromString(id))).isEqualTo(1);
        SecurityContextHolder.clearContext();

        ApiClient.Response refused = province.send("POST", "/api/v1/index/snapshots/" + id + "/publish", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asString()).isEqualTo("reviews");

        data.signIn(colleague);
        reviews.review(UUID.fromString(id), "người thứ hai");
        SecurityContextHolder.clearContext();
        ApiClient.Response published = province.send("POST", "/api/v1/index/snapshots/" + id + "/publish", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void the_review_page_keeps_publish_disabled_and_says_who_is_missing() {
        Snapshot draft = computations.compute(scheme, "2026-07");
        navigate(IndexReviewView.class);
        @SuppressWarnings("unchecked")
        Grid<Snapshot> history = snapshotsGrid();
        int row = 0;
        while (!test(history).getRow(row).id().equals(draft.id())) {
            row++;
        }
        test(history).clickRow(row);
        Button publish = find(Button.class).id("publish");
        assertThat(publish.isVisible()).isTrue();
        assertThat(publish.isEnabled()).as("nobody else checked it yet").isFalse();
        assertThat(find(Paragraph.class).id("review-summary").getText())
                .contains("Cần thêm 1 người khác (không phải người công bố) đánh dấu đã kiểm tra");

        data.signIn(colleague);
        reviews.review(draft.id(), null);
        data.signIn(publisher);
        navigate(IndexReviewView.class);
        history = snapshotsGrid();
        test(history).clickRow(row);
        assertThat(find(Button.class).id("publish").isEnabled()).isTrue();
        assertThat(find(Paragraph.class).id("review-summary").getText())
                .contains("Đã kiểm tra: " + colleague)
                .doesNotContain("Cần thêm");
    }

    @SuppressWarnings("unchecked") // the query knows the component's class, not its item type
    private Grid<Snapshot> snapshotsGrid() {
        return find(Grid.class).id("snapshots");
    }
}
