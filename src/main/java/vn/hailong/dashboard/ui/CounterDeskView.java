package vn.hailong.dashboard.ui;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import vn.hailong.dashboard.CounterDeskService;
import vn.hailong.dashboard.CounterDeskService.Counter;
import vn.hailong.dashboard.CounterDeskService.Desk;
import vn.hailong.dashboard.CounterDeskService.HandoverToday;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Roles;

/**
 * An officer's own page ("Quầy của tôi"): their counter's kiosk, online or not, and today's
 * handovers with whether each dossier was rated. It never shows what a citizen answered.
 */
@Route("quay-cua-toi")
@PageTitle("Quầy của tôi · Hài Lòng")
@Menu(title = "Quầy của tôi", order = 0.5)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
@StyleSheet("context://styles/dashboard.css")
public class CounterDeskView extends Div {

    private static final String CHOSEN = CounterDeskView.class.getName() + ".counter";

    private final CounterDeskService desks;
    private final Select<Counter> counter = new Select<>();
    private final Div kiosks = new Div();
    private final Paragraph summary = new Paragraph();
    private final Grid<HandoverToday> handovers = new Grid<>();

    public CounterDeskView(CounterDeskService desks) {
        this.desks = desks;
        addClassName("dashboard");
        addClassName("counter-desk");
        setId("counter-desk");
        add(new H2(getTranslation("officer.title")));
        List<Counter> counters = desks.counters();
        if (counters.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("officer.noCounters"));
            none.setId("no-counters");
            add(none);
            return;
        }
        counter.setLabel(getTranslation("officer.counter"));
        counter.setItems(counters);
        counter.setItemLabelGenerator(c -> c.name() + " · " + c.centreName());
        counter.setId("desk-counter");
        counter.setWidth("44rem");
        counter.getStyle().set("max-width", "100%");
        Object chosen = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getAttribute(CHOSEN);
        // The counter chosen earlier in this session, else the one of the officer's latest
        // handover (the one-stop software names the officer), else the first.
        Optional<Counter> mine = desks.myCounter();
        counter.setValue(counters.stream()
                .filter(c -> c.id().equals(chosen))
                .findFirst()
                .or(() -> mine)
                .orElse(counters.getFirst()));
        if (chosen == null && mine.isPresent()) {
            counter.setHelperText(getTranslation("officer.counter.mine"));
        }
        counter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                counter.setHelperText(null);
                VaadinSession.getCurrent().setAttribute(CHOSEN, e.getValue().id());
                refresh();
            }
        });
        Button reload = new Button(getTranslation("officer.refresh"), e -> refresh());
        reload.setId("desk-refresh");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div filters = new Div(counter, reload);
        filters.addClassName("filters");

        kiosks.setId("desk-kiosks");
        kiosks.addClassName("cards");
        summary.setId("desk-summary");
        handovers
                .addColumn(h -> Formats.ofCurrentPage().hour(h.handedOverAt()))
                .setHeader(getTranslation("officer.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        handovers
                .addColumn(HandoverToday::dossierCode)
                .setHeader(getTranslation("officer.column.dossier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        handovers
                .addColumn(HandoverToday::officer)
                .setHeader(getTranslation("officer.column.officer"))
                .setFlexGrow(1);
        handovers
                .addColumn(h -> getTranslation("officer.handover." + h.state().name()))
                .setHeader(getTranslation("officer.column.state"))
                .setAutoWidth(true);
        handovers
                .addColumn(h -> getTranslation(h.rated() ? "officer.rated.yes" : "officer.rated.no"))
                .setHeader(getTranslation("officer.column.rated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        handovers.setId("desk-handovers");
        handovers.setAllRowsVisible(true);
        handovers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        handovers.setEmptyStateText(getTranslation("officer.noHandovers"));
        Paragraph privacy = new Paragraph(getTranslation("officer.privacy"));
        privacy.addClassName("definitions");
        privacy.setId("desk-privacy");
        add(
                filters,
                new H3(getTranslation("officer.kiosks")),
                kiosks,
                new H3(getTranslation("officer.today")),
                summary,
                handovers,
                privacy);
        refresh();
    }

    private void refresh() {
        Desk desk = desks.today(counter.getValue().id());
        kiosks.removeAll();
        if (desk.kiosks().isEmpty()) {
            kiosks.add(new Paragraph(getTranslation("officer.noKiosk")));
        }
        for (CounterDeskService.Kiosk k : desk.kiosks()) {
            Span label = new Span(k.code());
            label.addClassName("label");
            Div value = new Div(getTranslation("officer.kiosk." + k.state().name()));
            value.addClassName("value");
            value.addClassName("kiosk-" + k.state().name().toLowerCase());
            Div card = new Div(label, value);
            if (k.lastSeenAt() != null) {
                card.add(new Div(getTranslation("officer.kiosk.lastSeen", Format.time(k.lastSeenAt()))));
            }
            if (k.unsentRatings() > 0) {
                card.add(new Div(getTranslation("officer.kiosk.unsent", k.unsentRatings())));
            }
            card.addClassName("card");
            kiosks.add(card);
        }
        summary.setText(getTranslation(
                "officer.summary", Format.day(desk.day()), desk.handovers().size(), desk.rated()));
        handovers.setItems(desk.handovers());
    }

    UUID counterId() {
        return counter.getValue().id();
    }
}
