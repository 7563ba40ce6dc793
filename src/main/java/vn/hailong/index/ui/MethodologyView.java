package vn.hailong.index.ui;

import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.index.Methodology;
import vn.hailong.index.MethodologyEdits;
import vn.hailong.index.MethodologyService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/**
 * The methodologies: every version of a scheme as Vietnamese sentences and tables, and a new
 * version made from an existing one, through a form whose errors name the field, or from JSON (the
 * export/import form). Versions are never edited, so what was published stays explained by the
 * version it names. Its words are {@code index.ui.methodology.*} in the bundles; only the page
 * title and the menu entry, annotation values that must be constants, stay here.
 */
@Route("index/methodology")
@PageTitle("Phương pháp tính chỉ số · Hài Lòng")
@Menu(title = "Phương pháp tính", order = 4.5)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.AUDITOR})
public class MethodologyView extends VerticalLayout {

    private final MethodologyService methodologies;
    private final Select<String> scheme = new Select<>();
    private final Grid<Methodology> versions = new Grid<>();
    private final H3 selectedTitle = new H3();
    private final Paragraph summary = new Paragraph();
    private final Pre rules = new Pre();
    private final VerticalLayout editor = new VerticalLayout();
    private final TextField name = new TextField(getTranslation("index.ui.methodology.newName"));
    private final IntegerField year = new IntegerField(getTranslation("index.ui.methodology.newYear"));
    private final TextField province = new TextField(getTranslation("index.ui.methodology.newProvince"));
    private final TextArea definition = new TextArea(getTranslation("index.ui.methodology.definition"));
    private final boolean canChange;
    private @Nullable Methodology selected;
    private final Div readable = new Div();
    private final VerticalLayout form = new VerticalLayout();
    private final TextField formName = new TextField(getTranslation("index.ui.methodology.newName"));
    private final IntegerField formYear = new IntegerField(getTranslation("index.ui.methodology.newYear"));
    private final TextField formProvince = new TextField(getTranslation("index.ui.methodology.newProvince"));
    private final MethodologyFormFields fields = new MethodologyFormFields();

