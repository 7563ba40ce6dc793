package vn.hailong.index.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

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
 * version it names.
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
    private final TextField name = new TextField("Tên phiên bản mới");
    private final IntegerField year = new IntegerField("Áp dụng cho năm (để trống: mọi năm)");
    private final TextField province = new TextField("Tỉnh (để trống: mọi tỉnh)");
    private final TextArea definition = new TextArea("Quy tắc (JSON)");
    private final boolean canChange;
    private Methodology selected;
    private final Div readable = new Div();
    private final VerticalLayout form = new VerticalLayout();
    private final TextField formName = new TextField("Tên phiên bản mới");
    private final IntegerField formYear = new IntegerField("Áp dụng cho năm (để trống: mọi năm)");
    private final TextField formProvince = new TextField("Tỉnh (để trống: mọi tỉnh)");
    private final MethodologyFormFields fields = new MethodologyFormFields();

    public MethodologyView(MethodologyService methodologies, AuthenticationContext auth) {
        this.methodologies = methodologies;
        this.canChange = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        setWidthFull();

        scheme.setLabel("Phương pháp");
        scheme.setItems(methodologies.schemes());
        scheme.setId("methodology-scheme");
        scheme.addValueChangeListener(e -> refresh(null));

        versions.addColumn(Methodology::version)
                .setHeader("Phiên bản")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(Methodology::name).setHeader("Tên").setFlexGrow(1);
        versions.addColumn(m -> m.year() == null ? "mọi năm" : String.valueOf(m.year()))
                .setHeader("Năm")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(m -> m.province() == null ? "—" : m.province())
                .setHeader("Tỉnh")
                .setWidth("7em")
                .setFlexGrow(0);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setHeight("12em");
        versions.setId("methodology-versions");
        versions.addItemClickListener(e -> show(e.getItem()));

        Button edit = new Button("Sửa thành phiên bản mới", e -> openForm());
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId("methodology-edit");
        edit.setVisible(canChange);
        Button copy = new Button("Nhập JSON thành phiên bản mới", e -> openEditor());
        copy.setId("methodology-copy");
        copy.setVisible(canChange);
        readable.setId("methodology-readable");
        readable.setWidthFull();
        selectedTitle.setId("methodology-title");
        summary.setId("methodology-summary");
        rules.setId("methodology-rules");
        // It scrolls, so keyboard users must be able to reach it.
        rules.getElement().setAttribute("tabindex", "0");
        rules.getElement().setAttribute("aria-label", "Quy tắc của phiên bản đang xem (JSON)");
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
        definition.setHelperText(
                "Sửa các giá trị cần thay đổi. Mỗi lần lưu tạo một phiên bản mới; phiên bản cũ và các kỳ đã công bố "
                        + "không thay đổi. (Saving creates a new version; published periods keep theirs.)");
        Button save = new Button("Lưu thành phiên bản mới", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("methodology-save");
        Button cancel = new Button("Huỷ", e -> editor.setVisible(false));
        HorizontalLayout meta = new HorizontalLayout(name, year, province);
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        meta.getStyle().set("flex-wrap", "wrap");
        editor.setPadding(false);
        editor.add(new H3("Phiên bản mới"), meta, definition, new HorizontalLayout(save, cancel));
        editor.setVisible(false);

        formName.setWidth("30em");
        formName.setMaxLength(200);
        formName.setId("methodology-form-name");
        formYear.setId("methodology-form-year");
        formYear.setWidth("16em");
        formProvince.setId("methodology-form-province");
        Button formSave = new Button("Lưu thành phiên bản mới", e -> saveForm());
        formSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formSave.setId("methodology-form-save");
        Button formCancel = new Button("Huỷ", e -> form.setVisible(false));
        HorizontalLayout formMeta = new HorizontalLayout(formName, formYear, formProvince);
        formMeta.setAlignItems(FlexComponent.Alignment.BASELINE);
        formMeta.getStyle().set("flex-wrap", "wrap");
        form.setPadding(false);
        form.setId("methodology-form");
        form.add(
                new H3("Phiên bản mới"),
                new Paragraph("Sửa các giá trị cần thay đổi. Khi lưu, các ô chưa hợp lệ được đánh dấu kèm lý do; "
                        + "chưa có gì được lưu cho đến khi mọi ô hợp lệ."),
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
        summaryLine.setText("Quy tắc dạng JSON (để xuất hoặc nhập)");
        details.appendChild(summaryLine, rules.getElement());
        json.getElement().appendChild(details);
        HorizontalLayout header = new HorizontalLayout(selectedTitle, edit, copy);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("flex-wrap", "wrap");
        add(
                new H2("Phương pháp tính chỉ số"),
                new Paragraph(
                        "Mỗi phương pháp có nhiều phiên bản. Mỗi kỳ được tính theo phiên bản mới nhất áp dụng cho năm của kỳ, "
                                + "và ghi lại phiên bản đó; thay đổi phương pháp không làm thay đổi kết quả đã công bố."),
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

    private void refresh(Methodology show) {
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
        selectedTitle.setText(m.scheme() + " phiên bản " + m.version() + " — " + m.name());
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
        formName.setValue(selected.name() + " (sửa đổi)");
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
            formYear.setErrorMessage("Nhập một năm, ví dụ 2027, hoặc để trống.");
            formYear.setInvalid(true);
            return;
        }
        try {
            Methodology created = methodologies.addVersion(
                    scheme.getValue(),
                    formProvince.getValue(),
                    formYear.getValue(),
                    formName.getValue(),
                    selected.id(),
                    fields.edits());
            refresh(created);
            Notification.show(
                            "Đã lưu " + created.scheme() + " phiên bản " + created.version() + ".",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            for (InvalidInputException.FieldError error : ex.errors()) {
                switch (error.field()) {
                    case "name" -> {
                        formName.setErrorMessage("Hãy đặt tên cho phiên bản.");
                        formName.setInvalid(true);
                    }
                    case "year" -> {
                        formYear.setErrorMessage("Năm từ 2000 đến 2100, hoặc để trống.");
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
        name.setValue(selected.name() + " (sửa đổi)");
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
            year.setErrorMessage("Nhập một năm, ví dụ 2027, hoặc để trống (a year or nothing).");
            year.setInvalid(true);
            return;
        }
        try {
            Methodology created = methodologies.addVersion(
                    scheme.getValue(), province.getValue(), year.getValue(), name.getValue(), definition.getValue());
            refresh(created);
            Notification.show(
                            "Đã lưu " + created.scheme() + " phiên bản " + created.version() + ".",
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
                    name.setErrorMessage("Hãy đặt tên cho phiên bản (a name is required).");
                    name.setInvalid(true);
                }
                case "year" -> {
                    year.setErrorMessage("Năm từ 2000 đến 2100, hoặc để trống (" + detail + ").");
                    year.setInvalid(true);
                }
                default -> {
                    definition.setErrorMessage("Quy tắc chưa hợp lệ: " + detail);
                    definition.setInvalid(true);
                }
            }
        }
    }

    private static String pretty(Methodology.Definition d) {
        return MethodologyService.toJson(d);
    }
}
