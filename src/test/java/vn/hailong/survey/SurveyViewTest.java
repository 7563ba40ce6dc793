package vn.hailong.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.RatingService;
import vn.hailong.receipt.SurveyLinkService;
import vn.hailong.survey.ui.SurveyView;

/** The citizen's survey page without a browser: what it shows and what it stores. */
@HaiLongTest
class SurveyViewTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    DossierIntakeService intake;
    @Autowired
    SurveyLinkService links;
    @Autowired
    RatingService ratings;

    DossierDetails dossier;

    @BeforeEach
    void aDossierWasReceived() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử nghiệm", "DEPARTMENT", null, null, null, null, null));
        dossier = intake.upsert(TestData.dossierCode(unit, 7), new DossierSubmission("1.004227", "Cấp giấy phép môi trường",
                null, unit, unit, null, "IN_PERSON", "CITIZEN", "RECEIVED", "2026-11-02T08:30:00+07:00",
                "2026-11-20T17:00:00+07:00", null, List.of(), 0)).dossier();
    }

    @SuppressWarnings("unchecked")
    RadioButtonGroup<Questionnaire.Option> question(String key) {
        return $(RadioButtonGroup.class).id("q-" + key);
    }

    @SuppressWarnings("unchecked")
    CheckboxGroup<Questionnaire.Reason> reasons() {
        return $(CheckboxGroup.class).id("reasons");
    }

    @Test
    void the_page_names_the_procedure_and_only_the_last_digits_of_the_dossier() {
        SurveyView view = navigate(links.pathFor(dossier.id()).substring(1), SurveyView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Cấp giấy phép môi trường").contains("…0007").contains("hẹn trả 20/11/2026");
        assertThat(text).doesNotContain(dossier.code());
    }

    @Test
    void not_satisfied_needs_a_reason_and_then_is_stored_once() {
        navigate(links.pathFor(dossier.id()).substring(1), SurveyView.class);
        Questionnaire.Option dissatisfied = question("overall").getListDataView().getItems()
                .filter(o -> o.key().equals("DISSATISFIED")).findFirst().orElseThrow();
        test(question("overall")).selectItem(dissatisfied.label().vi());
        assertThat(reasons().isVisible()).isTrue();

        test($(Button.class).id("submit")).click();
        assertThat(reasons().isInvalid()).isTrue();
        assertThat(ratings.isRated(dossier.id())).isFalse();

        test(reasons()).selectItem("Giải quyết chậm, trễ hẹn");
        test($(Button.class).id("submit")).click();
        assertThat($(Div.class).id("thank-you").isVisible()).isTrue();
        assertThat(ratings.isRated(dossier.id())).isTrue();
    }

    @Test
    void the_page_switches_to_english_and_back() {
        navigate(links.pathFor(dossier.id()).substring(1), SurveyView.class);
        Button english = $(Button.class).withText("English").single();
        test(english).click();
        assertThat(question("overall").getLabel()).isEqualTo("How satisfied are you with how your dossier was handled?");
        test($(Button.class).withText("Tiếng Việt").single()).click();
        assertThat(question("overall").getLabel()).isEqualTo("Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?");
    }

    @Test
    void a_link_of_a_dossier_returned_longer_ago_than_links_stay_valid_has_expired() {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử nghiệm", "DEPARTMENT", null, null, null, null, null));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7));
        DossierDetails old = intake.upsert(TestData.dossierCode(unit, 8), new DossierSubmission("1.004227", null, null, unit,
                unit, null, "IN_PERSON", "CITIZEN", "RETURNED", now.minusDays(50).toString(), now.minusDays(45).toString(),
                now.minusDays(31).toString(), List.of(), 0)).dossier();

        navigate(links.pathFor(old.id()).substring(1), SurveyView.class);

        assertThat($(Div.class).id("survey-notice").getElement().getTextRecursively()).contains("hết hạn");
        assertThat($(RadioButtonGroup.class).all()).isEmpty();
    }

    @Test
    void an_unknown_link_says_so_and_shows_no_form() {
        navigate("r/AAAAAAAAAAAAAAAAAAAAAA", SurveyView.class);
        assertThat($(Div.class).id("survey-notice").getElement().getTextRecursively()).contains("Không tìm thấy");
        assertThat($(RadioButtonGroup.class).all()).isEmpty();
    }
}