    public MethodologyView(MethodologyService methodologies, AuthenticationContext auth) {
        this.methodologies = methodologies;
        this.canChange = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        setWidthFull();

        scheme.setLabel(getTranslation("index.ui.methodology.scheme"));
        scheme.setItems(methodologies.schemes());
        scheme.setId("methodology-scheme");
        scheme.addValueChangeListener(e -> refresh(null));

        versions.addColumn(Methodology::version)
                .setHeader(getTranslation("index.ui.methodology.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(Methodology::name)
                .setHeader(getTranslation("index.ui.methodology.name"))
                .setFlexGrow(1);
        versions.addColumn(m ->
                        m.year() == null ? getTranslation("index.ui.methodology.everyYear") : String.valueOf(m.year()))
                .setHeader(getTranslation("index.ui.methodology.year"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(m -> m.province() == null ? "—" : m.province())
                .setHeader(getTranslation("index.ui.methodology.province"))
                .setWidth("7em")
                .setFlexGrow(0);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setHeight("12em");
        versions.setId("methodology-versions");
        versions.addItemClickListener(e -> show(e.getItem()));

        Button edit = new Button(getTranslation("index.ui.methodology.edit"), e -> openForm());
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId("methodology-edit");
        edit.setVisible(canChange);
        Button copy = new Button(getTranslation("index.ui.methodology.importJson"), e -> openEditor());
        copy.setId("methodology-copy");
        copy.setVisible(canChange);
        readable.setId("methodology-readable");
        readable.setWidthFull();
        selectedTitle.setId("methodology-title");
        summary.setId("methodology-summary");
        rules.setId("methodology-rules");
        // It scrolls, so keyboard users must be able to reach it.
        rules.getElement().setAttribute("tabindex", "0");
        rules.getElement().setAttribute("aria-label", getTranslation("index.ui.methodology.rulesLabel"));
        rules.getStyle()
                .set("max-height", "24em")
                .set("overflow", "auto")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)")
                .set("width", "100%")
                .set("box-sizing", "border-box");

        name.setWidth("30em");
        name.setId("methodology-name");
        name.setMaxLength(200);
        year.setId("methodology-year");
        year.setWidth("16em");
        province.setId("methodology-province");
        definition.setId("methodology-definition");
        definition.setWidthFull();
        definition.setHeight("28em");
        definition.getStyle().set("font-family", "monospace");
        definition.setHelperText(getTranslation("index.ui.methodology.definitionHelper"));
        Button save = new Button(getTranslation("index.ui.methodology.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("methodology-save");
        Button cancel = new Button(getTranslation("index.ui.methodology.cancel"), e -> editor.setVisible(false));
        HorizontalLayout meta = new HorizontalLayout(name, year, province);
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        meta.getStyle().set("flex-wrap", "wrap");
        editor.setPadding(false);
        editor.add(
                new H3(getTranslation("index.ui.methodology.newVersion")),
                meta,
                definition,
                new HorizontalLayout(save, cancel));
        editor.setVisible(false);

        formName.setWidth("30em");
        formName.setMaxLength(200);
        formName.setId("methodology-form-name");
        formYear.setId("methodology-form-year");
        formYear.setWidth("16em");
        formProvince.setId("methodology-form-province");
        Button formSave = new Button(getTranslation("index.ui.methodology.save"), e -> saveForm());
        formSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formSave.setId("methodology-form-save");
        Button formCancel = new Button(getTranslation("index.ui.methodology.cancel"), e -> form.setVisible(false));
        HorizontalLayout formMeta = new HorizontalLayout(formName, formYear, formProvince);
        formMeta.setAlignItems(FlexComponent.Alignment.BASELINE);
        formMeta.getStyle().set("flex-wrap", "wrap");
        form.setPadding(false);
        form.setId("methodology-form");
        form.add(
                new H3(getTranslation("index.ui.methodology.newVersion")),
                new Paragraph(getTranslation("index.ui.methodology.formIntro")),
                formMeta,
                fields,
                new HorizontalLayout(formSave, formCancel));
        form.setVisible(false);

        // A native <details>: the committed frontend bundles have no vaadin-details, and this needs none.
        Div json = new Div();
        json.setId("methodology-json");
        json.setWidthFull();
        Element details = new Element("details");
        Element summaryLine = new Element("summary");
        summaryLine.setText(getTranslation("index.ui.methodology.json"));
        details.appendChild(summaryLine, rules.getElement());
        json.getElement().appendChild(details);
        HorizontalLayout header = new HorizontalLayout(selectedTitle, edit, copy);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("flex-wrap", "wrap");
        add(
                new H2(getTranslation("index.ui.methodology.title")),
                new Paragraph(getTranslation("index.ui.methodology.intro")),
                scheme,
                versions,
                header,
                readable,
                json,
                form,
                editor);
        summary.setVisible(false);
        List<String> schemes = methodologies.schemes();
        if (!schemes.isEmpty()) {
            scheme.setValue(
                    schemes.contains(MethodologyService.DEFAULT_SCHEME)
                            ? MethodologyService.DEFAULT_SCHEME
                            : schemes.getFirst());
        }
    }

    private void refresh(@Nullable Methodology show) {
        List<Methodology> all = methodologies.versions(scheme.getValue());
        versions.setItems(all);
        if (show != null) {
            show(show);
        } else if (!all.isEmpty()) {
            show(all.getFirst());
        }
    }

    private void show(Methodology m) {
        selected = m;
        versions.select(m);
        selectedTitle.setText(
                getTranslation("index.ui.methodology.versionTitle", m.scheme(), String.valueOf(m.version()), m.name()));
        Methodology.Definition d = m.definition();
        readable.removeAll();
        MethodologyText.render(readable, d);
        rules.setText(pretty(d));
        editor.setVisible(false);
        form.setVisible(false);
    }

    private void openForm() {
        if (selected == null) {
            return;
        }
        editor.setVisible(false);
        formName.setValue(getTranslation("index.ui.methodology.amendedName", selected.name()));
        formName.setInvalid(false);
        formYear.setValue(selected.year());
        formYear.setInvalid(false);
        formProvince.setValue(selected.province() == null ? "" : selected.province());
        fields.show(MethodologyEdits.of(selected.definition()));
        form.setVisible(true);
    }

    private void saveForm() {
        formName.setInvalid(false);
        formYear.setInvalid(false);
        fields.clearErrors();
        if (formYear.isInvalid() || (formYear.getValue() == null && !formYear.isEmpty())) {
            formYear.setErrorMessage(getTranslation("index.ui.methodology.yearNotANumber"));
            formYear.setInvalid(true);
            return;
        }
        try {
            Methodology created = methodologies.addVersion(
                    scheme.getValue(),
                    formProvince.getValue(),
                    formYear.getValue(),
                    formName.getValue(),
                    // The form opens from a version on show (it is hidden without one).
                    Objects.requireNonNull(selected).id(),
                    fields.edits());
            refresh(created);
            Notification.show(
                            getTranslation(
                                    "index.ui.methodology.saved", created.scheme(), String.valueOf(created.version())),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            for (InvalidInputException.FieldError error : ex.errors()) {
                switch (error.field()) {
                    case "name" -> {
                        formName.setErrorMessage(getTranslation("index.ui.methodology.nameRequired"));
                        formName.setInvalid(true);
                    }
                    case "year" -> {
                        formYear.setErrorMessage(getTranslation("index.ui.methodology.yearOutOfRange"));
                        formYear.setInvalid(true);
                    }
                    default -> fields.showError(error.field(), error.message());
                }
            }
        }
    }

    private void openEditor() {
        if (selected == null) {
            return;
        }
        form.setVisible(false);
        name.setValue(getTranslation("index.ui.methodology.amendedName", selected.name()));
        name.setInvalid(false);
        year.setValue(selected.year());
        year.setInvalid(false);
        province.setValue(selected.province() == null ? "" : selected.province());
        definition.setValue(pretty(selected.definition()));
        definition.setInvalid(false);
        editor.setVisible(true);
        definition.focus();
    }

    private void save() {
        name.setInvalid(false);
        year.setInvalid(false);
        definition.setInvalid(false);
        if (year.isInvalid() || (year.getValue() == null && !year.isEmpty())) {
            year.setErrorMessage(getTranslation("index.ui.methodology.jsonYearNotANumber"));
            year.setInvalid(true);
            return;
        }
        try {
            Methodology created = methodologies.addVersion(
                    scheme.getValue(), province.getValue(), year.getValue(), name.getValue(), definition.getValue());
            refresh(created);
            Notification.show(
                            getTranslation(
                                    "index.ui.methodology.saved", created.scheme(), String.valueOf(created.version())),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            String field = ex.errors().isEmpty()
                    ? "definition"
                    : ex.errors().getFirst().field();
            String detail = ex.errors().isEmpty()
                    ? ex.getMessage()
                    : ex.errors().getFirst().message();
            switch (field) {
                case "name" -> {
                    name.setErrorMessage(getTranslation("index.ui.methodology.jsonNameRequired"));
                    name.setInvalid(true);
                }
                case "year" -> {
                    year.setErrorMessage(getTranslation("index.ui.methodology.jsonYearOutOfRange", detail));
                    year.setInvalid(true);
                }
                default -> {
                    definition.setErrorMessage(getTranslation("index.ui.methodology.definitionInvalid", detail));
                    definition.setInvalid(true);
                }
            }
        }
    }

    private static String pretty(Methodology.Definition d) {
        return MethodologyService.toJson(d);
    }
}
