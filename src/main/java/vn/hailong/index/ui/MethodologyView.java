package vn.hailong.index.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

import vn.hailong.index.Methodology;
import vn.hailong.index.MethodologyService;
import vn.hailong.platform.InvalidInputException;

/**
 * The methodologies: every version of a scheme, readable, and a new version made from a copy of
 * an existing one. Versions are never edited, so what was published stays explained by the
 * version it names.
 */
@Route("index/methodology")
@PageTitle("Phương pháp tính chỉ số · Hài Lòng")
@Menu(title = "Phương pháp tính", order = 4.5)
@RolesAllowed({"ADMIN", "PROVINCE_MANAGER", "AUDITOR"})
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

    public MethodologyView(MethodologyService methodologies, AuthenticationContext auth) {
        this.methodologies = methodologies;
        this.canChange = auth.hasAnyRole("ADMIN", "PROVINCE_MANAGER");
        setWidthFull();

        scheme.setLabel("Phương pháp");
        scheme.setItems(methodologies.schemes());
        scheme.setId("methodology-scheme");
        scheme.addValueChangeListener(e -> refresh(null));

        versions.addColumn(Methodology::version).setHeader("Phiên bản").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(Methodology::name).setHeader("Tên").setFlexGrow(1);
        versions.addColumn(m -> m.year() == null ? "mọi năm" : String.valueOf(m.year())).setHeader("Năm").setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(m -> m.province() == null ? "—" : m.province()).setHeader("Tỉnh").setWidth("7em").setFlexGrow(0);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setHeight("12em");
        versions.setId("methodology-versions");
        versions.addItemClickListener(e -> show(e.getItem()));

        Button copy = new Button("Tạo phiên bản mới từ phiên bản này", e -> openEditor());
        copy.setId("methodology-copy");
        copy.setVisible(canChange);
        selectedTitle.setId("methodology-title");
        summary.setId("methodology-summary");
        rules.setId("methodology-rules");
        // It scrolls, so keyboard users must be able to reach it.
        rules.getElement().setAttribute("tabindex", "0");
        rules.getElement().setAttribute("aria-label", "Quy tắc của phiên bản đang xem (JSON)");
        rules.getStyle().set("max-height", "24em").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)").set("width", "100%")
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
        definition.setHelperText("Sửa các giá trị cần thay đổi. Mỗi lần lưu tạo một phiên bản mới; phiên bản cũ và các kỳ đã công bố "
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

        HorizontalLayout header = new HorizontalLayout(selectedTitle, copy);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2("Phương pháp tính chỉ số"),
                new Paragraph("Mỗi phương pháp có nhiều phiên bản. Mỗi kỳ được tính theo phiên bản mới nhất áp dụng cho năm của kỳ, "
                        + "và ghi lại phiên bản đó; thay đổi phương pháp không làm thay đổi kết quả đã công bố."),
                scheme, versions, header, summary, rules, editor);
        List<String> schemes = methodologies.schemes();
        if (!schemes.isEmpty()) {
            scheme.setValue(schemes.contains(MethodologyService.DEFAULT_SCHEME) ? MethodologyService.DEFAULT_SCHEME : schemes.getFirst());
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
        var bands = d.circular01().bands();
        summary.setText("Xếp loại TT 01: Xuất sắc trên " + IndexFormat.number(bands.excellentAbove()) + ", Tốt từ "
                + IndexFormat.number(bands.goodFrom()) + ", Khá từ " + IndexFormat.number(bands.fairFrom()) + ", Trung bình từ "
                + IndexFormat.number(bands.averageFrom()) + ". Hài lòng: câu \"" + d.satisfaction().criterion() + "\" đạt từ " + d.satisfaction().satisfiedMinPoints() + " điểm. "
                + "Điểm CCHC: " + IndexFormat.number(d.par().component().weight()) + " × tỷ lệ (tối đa "
                + IndexFormat.number(d.par().component().maxPoints()) + "). Xếp hạng theo " + d.ranking().rankBy()
                + (d.ranking().withinPeerGroups() ? ", trong từng nhóm." : ", chung mọi đơn vị."));
        rules.setText(pretty(d));
        editor.setVisible(false);
    }

    private void openEditor() {
        if (selected == null) {
            return;
        }
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
            Methodology created = methodologies.addVersion(scheme.getValue(), province.getValue(), year.getValue(), name.getValue(),
                    definition.getValue());
            refresh(created);
            Notification.show("Đã lưu " + created.scheme() + " phiên bản " + created.version() + ".", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            String field = ex.errors().isEmpty() ? "definition" : ex.errors().getFirst().field();
            String detail = ex.errors().isEmpty() ? ex.getMessage() : ex.errors().getFirst().message();
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
