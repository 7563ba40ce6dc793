package vn.hailong.dashboard.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Words;

/**
 * The dashboard's period: a kind (month, quarter, year, custom) and the day it contains, or a
 * custom range; every change that makes a period reports it.
 */
final class PeriodFilter extends Div {

    private final Select<DashboardPeriod.Kind> kind = new Select<>();
    private final DatePicker day = new DatePicker(getTranslation("dashboard.filter.day"));
    private final DatePicker from = new DatePicker(getTranslation("dashboard.filter.from"));
    private final DatePicker to = new DatePicker(getTranslation("dashboard.filter.to"));
    private final Supplier<DashboardPeriod> current;
    private final Supplier<LocalDate> today;
    private final Consumer<DashboardPeriod> changed;

    /** {@code current}: the period shown now; {@code changed}: a new one was picked. */
    PeriodFilter(Supplier<DashboardPeriod> current, Supplier<LocalDate> today, Consumer<DashboardPeriod> changed) {
        this.current = current;
        this.today = today;
        this.changed = changed;
        kind.setLabel(getTranslation("dashboard.filter.kind"));
        kind.setItems(DashboardPeriod.Kind.values());
        kind.setItemLabelGenerator(DashboardPeriod.Kind::label);
        kind.setValue(current.get().kind());
        kind.setId("period-kind");
        for (DatePicker picker : List.of(day, from, to)) {
            picker.setLocale(Format.VI);
            picker.setI18n(vietnameseDates());
        }
        day.setValue(current.get().from());
        day.setId("period-day");
        from.setId("period-from");
        to.setId("period-to");
        from.setVisible(false);
        to.setVisible(false);
        kind.addValueChangeListener(e -> {
            boolean custom = e.getValue() == DashboardPeriod.Kind.CUSTOM;
            day.setVisible(!custom);
            from.setVisible(custom);
            to.setVisible(custom);
            if (custom) {
                from.setValue(current.get().from());
                to.setValue(current.get().to());
            }
            periodChanged();
        });
        day.addValueChangeListener(e -> periodChanged());
        from.addValueChangeListener(e -> periodChanged());
        to.addValueChangeListener(e -> periodChanged());
        add(kind, day, from, to);
        addClassName("filters");
    }

    static DatePicker.DatePickerI18n vietnameseDates() {
        return new DatePicker.DatePickerI18n()
                .setDateFormat("dd/MM/yyyy")
                .setMonthNames(numbered("dashboard.datePicker.month.", 1, 12))
                .setWeekdays(numbered("dashboard.datePicker.weekday.", 0, 6))
                .setWeekdaysShort(numbered("dashboard.datePicker.weekdayShort.", 0, 6))
                .setFirstDayOfWeek(1)
                .setToday(Words.of("dashboard.datePicker.today", Words.VI))
                .setCancel(Words.of("dashboard.datePicker.cancel", Words.VI));
    }

    /** The Vietnamese words of {@code prefix + first} to {@code prefix + last}, in order. */
    private static List<String> numbered(String prefix, int first, int last) {
        List<String> words = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            words.add(Words.of(prefix + n, Words.VI));
        }
        return words;
    }

    private void periodChanged() {
        DashboardPeriod.Kind k = kind.getValue();
        try {
            DashboardPeriod period;
            if (k == DashboardPeriod.Kind.CUSTOM) {
                if (from.getValue() == null || to.getValue() == null) {
                    return;
                }
                period = DashboardPeriod.custom(from.getValue(), to.getValue());
            } else {
                period = DashboardPeriod.containing(k, day.getValue() == null ? today.get() : day.getValue());
            }
            to.setInvalid(false);
            changed.accept(period);
        } catch (InvalidInputException e) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("dashboard.filter.endsBeforeStart"));
        }
    }
}
