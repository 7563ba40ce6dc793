package vn.hailong.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;

import vn.hailong.HaiLongTest;
import vn.hailong.aggregation.RollupDrainer;
import vn.hailong.dashboard.ui.Chart;
import vn.hailong.dashboard.ui.DashboardView;
import vn.hailong.dashboard.ui.DossierRatingsView;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard as a unit head uses it, without a browser: figures, scope, drill-down, comments. */
@HaiLongTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    DossierIntakeService intake;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupDrainer rollups;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AccountService accounts;

    /** One small province for the whole class: building it costs seconds. */
    static DashboardFixture f;

    @BeforeEach
    void aUnitHeadOfTheParentUnit() {
        if (f == null) {
            f = new DashboardFixture(directory, intake, ratings, jdbc, events, rollups);
        }
        DashboardFixture.signIn(accounts, Role.UNIT_MANAGER, f.parent);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String card(String id) {
        return find(Div.class).id("card-" + id).getElement().getTextRecursively();
    }

    /** The big number of a headline card. */
    String value(String id) {
        return find(Div.class)
                .id("card-" + id)
                .getChildren()
                .filter(c -> c.getElement().getClassList().contains("value"))
                .findFirst()
                .orElseThrow()
                .getElement()
                .getText();
    }

    void tab(String label) {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> panels = find(RadioButtonGroup.class).id("breakdowns");
        test(panels).selectItem(label);
    }

    @SuppressWarnings("unchecked")
    Grid<BreakdownRow> grid(String id) {
        return find(Grid.class).id(id);
    }

    /** The dashboard on the running month (it opens on the last complete one), where the fixture's figures are. */
    DashboardView openOnThisMonth() {
        DashboardView view = navigate(DashboardView.class);
        test(find(DatePicker.class).id("period-day")).setValue(LocalDate.now(DashboardFixture.ZONE));
        return view;
    }

    @Test
    void it_opens_on_the_last_complete_month_and_says_how_a_running_month_is_compared() {
        navigate(DashboardView.class);
        LocalDate today = LocalDate.now(DashboardFixture.ZONE);
        DashboardPeriod lastMonth = DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, today.minusMonths(1));
        assertThat(find(Paragraph.class).id("scope-label").getText())
                .isEqualTo("Toàn bộ phạm vi của bạn · " + lastMonth.label() + " (so với "
                        + lastMonth.previous().label() + " và "
                        + lastMonth.sameLastYear().label() + ")");
        assertThat(find(Paragraph.class).withId("running-note").exists()).isFalse();
        // Last month: 6 returned, 4 rated (3 satisfied).
        assertThat(card("returned")).contains("6");
        assertThat(card("satisfaction")).contains("75,0 %").contains("n = 4 · KTC 95 %: 30,1–95,4 %");

        openOnThisMonth();
        String dm = String.format("%02d/%02d", today.getDayOfMonth(), today.getMonthValue());
        String label = find(Paragraph.class).id("scope-label").getText();
        assertThat(label)
                .contains(DashboardPeriod.containing(DashboardPeriod.Kind.MONTH, today)
                                .label() + ", tính đến " + dm)
                .contains(lastMonth.firstDays(today.getDayOfMonth()).label());
        assertThat(find(Paragraph.class).id("running-note").getText())
                .contains("tính đến hết ngày " + formatDay(today))
                .contains("cùng " + today.getDayOfMonth() + " ngày đầu");
        // 9 of 12 satisfied: the sample and its Wilson interval under the rate; each figure says what it counts by.
        assertThat(card("satisfaction"))
                .contains("75,0 %")
                .contains("n = 12 · KTC 95 %: 46,8–91,1 %")
                .contains("theo ngày đánh giá");
        assertThat(card("returned")).contains("theo ngày trả kết quả");
        assertThat(find(Paragraph.class).id("definitions").getText())
                .contains("theo ngày đánh giá")
                .contains("theo kỳ trả kết quả");
        // The unit table carries the interval beside each rate.
        assertThat(test(grid("by-unit")).getCellComponent(0, 5).getElement().getTextRecursively())
                .contains("75,0 %")
                .contains("46,8–91,1 %");
    }

    static String formatDay(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    @Test
    void a_year_is_compared_once_with_the_year_before() {
        navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<DashboardPeriod.Kind> kind = find(Select.class).id("period-kind");
        test(kind).selectItem("Năm");
        test(find(DatePicker.class).id("period-day"))
                .setValue(LocalDate.now(DashboardFixture.ZONE).minusYears(1));
        int year = LocalDate.now(DashboardFixture.ZONE).getYear() - 1;
        assertThat(find(Paragraph.class).id("scope-label").getText())
                .endsWith("Năm " + year + " (so với Năm " + (year - 1) + ")");
        assertThat(card("ratings")).contains("Năm trước: ").doesNotContain("Cùng kỳ năm trước");
    }

    @Test
    void the_charts_carry_the_figures_in_their_option_and_their_accessible_summary() {
        openOnThisMonth();
        Chart answers = find(Chart.class).id("chart-answers");
        // 5 very satisfied, 4 satisfied, 3 not satisfied of 12 counted ratings this month.
        assertThat(answers.summary())
                .contains("12 lượt")
                .contains("rất hài lòng 5 (41,7 %)")
                .contains("hài lòng 4 (33,3 %)")
                .contains("không hài lòng 3 (25,0 %)");
        assertThat(answers.getElement().getAttribute("aria-label")).isEqualTo(answers.summary());
        assertThat(answers.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(answers.getElement().getAttribute("option"))
                .contains("\"type\":\"bar\"")
                .contains("[41.7,33.3,25.0]");
        Chart trend = find(Chart.class).id("chart-rate-trend");
        assertThat(trend.summary())
                .contains("hài lòng 75,0 % (năm trước 100,0 %)")
                .contains("được đánh giá 85,7 %");
        assertThat(trend.getElement().getAttribute("option")).contains("\"type\":\"line\"");
        Chart ratingsTrend = find(Chart.class).id("chart-ratings-trend");
        // 12 this month and 4 last month; 5 in the same month a year ago.
        assertThat(ratingsTrend.summary()).contains("tổng 16 lượt").contains("năm trước 5");

        // Drilling down redraws them for the sub-unit (6 returned, its own ratings).
        test(grid("by-unit")).clickRow(0);
        test(grid("by-unit")).clickRow(test(grid("by-unit")).getRow(0).code().equals(f.child) ? 0 : 1);
        assertThat(value("returned")).isEqualTo("6");
        assertThat(find(Chart.class).id("chart-answers").summary()).doesNotContain("12 lượt");
    }

    @Test
    void the_headline_shows_this_month_against_last_month_and_last_year() {
        openOnThisMonth();
        assertThat(card("returned")).contains("14").contains("Kỳ trước: 6").contains("Cùng kỳ năm trước: 5");
        assertThat(card("ratings")).contains("12").contains("Kỳ trước: 4");
        // 12 ratings of 14 returned dossiers; 3 of 14 late.
        assertThat(card("coverage")).contains("85,7 %");
        // 9 of 12 satisfied this month, 3 of 4 last month, 5 of 5 a year ago.
        assertThat(card("satisfaction"))
                .contains("75,0 %")
                .contains("Kỳ trước: 75,0 %")
                .contains("Cùng kỳ năm trước: 100,0 %");
        assertThat(card("late")).contains("21,4 %");
        assertThat(find(Paragraph.class).id("scope-label").getText())
                .startsWith("Toàn bộ phạm vi của bạn · Tháng ")
                .contains("tính đến");
    }

    @Test
    void the_tree_shows_only_the_units_in_scope_and_a_click_drills_down() {
        DashboardView view = openOnThisMonth();
        @SuppressWarnings("unchecked")
        TreeGrid<UnitNode> tree = find(TreeGrid.class).id("unit-tree");
        assertThat(tree.getTreeData().getRootItems()).extracting(UnitNode::code).containsExactly(f.parent);
        assertThat(tree.getTreeData()
                        .getChildren(tree.getTreeData().getRootItems().getFirst()))
                .extracting(UnitNode::code)
                .containsExactly(f.child);

        Grid<BreakdownRow> units = grid("by-unit");
        assertThat(test(units).size()).isEqualTo(1);
        test(units).clickRow(0);
        assertThat(find(Paragraph.class).id("scope-label").getText()).contains("và các đơn vị trực thuộc");
        assertThat(test(units).size()).isEqualTo(2);
        // Drill down to the child: only its figures remain (6 returned this month).
        int childRow = test(units).getRow(0).code().equals(f.child) ? 0 : 1;
        test(units).clickRow(childRow);
        assertThat(value("returned")).isEqualTo("6");
        assertThat(tree.asSingleSelect().getValue().code()).isEqualTo(f.child);
    }

    @Test
    void breakdowns_hour_table_and_officer_threshold() {
        openOnThisMonth();
        tab("Thủ tục");
        assertThat(test(grid("by-procedure")).size()).isEqualTo(3);
        tab("Kênh đánh giá");
        assertThat(test(grid("by-channel")).size()).isEqualTo(5);
        tab("Cán bộ");
        assertThat(test(grid("by-officer")).size()).isEqualTo(1);
        assertThat(test(grid("by-officer")).getCellText(0, 0)).isEqualTo("Cán bộ " + f.officerMany);
        tab("Giờ × thứ");
        String hours = find(NativeTable.class).id("by-hour").getElement().getTextRecursively();
        assertThat(hours).contains("Thứ 2").contains("CN").contains("%");
    }

    @Test
    void a_custom_period_and_a_quarter_are_picked() {
        navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<DashboardPeriod.Kind> kind = find(Select.class).id("period-kind");
        test(kind).selectItem("Quý");
        assertThat(find(Paragraph.class).id("scope-label").getText()).contains("Quý ");
        test(kind).selectItem("Tùy chọn");
        test(find(DatePicker.class).id("period-from"))
                .setValue(LocalDate.now(DashboardFixture.ZONE).minusYears(1).withDayOfMonth(1));
        test(find(DatePicker.class).id("period-to"))
                .setValue(LocalDate.now(DashboardFixture.ZONE).minusYears(1).withDayOfMonth(28));
        assertThat(value("ratings")).isEqualTo("5");
    }

    @Test
    void unhappy_comments_link_to_their_dossier_which_shows_every_rating() {
        openOnThisMonth();
        tab("Ý kiến không hài lòng");
        @SuppressWarnings("unchecked")
        Grid<UnhappyRating> unhappy = find(Grid.class).id("unhappy");
        assertThat(test(unhappy).size()).isEqualTo(3);
        int row = -1;
        for (int i = 0; i < test(unhappy).size(); i++) {
            if (f.unhappyDossier.code().equals(test(unhappy).getRow(i).dossierCode())) {
                row = i;
            }
        }
        Anchor link = (Anchor) test(unhappy).getCellComponent(row, 1);
        assertThat(link.getHref()).isEqualTo("ho-so/" + f.unhappyDossier.code());
        assertThat(test(unhappy).getCellText(row, 3)).contains("Giải quyết chậm, trễ hẹn");

        navigate("ho-so/" + f.dossiers.get(0).code(), DossierRatingsView.class);
        @SuppressWarnings("unchecked")
        Grid<RatingFacts> dossierRatings = find(Grid.class).id("dossier-ratings");
        assertThat(test(dossierRatings).size()).isEqualTo(2);
        assertThat(test(dossierRatings).getCellText(0, 2)).isEqualTo("Bị thay thế");
        assertThat(test(dossierRatings).getCellText(1, 2)).isEqualTo("Được tính");
    }
}
