package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.directory.AgencySummary;
import vn.hailong.index.UnitIndicatorService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/**
 * A unit's Circular 01 indicators 5, 6, 8, 9 for a period, entered by its manager, with every
 * change listed. Its words are {@code index.ui.unitIndicators.*} in the bundles; only the page
 * title and the menu entry, annotation values that must be constants, stay here.
 */
@Route("index/indicators")
@PageTitle("Nhập chỉ số đơn vị · Hài Lòng")
@Menu(title = "Nhập chỉ số đơn vị", order = 4)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER})
public class UnitIndicatorView extends VerticalLayout {

    /** The keys of the entered indicators' names. */
    private static final Map<Integer, String> LABELS = Map.of(
            5, "index.ui.unitIndicators.indicator5",
            6, "index.ui.unitIndicators.indicator6",
            8, "index.ui.unitIndicators.indicator8",
            9, "index.ui.unitIndicators.indicator9");

    private final UnitIndicatorService indicators;
    private final ComboBox<AgencySummary> unit = new ComboBox<>(getTranslation("index.ui.unitIndicators.unit"));
    private final TextField period = new TextField(getTranslation("index.ui.unitIndicators.period"));
    private final Map<Integer, BigDecimalField> fields = new HashMap<>();
    private final TextField note = new TextField(getTranslation("index.ui.unitIndicators.note"));
    private final Grid<UnitIndicatorService.Change> history = new Grid<>();

    public UnitIndicatorView(UnitIndicatorService indicators) {
        this.indicators = indicators;
        setWidthFull();
        unit.setItems(indicators.visibleUnits());
        unit.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unit.setWidth("30em");
        unit.setId("indicator-unit");
        period.setPlaceholder("2026, 2026-Q3, 2026-07");
        period.setId("indicator-period");
        Button load = new Button(getTranslation("index.ui.unitIndicators.load"), e -> load());
        load.setId("indicator-load");
        HorizontalLayout pick = new HorizontalLayout(unit, period, load);
        pick.setAlignItems(FlexComponent.Alignment.BASELINE);

        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        for (int i : UnitIndicatorService.ENTERED) {
            BigDecimalField f = new BigDecimalField(getTranslation(LABELS.get(i)));
            // Vietnamese decimal comma (1,5), whatever language the browser announces.
            f.setLocale(IndexFormat.VI);
            f.setHelperText(getTranslation("index.ui.unitIndicators.valueHelper"));
            f.setWidth("26em");
            f.setId("indicator" + i);
            fields.put(i, f);
            form.add(f);
        }
        note.setWidth("26em");
        note.setMaxLength(500);
        Button save = new Button(getTranslation("index.ui.unitIndicators.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("indicator-save");
        form.add(note, save);

        history.addColumn(c -> IndexFormat.time(c.changedAt()))
                .setHeader(getTranslation("index.ui.unitIndicators.changedAt"))
                .setAutoWidth(true);
        history.addColumn(c -> getTranslation("index.ui.unitIndicators.indicatorNumber", String.valueOf(c.indicator())))
                .setHeader(getTranslation("index.ui.unitIndicators.indicator"))
                .setAutoWidth(true);
        history.addColumn(c -> IndexFormat.number(c.previous()))
                .setHeader(getTranslation("index.ui.unitIndicators.previous"))
                .setAutoWidth(true);
        history.addColumn(c -> IndexFormat.number(c.value()))
                .setHeader(getTranslation("index.ui.unitIndicators.value"))
                .setAutoWidth(true);
        history.addColumn(UnitIndicatorService.Change::changedBy)
                .setHeader(getTranslation("index.ui.unitIndicators.changedBy"))
                .setAutoWidth(true);
        history.addColumn(c -> c.note() == null ? "" : c.note())
                .setHeader(getTranslation("index.ui.unitIndicators.noteColumn"))
                .setFlexGrow(2);
        history.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
        history.setId("indicator-history");

        form.setWidth("27em");
        VerticalLayout past =
                new VerticalLayout(new H3(getTranslation("index.ui.unitIndicators.historyHeading")), history);
        past.setPadding(false);
        past.setWidth(null);
        past.getStyle().set("min-width", "22em");
        FlexLayout columns = new FlexLayout(form, past);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        columns.setFlexGrow(1, past);
        add(
                new H2(getTranslation("index.ui.unitIndicators.title")),
                new Paragraph(getTranslation("index.ui.unitIndicators.intro")),
                pick,
                columns);
    }

    private void load() {
        clearErrors();
        if (unit.getValue() == null) {
            unit.setErrorMessage(getTranslation("index.ui.unitIndicators.chooseUnit"));
            unit.setInvalid(true);
            return;
        }
        try {
            show(indicators.get(unit.getValue().code(), period.getValue()));
        } catch (InvalidInputException ex) {
            showErrors(ex);
        }
    }

    private void save() {
        clearErrors();
        if (unit.getValue() == null) {
            unit.setErrorMessage(getTranslation("index.ui.unitIndicators.chooseUnit"));
            unit.setInvalid(true);
            return;
        }
        Map<Integer, BigDecimal> values = new HashMap<>();
        fields.forEach((i, f) -> values.put(i, f.getValue()));
        try {
            show(indicators.enter(unit.getValue().code(), period.getValue(), values, note.getValue()));
            note.clear();
            Notification.show(getTranslation("index.ui.unitIndicators.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            showErrors(ex);
        }
    }

    private void show(UnitIndicatorService.Entries entries) {
        fields.forEach((i, f) -> f.setValue(entries.values().get(i)));
        history.setItems(entries.history());
    }

    private void showErrors(InvalidInputException ex) {
        for (InvalidInputException.FieldError error : ex.errors()) {
            if (error.field().equals("period")) {
                period.setErrorMessage(getTranslation("index.ui.unitIndicators.invalidPeriod"));
                period.setInvalid(true);
            } else if (error.field().startsWith("indicator")) {
                BigDecimalField f = fields.get(Integer.parseInt(error.field().substring("indicator".length())));
                if (f != null) {
                    // Refused because the methodology computes it (indicator 8 from complaints by default), not for its
                    // value.
                    f.setErrorMessage(
                            error.message().contains("not entered per unit")
                                    ? getTranslation("index.ui.unitIndicators.notEntered")
                                    : getTranslation("index.ui.unitIndicators.invalidValue"));
                    f.setInvalid(true);
                }
            }
        }
    }

    private void clearErrors() {
        unit.setInvalid(false);
        period.setInvalid(false);
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
