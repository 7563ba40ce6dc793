package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.index.Explanation;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.Methodology;
import vn.hailong.index.Snapshot;
import vn.hailong.index.SnapshotStatus;
import vn.hailong.index.UnitInputs;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.Roles;

/**
 * "Explain this score": for a unit and a snapshot, every indicator's inputs, exact and rounded
 * average, the band, the Decision 766 ratios and points, the PAR points and the rank — what a
 * unit head needs to check or dispute their number. Unit managers see their own units, published only.
 * Its words are {@code index.ui.explain.*} in the bundles; only the page title and the menu entry,
 * annotation values that must be constants, stay here.
 */
@Route("index/explain")
@PageTitle("Giải thích điểm · Hài Lòng")
@Menu(title = "Giải thích điểm", order = 3)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
public class ExplainView extends VerticalLayout implements BeforeEnterObserver {

    private final IndexSnapshotService snapshots;
    private final Select<Snapshot> snapshot = new Select<>();
    private final Select<String> unit = new Select<>();
    private final Div body = new Div();
    private Map<String, String> unitNames = Map.of();

    private final boolean province;
    private final Div hint = new Div();

    public ExplainView(IndexSnapshotService snapshots, AuthenticationContext auth) {
        this.snapshots = snapshots;
        this.province = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        setWidthFull();
        snapshot.setLabel(getTranslation("index.ui.explain.period"));
        snapshot.setItemLabelGenerator(s -> getTranslation(
                switch (s.status()) {
                    case PUBLISHED -> "index.ui.explain.snapshotPublished";
                    case CORRECTED -> "index.ui.explain.snapshotCorrected";
                    case DRAFT -> "index.ui.explain.snapshotDraft";
                },
                s.period(),
                s.scheme(),
                String.valueOf(s.methodologyVersion())));
        List<Snapshot> explainable = snapshots.explainable();
        snapshot.setItems(explainable);
        snapshot.setId("explain-snapshot");
        snapshot.setWidth("20em");
        unit.setLabel(getTranslation("index.ui.explain.unit"));
        unit.setItemLabelGenerator(code -> unitNames.getOrDefault(code, code));
        unit.setId("explain-unit");
        unit.setWidth("28em");
        snapshot.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                unitNames = snapshots.explainableUnits(e.getValue().id());
                unit.setItems(unitNames.keySet());
                render();
            }
        });
        unit.addValueChangeListener(e -> render());
        body.setWidthFull();
        body.setId("explanation");
        hint.setId("explain-hint");
        HorizontalLayout choosers = new HorizontalLayout(snapshot, unit);
        choosers.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("index.ui.explain.title")), choosers, hint, body);
        if (explainable.isEmpty()) {
            choosers.setVisible(false);
            showEmpty();
        } else {
            render();
        }
    }

    /** Nothing to explain yet: say why, and where to go instead. */
    private void showEmpty() {
        hint.removeAll();
        Paragraph why = new Paragraph(
                getTranslation(province ? "index.ui.explain.emptyForProvince" : "index.ui.explain.emptyForUnit"));
        why.setId("explain-empty");
        Div ways = new Div();
        ways.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        if (province) {
            ways.add(link("index", getTranslation("index.ui.explain.toReview")));
        }
        ways.add(
                link("bang-dieu-khien", getTranslation("index.ui.explain.toDashboard")),
                link("open-data", getTranslation("index.ui.explain.toOpenData")));
        hint.add(why, ways);
    }

    private static Anchor link(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        String id =
                params.getOrDefault("snapshot", List.of()).stream().findFirst().orElse(null);
        String code =
                params.getOrDefault("unit", List.of()).stream().findFirst().orElse(null);
        if (id != null) {
            try {
                UUID uuid = UUID.fromString(id);
                snapshots.explainable().stream()
                        .filter(s -> s.id().equals(uuid))
                        .findFirst()
                        .ifPresent(snapshot::setValue);
            } catch (IllegalArgumentException ignored) {
                // a mistyped link shows the empty chooser
            }
        }
        if (code != null && unitNames.containsKey(code)) {
            unit.setValue(code);
        }
    }

    private void render() {
        body.removeAll();
        hint.removeAll();
        if (snapshot.getValue() == null) {
            hint.add(new Paragraph(getTranslation("index.ui.explain.chooseSnapshot")));
            return;
        }
        if (unitNames.isEmpty()) {
            hint.add(new Paragraph(getTranslation(
                    "index.ui.explain.noUnitsInPeriod", snapshot.getValue().period())));
            return;
        }
        if (unit.getValue() == null) {
            hint.add(new Paragraph(getTranslation("index.ui.explain.chooseUnit", String.valueOf(unitNames.size()))));
            return;
        }
        Explanation e = snapshots.explain(snapshot.getValue().id(), unit.getValue());
        UnitResult r = e.result();
        UnitInputs in = e.inputs();
        Methodology.Definition m = e.methodology().definition();

        H3 title = new H3(getTranslation(
                "index.ui.explain.unitInPeriod", r.unitName(), e.snapshot().period()));
        Paragraph meta = new Paragraph(getTranslation(
                "index.ui.explain.meta",
                e.methodology().scheme(),
                String.valueOf(e.methodology().version()),
                e.methodology().name(),
                e.snapshot().isPublished()
                        ? getTranslation(
                                        "index.ui.explain.publishedAt",
                                        IndexFormat.time(e.snapshot().publishedAt()))
                                + (e.snapshot().correctionReason() == null
                                        ? ""
                                        : " "
                                                + getTranslation(
                                                        "index.ui.explain.correctionReason",
                                                        e.snapshot().correctionReason()))
                                + (e.snapshot().status() == SnapshotStatus.CORRECTED
                                        ? " " + getTranslation("index.ui.explain.replacedByCorrection")
                                        : "")
                        : getTranslation("index.ui.explain.draft"),
                e.snapshot().inputsHash()));
        meta.getStyle().set("word-break", "break-all");

        FlexLayout cards = new FlexLayout(
                card(
                        getTranslation("index.ui.explain.cardCircular01"),
                        IndexFormat.number(r.circular01Total()) + " / 18",
                        IndexFormat.band(r)),
                card(
                        getTranslation("index.ui.explain.cardDecision766"),
                        IndexFormat.number(r.decision766().totalPoints()) + " / "
                                + IndexFormat.number(r.decision766().maxPoints()),
                        getTranslation("index.ui.explain.cardDecision766Detail")),
                card(
                        getTranslation("index.ui.explain.cardSatisfaction"),
                        IndexFormat.percent(r.satisfactionRate()),
                        satisfactionDetail(r)),
                card(
                        getTranslation("index.ui.explain.cardParSurvey"),
                        IndexFormat.number(r.parSurveyPoints()) + " / "
                                + IndexFormat.number(m.par().component().maxPoints()),
                        r.parBand() == null ? "—" : r.parBand()),
                card(
                        getTranslation("index.ui.explain.cardRank", IndexLabels.peerGroup(r.peerGroup())),
                        r.rank() == null
                                ? (r.has(UnitResult.INSUFFICIENT_SAMPLE)
                                        ? getTranslation("index.ui.explain.insufficientSample")
                                        : "—")
                                : getTranslation("index.ui.explain.rank", String.valueOf(r.rank())),
                        r.has(UnitResult.INSUFFICIENT_SAMPLE)
                                ? getTranslation(
                                        "index.ui.explain.minimumSample",
                                        IndexFormat.count(r.ratings()),
                                        IndexFormat.count(m.ranking().minimumRatings()))
                                : IndexFormat.rankChange(r.rankChange())));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");

        Grid<UnitResult.IndicatorResult> indicators = new Grid<>();
        indicators
                .addColumn(i -> getTranslation("index.ui.explain.indicatorNumber", String.valueOf(i.number())))
                .setHeader(getTranslation("index.ui.explain.indicator"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        indicators
                .addColumn(i -> IndexFormat.source(i.source()))
                .setHeader(getTranslation("index.ui.explain.source"))
                .setAutoWidth(true);
        indicators
                .addColumn(IndexFormat::note)
                .setHeader(getTranslation("index.ui.explain.data"))
                .setFlexGrow(2);
        indicators
                .addColumn(i -> i.numerator() == null
                        ? "—"
                        : IndexFormat.number(i.numerator()) + " / " + IndexFormat.count(i.denominator()))
                .setHeader(getTranslation("index.ui.explain.fraction"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators
                .addColumn(i -> IndexFormat.number(i.exact()))
                .setHeader(getTranslation("index.ui.explain.exact"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators
                .addColumn(i -> i.average() == null
                        ? getTranslation("index.ui.explain.missingIndicator")
                        : IndexFormat.number(i.average()))
                .setHeader(getTranslation("index.ui.explain.rounded"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators.setItems(r.indicators());
        indicators.setAllRowsVisible(true);
        indicators.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        indicators.setId("indicators");

        Paragraph sum = new Paragraph(getTranslation(
                "index.ui.explain.circular01Sum",
                IndexFormat.number(r.circular01Sum()),
                IndexFormat.rounding(m.circular01().totalRounding()),
                IndexFormat.number(r.circular01Total()),
                IndexFormat.band(r),
                IndexFormat.number(m.circular01().bands().excellentAbove()),
                IndexFormat.number(m.circular01().bands().goodFrom()),
                IndexFormat.number(m.circular01().bands().fairFrom()),
                IndexFormat.number(m.circular01().bands().averageFrom()),
                IndexFormat.rounding(m.circular01().averageRounding())));
        sum.setId("tt01-sum");

        UnitResult.Decision766Result d = r.decision766();
        Grid<Object[]> ratios = new Grid<>();
        ratios.addColumn(o -> (String) o[0])
                .setHeader(getTranslation("index.ui.explain.ratioDecision766"))
                .setFlexGrow(2);
        ratios.addColumn(o -> (String) o[1])
                .setHeader(getTranslation("index.ui.explain.fraction"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.addColumn(o -> IndexFormat.percent((BigDecimal) o[2]))
                .setHeader(getTranslation("index.ui.explain.ratio"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.addColumn(o -> IndexFormat.number((BigDecimal) o[3]) + " / " + IndexFormat.number((BigDecimal) o[4]))
                .setHeader(getTranslation("index.ui.explain.points"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.setItems(List.of(
                row(
                        getTranslation(
                                "index.ui.explain.dossierSatisfaction",
                                String.valueOf(in.dissatisfiedRatings()),
                                String.valueOf(in.dossiersWithComplaint()),
                                String.valueOf(in.late())),
                        d.dossierSatisfaction()),
                row(getTranslation("index.ui.explain.complaintsOnTime"), d.complaintsOnTime()),
                row(getTranslation("index.ui.explain.complaintSatisfaction"), d.complaintSatisfaction())));
        ratios.setAllRowsVisible(true);
        ratios.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ratios.setId("ratios");
        Paragraph curve = new Paragraph(getTranslation(
                "index.ui.explain.decision766Points",
                IndexLabels.of("curve", m.decision766().curve()),
                IndexFormat.rounding(m.decision766().pointsRounding())));

        Paragraph par = new Paragraph(getTranslation(
                "index.ui.explain.parAndRanking",
                IndexFormat.number(m.par().component().weight()),
                IndexFormat.rateWithInterval(r.satisfactionRate(), r.satisfaction()),
                IndexFormat.number(r.parSurveyPoints()),
                IndexFormat.number(m.par().component().maxPoints()),
                IndexFormat.percent(r.parSurveyPercent()),
                r.parBand() == null ? getTranslation("index.ui.explain.parNoBand") : r.parBand(),
                IndexLabels.of("bandBasis", m.par().bandBasis()),
                IndexLabels.of("rankBy", m.ranking().rankBy()),
                m.ranking().withinPeerGroups()
                        ? getTranslation("index.ui.explain.withinPeerGroup", IndexLabels.peerGroup(r.peerGroup()))
                        : getTranslation("index.ui.explain.acrossAllUnits"),
                m.ranking().minimumRatings() > 0
                        ? getTranslation(
                                "index.ui.explain.unrankedBelow",
                                IndexFormat.count(m.ranking().minimumRatings()))
                        : "",
                r.previousRank() == null
                        ? ""
                        : getTranslation("index.ui.explain.previousRank", String.valueOf(r.previousRank()))));
        par.setId("par");

        Grid<UnitResult.CriterionRate> criteria = new Grid<>();
        criteria.addColumn(c -> capitalised(IndexLabels.criterion(c.criterion())))
                .setHeader(getTranslation("index.ui.explain.criterion"))
                .setAutoWidth(true);
        criteria.addColumn(c -> IndexFormat.count(c.satisfied()) + " / " + IndexFormat.count(c.answers()))
                .setHeader(getTranslation("index.ui.explain.satisfiedOfAnswers"))
                .setTextAlign(ColumnTextAlign.END);
        criteria.addColumn(c -> IndexFormat.rateWithInterval(
                        c.ratePercent(),
                        c.ratePercent() == null
                                ? null
                                : UnitResult.SatisfactionSample.of(
                                        c.satisfied(),
                                        c.answers(),
                                        c.ratePercent().scale())))
                .setHeader(getTranslation("index.ui.explain.rateWithInterval"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        criteria.setId("criteria");
        criteria.setItems(r.criterionRates());
        criteria.setAllRowsVisible(true);
        criteria.addThemeVariants(GridVariant.LUMO_COMPACT);

        body.add(
                title,
                meta,
                cards,
                new H3(getTranslation("index.ui.explain.circular01Heading")),
                indicators,
                sum,
                new H3(getTranslation("index.ui.explain.decision766Heading")),
                ratios,
                curve,
                new H3(getTranslation("index.ui.explain.parHeading")),
                par,
                new H3(getTranslation("index.ui.explain.criteriaHeading")),
                criteria);
    }

    /** "KTC 95 %: 88,10–95,30 % · n = 530 lượt đánh giá / 600 hồ sơ"; without an interval, the sample alone. */
    private String satisfactionDetail(UnitResult r) {
        String sample = getTranslation(
                "index.ui.explain.cardSatisfactionSample",
                IndexFormat.count(r.ratings()),
                IndexFormat.count(r.dossiers()));
        if (r.satisfaction() == null || r.satisfaction().lowerPercent() == null) {
            return sample;
        }
        return getTranslation(
                "index.ui.explain.cardSatisfactionInterval",
                IndexFormat.number(r.satisfaction().lowerPercent()),
                IndexFormat.number(r.satisfaction().upperPercent()),
                sample);
    }

    private static Object[] row(String label, UnitResult.Ratio ratio) {
        return new Object[] {
            label,
            IndexFormat.count(ratio.part()) + " / " + IndexFormat.count(ratio.whole()),
            ratio.ratePercent(),
            ratio.points(),
            ratio.maxPoints()
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Component card(String label, String value, String detail) {
        Span l = new Span(label);
        l.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span d = new Span(detail);
        d.getStyle().set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout card = new VerticalLayout(l, v, d);
        card.setSpacing(false);
        card.setWidth("14em");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }
}
