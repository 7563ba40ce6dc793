package vn.hailong.dashboard.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import vn.hailong.dashboard.Figures;
import vn.hailong.dashboard.Headline;

/**
 * The headline figures as cards (returned, ratings, coverage, satisfaction, dissatisfied, late),
 * each against the period before and the same period last year.
 */
final class HeadlineCards extends Div {

    HeadlineCards() {
        addClassName("cards");
        setId("headline");
    }

    void show(Headline h) {
        removeAll();
        Figures c = h.current();
        Figures p = h.previous();
        Figures y = h.lastYear();
        boolean one = h.lastYearIsPrevious();
        String returnDay = getTranslation("dashboard.basis.returnDay");
        String ratingDay = getTranslation("dashboard.basis.ratingDay");
        add(card(
                "returned",
                "dashboard.card.returned",
                returnDay,
                Format.count(c.returned()),
                null,
                Format.count(p.returned()),
                one ? null : Format.count(y.returned())));
        add(card(
                "ratings",
                "dashboard.card.ratings",
                ratingDay,
                Format.count(c.ratings()),
                null,
                Format.count(p.ratings()),
                one ? null : Format.count(y.ratings())));
        add(card(
                "coverage",
                "dashboard.card.coverage",
                null,
                Format.percent(c.coverage()),
                null,
                Format.percent(p.coverage()),
                one ? null : Format.percent(y.coverage())));
        add(card(
                "satisfaction",
                "dashboard.card.satisfaction",
                ratingDay,
                Format.percent(c.satisfactionRate()),
                c.ratings() == 0
                        ? null
                        : getTranslation(
                                "dashboard.sample", Format.count(c.ratings()), Format.interval(c.satisfaction())),
                rateWithSample(p),
                one ? null : rateWithSample(y)));
        add(card(
                "dissatisfied",
                "dashboard.card.dissatisfied",
                ratingDay,
                Format.count(c.dissatisfied()),
                null,
                Format.count(p.dissatisfied()),
                one ? null : Format.count(y.dissatisfied())));
        add(card(
                "late",
                "dashboard.card.late",
                returnDay,
                Format.percent(c.lateShare()),
                null,
                Format.percent(p.lateShare()),
                one ? null : Format.percent(y.lateShare())));
    }

    private String rateWithSample(Figures f) {
        return f.ratings() == 0
                ? Format.percent(null)
                : getTranslation(
                        "dashboard.sample.short", Format.percent(f.satisfactionRate()), Format.count(f.ratings()));
    }

    /**
     * A headline figure: its name and what it is counted by ("theo ngày đánh giá"), the value, the
     * sample and interval under a rate, then the comparisons; {@code lastYear} null when the period
     * before is the same period a year earlier (a year).
     */
    private Div card(
            String id,
            String labelKey,
            @Nullable String basis,
            String value,
            @Nullable String sample,
            String previous,
            @Nullable String lastYear) {
        Span l = new Span(getTranslation(labelKey));
        l.addClassName("label");
        Div card = new Div(l);
        if (basis != null) {
            Span b = new Span(basis);
            b.addClassName("basis");
            card.add(b);
        }
        Div v = new Div(value);
        v.addClassName("value");
        card.add(v);
        if (sample != null) {
            Div s = new Div(sample);
            s.addClassName("sample");
            card.add(s);
        }
        Div compare = lastYear == null
                ? new Div(new Span(getTranslation("dashboard.card.previousYear", previous)))
                : new Div(
                        new Span(getTranslation("dashboard.card.previous", previous)),
                        new Div(getTranslation("dashboard.card.lastYear", lastYear)));
        compare.addClassName("compare");
        card.add(compare);
        card.addClassName("card");
        card.setId("card-" + id);
        return card;
    }
}
