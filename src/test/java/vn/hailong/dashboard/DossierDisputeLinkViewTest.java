package vn.hailong.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.dashboard.ui.DossierRatingsView;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationService;
import vn.hailong.moderation.ui.RatingModerationView;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier page links those who may dispute its rating to moderation, without a browser. */
@HaiLongTest
class DossierDisputeLinkViewTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    AccountService accounts;

    @Autowired
    ModerationService moderation;

    String unit;
    DossierDetails dossier;
    RatingOutcome rating;

    @BeforeEach
    void aRatedDossierOfANewUnit() {
        unit = TestData.agencyCode();
        directory.upsertUnit(
                unit, new UnitChange("Sở thử nghiệm liên kết kiểm duyệt", "DEPARTMENT", null, null, null, null, null));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        dossier = intake.upsert(
                        TestData.dossierCode(unit, 1),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "RETURNED",
                                now.minusDays(5).toString(),
                                now.plusDays(2).toString(),
                                now.minusHours(2).toString(),
                                List.of(),
                                0))
                .dossier();
        SecurityContextHolder.clearContext();
        rating = ratings.submit(new RatingSubmission(
                dossier.code(),
                "QR",
                "link-" + UUID.randomUUID(),
                Map.of("overall", "DISSATISFIED"),
                List.of("OTHER"),
                "Lời lẽ thô tục",
                null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    Grid<RatingFacts> ratingsOnTheDossierPage() {
        navigate("ho-so/" + dossier.code(), DossierRatingsView.class);
        return find(Grid.class).id("dossier-ratings");
    }

    /** The link in the rating's row, last column ("Kiểm duyệt"). */
    Anchor linkOnTheDossierPage() {
        Grid<RatingFacts> grid = ratingsOnTheDossierPage();
        assertThat(grid.getColumns()).hasSize(7);
        assertThat(grid.getColumns().getLast().getHeaderText()).isEqualTo("Kiểm duyệt");
        // Channel, overall answer and reasons read as words, not as codes.
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Điện thoại (mã QR)");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Không hài lòng");
        assertThat(test(grid).getCellText(0, 4)).isNotBlank().doesNotContain("OTHER");
        Anchor link = (Anchor) test(grid).getCellComponent(0, 6);
        assertThat(link.getId()).hasValue("dispute-" + rating.ratingId());
        return link;
    }

    @Test
    void a_unit_manager_is_linked_to_dispute_the_rating_and_then_to_the_dispute_awaiting_its_decision() {
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, unit);

        Anchor raise = linkOnTheDossierPage();
        assertThat(raise.getText()).isEqualTo("Đề nghị kiểm duyệt");
        assertThat(raise.getHref()).isEqualTo("kiem-duyet/danh-gia/" + rating.ratingId());
        // The link leads to the moderation page of the rating, with the form to dispute it.
        navigate(raise.getHref(), RatingModerationView.class);
        assertThat(find(Div.class).id("dispute-form").isVisible()).isTrue();

        moderation.dispute(rating.ratingId(), DisputeReason.ABUSIVE_TEXT, "Lời lẽ xúc phạm");
        Anchor open = linkOnTheDossierPage();
        assertThat(open.getText()).isEqualTo("Xem đề nghị đang chờ quyết định");
        assertThat(open.getHref()).isEqualTo("kiem-duyet/danh-gia/" + rating.ratingId());
    }

    @Test
    void the_auditor_reads_the_dossier_but_gets_no_dispute_link() {
        DashboardFixture.signIn(accounts, Role.AUDITOR, null);
        Grid<RatingFacts> grid = ratingsOnTheDossierPage();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(grid.getColumns()).hasSize(6).noneMatch(c -> "Kiểm duyệt".equals(c.getHeaderText()));
        assertThat(moderation.disputeLinks(List.of(rating.ratingId()))).isEmpty();
    }

    @Test
    void a_manager_of_another_unit_gets_neither_the_dossier_nor_a_link() {
        String other = TestData.agencyCode();
        directory.upsertUnit(other, new UnitChange("Đơn vị khác", "DEPARTMENT", null, null, null, null, null));
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, other);
        navigate("ho-so/" + dossier.code(), DossierRatingsView.class);
        assertThat(find(Grid.class).all()).isEmpty();
        assertThat(find(Paragraph.class).all()).anyMatch(p -> p.getText().contains("ngoài phạm vi"));
        assertThat(moderation.disputeLinks(List.of(rating.ratingId()))).isEmpty();
    }
}
