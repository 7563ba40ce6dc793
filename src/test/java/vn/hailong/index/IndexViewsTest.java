package vn.hailong.index;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.AgencySummary;
import vn.hailong.index.ui.ExplainView;
import vn.hailong.index.ui.MethodologyView;
import vn.hailong.index.ui.OpenDataView;
import vn.hailong.index.ui.UnitIndicatorView;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's own pages without a browser: words instead of keys, intervals, the readable methodology and its form, empty states. */
@HaiLongTest
class IndexViewsTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    IndexComputationService computations;

    @Autowired
    IndexPublicationService publications;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    UnitIndicatorService indicators;

    IndexFixture data;
    String scheme;
    String unitA;

    @BeforeEach
    void province() {
        data = new IndexFixture(port, accounts);
        data.signIn(data.account(Role.PROVINCE_MANAGER, null));
        scheme = "v-" + TestData.uniqueSuffix().toLowerCase();
        // the default v2: minimum sample 30, so the three-rating unit below is not ranked
        methodologies.addVersion(
                scheme,
                null,
                null,
                "Thử giao diện",
                methodologies.forYear("default", 2026).definition());
        unitA = data.unit("Sở A");
        LocalDate march = LocalDate.of(2026, 3, 10);
        data.rating(data.dossier(unitA, march, 3), "VERY_SATISFIED", "VERY_SATISFIED", "NONE");
        data.rating(data.dossier(unitA, march, 3), "SATISFIED", "SATISFIED", "ONCE");
        data.rating(data.dossier(unitA, march, 3), "DISSATISFIED", "DISSATISFIED", "MORE");
        indicators.enter(
                unitA, "2026-03", Map.of(5, new BigDecimal("2"), 6, new BigDecimal("1.5"), 9, BigDecimal.ONE), null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_explanation_speaks_in_words_and_gives_the_rate_its_interval_and_sample() {
        Snapshot s =
                publications.publish(computations.compute(scheme, "2026-03").id());
        navigate(ExplainView.class);
        @SuppressWarnings("unchecked")
        Select<Snapshot> period = find(Select.class).id("explain-snapshot");
        test(period).selectItem("2026-03 · " + scheme + " v" + s.methodologyVersion() + " · đã công bố");
        @SuppressWarnings("unchecked")
        Select<String> unit = find(Select.class).id("explain-unit");
        test(unit).selectItem("Sở A " + unitA);

        @SuppressWarnings("unchecked")
        Grid<UnitResult.IndicatorResult> grid = find(Grid.class).id("indicators");
        String indicator3 = test(grid).getCellText(2, 2);
        assertThat(indicator3).isEqualTo("3 câu trả lời về số lần phải liên hệ để hoàn thiện hồ sơ, tổng 3 điểm");
        String text = find(Div.class).id("explanation").getElement().getTextRecursively();
        assertThat(text).doesNotContain("'contacts'", "'attitude'", "PAR_SURVEY_POINTS", "LINEAR");
        // 2 of 3 satisfied: 66,67 %, Wilson 20,76–93,86 %
        assertThat(find(Paragraph.class).id("par").getText())
                .contains("66,67 % (KTC 95 %: 20,76–93,86 %; n = 3)")
                .contains("dưới 30 lượt đánh giá không được xếp hạng");
        assertThat(text).contains("Chưa đủ số đánh giá").contains("3 lượt, cần tối thiểu 30 để được xếp hạng");
        @SuppressWarnings("unchecked")
        Grid<UnitResult.CriterionRate> criteria = find(Grid.class).id("criteria");
        assertThat(IntStream.range(0, test(criteria).size())
                        .mapToObj(i -> test(criteria).getCellText(i, 0)))
                .contains("Thái độ của cán bộ, công chức", "Số lần phải liên hệ để hoàn thiện hồ sơ");
    }

    @Test
    void a_unit_head_with_nothing_published_is_told_why_and_where_to_go() {
        String lonely = data.unit("Xã chưa có kỳ");
        data.signIn(data.account(Role.UNIT_MANAGER, lonely));
        navigate(ExplainView.class);
        assertThat(find(Paragraph.class).id("explain-empty").getText()).startsWith("Chưa có kỳ nào được công bố.");
        assertThat(find(Anchor.class).all())
                .extracting(Anchor::getHref)
                .contains("bang-dieu-khien", "open-data")
                .doesNotContain("index");
    }

    @Test
    void open_data_lists_the_interval_and_sample_and_says_chua_du_so_danh_gia_instead_of_a_rank() {
        publications.publish(computations.compute(scheme, "2026-03").id());
        navigate(OpenDataView.class);
        @SuppressWarnings("unchecked")
        Select<Snapshot> period = find(Select.class).id("open-data-period");
        test(period).selectItem("2026-03 · " + scheme);
        @SuppressWarnings("unchecked")
        Grid<UnitResult> grid = find(Grid.class).id("open-data-results");
        int row = IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).unitCode().equals(unitA))
                .findFirst()
                .orElseThrow();
        Component rate = test(grid).getCellComponent(row, 3);
        assertThat(rate.getElement().getTextRecursively()).isEqualTo("66,67 %KTC 95 %: 20,76–93,86 %; n = 3");
        assertThat(test(grid).getCellText(row, 7)).isEqualTo("chưa đủ số đánh giá");
    }

    @Test
    void entering_indicator_8_is_refused_next_to_the_field_with_the_reason() {
        navigate(UnitIndicatorView.class);
        @SuppressWarnings("unchecked")
        ComboBox<AgencySummary> unit = find(ComboBox.class).id("indicator-unit");
        test(unit).selectItem("Sở A " + unitA + " (" + unitA + ")");
        test(find(TextField.class).id("indicator-period")).setValue("2026-03");
        test(find(BigDecimalField.class).id("indicator8")).setValue(BigDecimal.ONE);
        test(find(Button.class).id("indicator-save")).click();
        BigDecimalField eight = find(BigDecimalField.class).id("indicator8");
        assertThat(eight.isInvalid()).isTrue();
        assertThat(eight.getErrorMessage()).contains("chỉ số 8 được tính từ PAKN");
        assertThat(find(BigDecimalField.class).id("indicator5").isInvalid()).isFalse();
        assertThat(indicators.get(unitA, "2026-03").values()).doesNotContainKey(8);
    }

    @Test
    void the_methodology_reads_as_sentences_and_its_form_names_the_field_at_fault() {
        navigate(MethodologyView.class);
        @SuppressWarnings("unchecked")
        Select<String> schemes = find(Select.class).id("methodology-scheme");
        test(schemes).selectItem(scheme);
        String readable =
                find(Div.class).id("methodology-readable").getElement().getTextRecursively();
        assertThat(find(Paragraph.class).id("m-ranking-rule").getText())
                .contains("điểm khảo sát CCHC")
                .contains("dưới 30 lượt đánh giá trong kỳ được liệt kê \"chưa đủ số đánh giá\"");
        assertThat(find(Paragraph.class).id("m-par-rule").getText()).contains("89,99 % vẫn vào Nhóm I");
        assertThat(readable)
                .contains(
                        "Tốt",
                        "từ 12 đến 15",
                        "Người dân đánh giá: số lần phải liên hệ để hoàn thiện hồ sơ",
                        "Theo giờ hẹn trả")
                .doesNotContain("PAR_SURVEY_POINTS", "DOSSIER_TIMELINESS", "DUE_INSTANT", "contacts");

        test(find(Button.class).id("methodology-edit")).click();
        test(find(IntegerField.class).id("m-ranking-minimumRatings")).setValue(-5);
        test(find(BigDecimalField.class).id("m-circular01-bands-fairFrom")).setValue(new BigDecimal("13"));
        test(find(IntegerField.class).id("m-decision766-pointsRounding-scale")).setValue(9);
        test(find(Button.class).id("methodology-form-save")).click();
        IntegerField pointsDecimals = find(IntegerField.class).id("m-decision766-pointsRounding-scale");
        assertThat(pointsDecimals.isInvalid()).isTrue();
        assertThat(pointsDecimals.getErrorMessage()).contains("từ 0 đến 6");
        IntegerField minimum = find(IntegerField.class).id("m-ranking-minimumRatings");
        assertThat(minimum.isInvalid()).isTrue();
        assertThat(minimum.getErrorMessage()).contains("từ 0 đến 100000");
        BigDecimalField fair = find(BigDecimalField.class).id("m-circular01-bands-fairFrom");
        assertThat(fair.isInvalid()).isTrue();
        assertThat(fair.getErrorMessage()).contains("thấp hơn loại Tốt");
        assertThat(methodologies.versions(scheme)).hasSize(1);

        test(minimum).setValue(50);
        test(fair).setValue(new BigDecimal("9"));
        @SuppressWarnings("unchecked")
        Select<Methodology.OnTimeBy> onTime = find(Select.class).id("m-dossiers-onTimeBy");
        test(onTime)
                .selectItem(
                        "theo ngày hẹn trả: trả trong ngày hẹn là đúng hạn (hẹn 17:00, trả 19:00 cùng ngày là đúng hạn)");
        // Which question indicator 3 comes from, and how 766's points are rounded: in the form, no JSON.
        // (Not which indicators units enter: that is read across the year's versions by other tests.)
        test(pointsDecimals).setValue(1);
        @SuppressWarnings("unchecked")
        Select<String> three = find(Select.class).id("m-indicators-2-criterion");
        test(three).selectItem("thái độ của cán bộ, công chức");
        test(find(Button.class).id("methodology-form-save")).click();
        Methodology v2 = methodologies.forYear(scheme, 2026);
        assertThat(v2.definition().indicator(3).criterion()).isEqualTo("attitude");
        assertThat(v2.definition().decision766().pointsRounding().scale()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.definition().ranking().minimumRatings()).isEqualTo(50);
        assertThat(v2.definition().dossiers().onTimeBy()).isEqualTo(Methodology.OnTimeBy.DUE_DATE);
        Methodology.Definition v1 = methodologies.versions(scheme).getLast().definition();
        assertThat(v2.definition()
                        .withMinimumRatings(30)
                        .withDossiers(Methodology.DossierRules.defaults())
                        .withIndicators(v1.indicators())
                        .withDecision766(v1.decision766()))
                .as("nothing else changed")
                .isEqualTo(v1);
        assertThat(find(Paragraph.class).id("m-ranking-rule").getText()).contains("dưới 50 lượt");
    }
}
