package vn.hailong.dashboard.ui;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardLabels;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.Headline;
import vn.hailong.dashboard.RatingDetailService;
import vn.hailong.dashboard.Selection;
import vn.hailong.dashboard.UnitNode;
import vn.hailong.paperform.PaperFormService;
import vn.hailong.platform.Roles;

/**
 * The managers' dashboard: pick a period and a unit (the tree shows only what the user may see),
 * read the headline figures against the period before and the same period last year, then the
 * breakdowns, the unhappy citizens' reasons and the integrity signals. Click a unit to drill down.
 *
 * <p>This class holds the selection (period and unit) and lays the panels out, one class each:
 * {@link PeriodFilter}, {@link ScopeTree}, {@link HeadlineCards}, {@link TrendPanel},
 * {@link CriteriaPanel}, {@link ExportBar} and {@link DetailPanels} (breakdowns, hours, unhappy
 * comments, integrity); a new selection refreshes them all.
 */
@Route("bang-dieu-khien")
@PageTitle("Bảng điều khiển · Hài Lòng")
@Menu(title = "Bảng điều khiển", order = 0)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("context://styles/dashboard.css")
public class DashboardView extends Div {

    private final DashboardService dashboard;
    private final Paragraph scopeLabel = new Paragraph();
    private final Paragraph runningNote = new Paragraph();
    private final HeadlineCards cards = new HeadlineCards();
    private final TrendPanel trend = new TrendPanel();
    private final CriteriaPanel criteria;
    private final ScopeTree scope;
    private final DetailPanels details;

    private Selection selection;

    public DashboardView(
            DashboardService dashboard,
            BreakdownService breakdowns,
            RatingDetailService ratingDetails,
            DashboardLabels labels,
            ExportService exports,
            PaperFormService paperForms) {
        this.dashboard = dashboard;
        this.selection = dashboard.defaultSelection();
        this.criteria = new CriteriaPanel(labels.criterionLabels());
        addClassName("dashboard");
        setId("dashboard");

        add(
                new H2(getTranslation("dashboard.view.title")),
                new PeriodFilter(() -> selection.period(), dashboard::today, period -> {
                    selection = new Selection(period, selection.unitId());
                    refresh();
                }));
        runningNote.setId("running-note");
        runningNote.addClassName("running-note");
        Paragraph definitions = new Paragraph(getTranslation("dashboard.definitions"));
        definitions.setId("definitions");
        definitions.addClassName("definitions");
        Div main = new Div(scopeLabel, runningNote, cards, definitions, trend, criteria);
        main.addClassName("main");
        scope = new ScopeTree(dashboard.unitTree(), this::selectUnit);
        Div body = new Div(scope, main);
        body.addClassName("body");
        this.details = new DetailPanels(
                dashboard, breakdowns, ratingDetails, labels, exports, paperForms, () -> selection, this::selectUnit);
        // The downloads and the tables take the page's whole width, below the tree: at 1440 px a unit
        // table beside the tree had room for unit names only on three lines.
        Div below = new Div(
                new ExportBar(exports, () -> selection, format -> details.tableExport(selection, format)), details);
        below.addClassName("details");
        add(body, below);
        refresh();
    }

    /** Drill down (or up) to a unit and the units below it; null for everything in scope. */
    void selectUnit(UUID unitId) {
        selection = new Selection(selection.period(), unitId);
        scope.reveal(unitId);
        refresh();
    }

    private void refresh() {
        try {
            Headline h = dashboard.headline(selection);
            UnitNode unit = scope.node(selection.unitId());
            String scopeText = unit == null
                    ? getTranslation("dashboard.period.scope.all")
                    : getTranslation("dashboard.period.scope.unit", unit.name());
            scopeLabel.setText(
                    h.lastYearIsPrevious()
                            ? getTranslation(
                                    "dashboard.period.compared.one",
                                    scopeText,
                                    periodLabel(h),
                                    h.previousPeriod().label())
                            : getTranslation(
                                    "dashboard.period.compared.two",
                                    scopeText,
                                    periodLabel(h),
                                    h.previousPeriod().label(),
                                    h.lastYearPeriod().label()));
            scopeLabel.addClassName("scope-label");
            scopeLabel.setId("scope-label");
            runningNote.setVisible(h.running());
            if (h.running()) {
                runningNote.setText(getTranslation(
                        "dashboard.period.running.note",
                        Format.day(h.asOf()),
                        h.previousPeriod().days()));
            }
            cards.show(h);
            criteria.show(h);
            trend.show(dashboard.trend(selection));
            details.show(selection);
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("dashboard.view.outOfScope"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** "Tháng 12/2026, tính đến 04/12" while the period runs, else its plain label. */
    private String periodLabel(Headline h) {
        return h.running()
                ? getTranslation("dashboard.period.running", h.period().label(), Format.shortDay(h.asOf()))
                : h.period().label();
    }

    Selection selection() {
        return selection;
    }
}
