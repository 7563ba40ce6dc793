package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;

import vn.hailong.index.Circular01Bands;
import vn.hailong.index.Decision766Rules;
import vn.hailong.index.IndicatorSource;
import vn.hailong.index.Methodology;
import vn.hailong.platform.Words;

/**
 * A methodology's rules as Vietnamese sentences and tables, for a Home Affairs official to read.
 * The words are {@code index.ui.methodologyText.*} in the bundles; the figures go into them
 * already formatted.
 */
final class MethodologyText {

    private MethodologyText() {}

    static void render(HasComponents target, Methodology.Definition d) {
        int max = d.circular01().indicatorMax();
        Circular01Bands b = d.circular01().bands();
        target.add(
                new H4(w("index.ui.methodologyText.circular01Heading")),
                sentence(
                        "tt01-rule",
                        w(
                                "index.ui.methodologyText.circular01Rule",
                                String.valueOf(max),
                                String.valueOf(max * 9),
                                IndexFormat.rounding(d.circular01().averageRounding()),
                                IndexFormat.rounding(d.circular01().totalRounding()))),
                table(
                        "tt01-bands",
                        List.of(w("index.ui.methodologyText.band"), w("index.ui.methodologyText.bandTotal")),
                        List.of(
                                List.of(
                                        w("index.ui.methodologyText.bandExcellent"),
                                        w("index.ui.methodologyText.above", n(b.excellentAbove()))),
                                List.of(
                                        w("index.ui.methodologyText.bandGood"),
                                        w("index.ui.methodologyText.fromTo", n(b.goodFrom()), n(b.excellentAbove()))),
                                List.of(
                                        w("index.ui.methodologyText.bandFair"),
                                        w("index.ui.methodologyText.fromToBelow", n(b.fairFrom()), n(b.goodFrom()))),
                                List.of(
                                        w("index.ui.methodologyText.bandAverage"),
                                        w("index.ui.methodologyText.fromToBelow", n(b.averageFrom()), n(b.fairFrom()))),
                                List.of(
                                        w("index.ui.methodologyText.bandWeak"),
                                        w("index.ui.methodologyText.below", n(b.averageFrom()))))));
        List<List<String>> indicators = new ArrayList<>();
        for (Methodology.Indicator i : d.indicators()) {
            String source = IndexLabels.of("source", i.source());
            if (i.source() == IndicatorSource.CITIZEN_ANSWER) {
                source += ": " + IndexLabels.criterion(i.criterion());
            } else if (i.source() == IndicatorSource.COMPLAINTS_ON_TIME) {
                source = w(
                        "index.ui.methodologyText.complaintsSource",
                        source,
                        String.valueOf(max),
                        IndexFormat.percent(d.complaintsIndicator().fullPercent()),
                        n(BigDecimal.valueOf(max).divide(BigDecimal.TWO)),
                        IndexFormat.percent(d.complaintsIndicator().partialPercent()));
            }
            indicators.add(List.of(
                    w("index.ui.methodologyText.indicatorNumber", String.valueOf(i.number())), capitalised(source)));
        }
        target.add(table(
                "tt01-indicators",
                List.of(w("index.ui.methodologyText.indicator"), w("index.ui.methodologyText.indicatorSource")),
                indicators));

        Methodology.SatisfactionRule sat = d.satisfaction();
        target.add(
                new H4(w("index.ui.methodologyText.satisfactionHeading")),
                sentence(
                        "satisfaction-rule",
                        w(
                                "index.ui.methodologyText.satisfactionRule",
                                IndexLabels.criterion(sat.criterion()),
                                String.valueOf(sat.satisfiedMinPoints()),
                                IndexFormat.rounding(sat.rateRounding()))));

        Decision766Rules r = d.decision766();
        target.add(
                new H4(w("index.ui.methodologyText.decision766Heading")),
                table(
                        "d766-targets",
                        List.of(
                                w("index.ui.methodologyText.ratio"),
                                w("index.ui.methodologyText.maxPoints"),
                                w("index.ui.methodologyText.target")),
                        List.of(
                                List.of(
                                        w("index.ui.methodologyText.dossierSatisfaction"),
                                        n(r.dossierSatisfaction().maxPoints()),
                                        IndexFormat.percent(
                                                r.dossierSatisfaction().targetPercent())),
                                List.of(
                                        w("index.ui.methodologyText.complaintsOnTime"),
                                        n(r.complaintsOnTime().maxPoints()),
                                        IndexFormat.percent(r.complaintsOnTime().targetPercent())),
                                List.of(
                                        w("index.ui.methodologyText.complaintSatisfaction"),
                                        n(r.complaintSatisfaction().maxPoints()),
                                        IndexFormat.percent(
                                                r.complaintSatisfaction().targetPercent())))),
                sentence(
                        "d766-rule",
                        w(
                                "index.ui.methodologyText.decision766Rule",
                                IndexLabels.of("curve", r.curve()),
                                IndexFormat.rounding(r.pointsRounding()))));

        Methodology.ParSurvey par = d.par();
        List<List<String>> groups = par.bands().stream()
                .map(g -> List.of(g.name(), w("index.ui.methodologyText.from", IndexFormat.percent(g.fromPercent()))))
                .toList();
        target.add(
                new H4(w("index.ui.methodologyText.parHeading")),
                sentence(
                        "par-rule",
                        w(
                                "index.ui.methodologyText.parRule",
                                n(par.component().weight()),
                                n(par.component().maxPoints()),
                                IndexLabels.of("bandBasis", par.bandBasis()))),
                table(
                        "par-groups",
                        List.of(w("index.ui.methodologyText.parGroup"), w("index.ui.methodologyText.parGroupFrom")),
                        groups));

        Methodology.RankingRule rank = d.ranking();
        target.add(
                new H4(w("index.ui.methodologyText.rankingHeading")),
                sentence(
                        "ranking-rule",
                        w(
                                "index.ui.methodologyText.rankingRule",
                                IndexLabels.of("rankBy", rank.rankBy()),
                                rank.withinPeerGroups()
                                        ? w("index.ui.methodologyText.withinPeerGroups")
                                        : w("index.ui.methodologyText.acrossAllUnits"),
                                rank.minimumRatings() > 0
                                        ? w(
                                                "index.ui.methodologyText.minimumSample",
                                                IndexFormat.count(rank.minimumRatings()))
                                        : w("index.ui.methodologyText.noMinimumSample"))));

        target.add(
                new H4(w("index.ui.methodologyText.otherRulesHeading")),
                table(
                        "settings",
                        List.of(w("index.ui.methodologyText.rule"), w("index.ui.methodologyText.applied")),
                        List.of(
                                List.of(
                                        w("index.ui.methodologyText.onTimeBy"),
                                        capitalised(IndexLabels.of(
                                                "onTimeBy", d.dossiers().onTimeBy()))),
                                List.of(
                                        w("index.ui.methodologyText.withoutDossiers"),
                                        capitalised(IndexLabels.of(
                                                "withoutDossiers", d.dossiers().withoutDossiers()))),
                                List.of(
                                        w("index.ui.methodologyText.entryFallback"),
                                        capitalised(IndexLabels.of(
                                                "fallback", d.unitEntries().fallback()))),
                                List.of(
                                        w("index.ui.methodologyText.enteredIndicators"),
                                        w(
                                                "index.ui.methodologyText.enteredIndicatorsRule",
                                                d.enteredIndicators().stream()
                                                        .map(String::valueOf)
                                                        .collect(Collectors.joining(", ")))))));
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId("m-" + id);
        return p;
    }

    /** A plain HTML table: its text is escaped, it reads well on paper and to a screen reader. */
    private static Component table(String id, List<String> headers, List<List<String>> rows) {
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "var(--lumo-space-m)");
        Element head = new Element("tr");
        for (String h : headers) {
            head.appendChild(cell("th", h));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            row.forEach(c -> tr.appendChild(cell("td", c)));
            body.appendChild(tr);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.setId("m-" + id);
        wrapper.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag);
        e.setText(text);
        e.getStyle()
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "0.25em 1em 0.25em 0")
                .set("text-align", "start")
                .set("vertical-align", "top");
        if (tag.equals("th")) {
            e.setAttribute("scope", "col");
        }
        return e;
    }

    /** The words of {@code key}, with {@code args} (already formatted: text, not numbers) put in. */
    private static String w(String key, String... args) {
        return Words.of(key, (Object[]) args);
    }

    private static String n(BigDecimal value) {
        return IndexFormat.number(value);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
