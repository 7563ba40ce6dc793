package vn.hailong.paperform.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.paperform.PaperFormService;
import vn.hailong.paperform.PaperFormService.KeyedForm;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/** The data-entry clerk's page: key one paper form after another. */
@Route("nhap-phieu")
@PageTitle("Nhập phiếu khảo sát giấy · Hài Lòng")
@Menu(title = "Nhập phiếu giấy", order = 1)
@RolesAllowed(Roles.DATA_ENTRY)
@StyleSheet("styles/followup.css")
public class PaperFormView extends Div {

    private final PaperFormService service;
    private final PaperFormFields fields;
    private final Paragraph result = new Paragraph();

    public PaperFormView(PaperFormService service) {
        this.service = service;
        this.fields = new PaperFormFields(service.questionnaire());
        addClassName("followup");
        add(new H2("Nhập phiếu khảo sát giấy"));
        add(new Paragraph(
                "Chép đúng những gì người dân đánh dấu trên phiếu. Mỗi phiếu chỉ nhập một lần (theo số sê-ri); "
                        + "một số phiếu được chọn ngẫu nhiên để người khác nhập lại, không xem lần nhập đầu, nhằm phát hiện nhập sai. "
                        + "Bạn không được nhập phiếu của hồ sơ mình đã xử lý."));
        Div card = new Div(fields);
        card.addClassName("card");
        Button save = new Button("Lưu phiếu", e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(card);
        result.setId("result");
        result.getElement().setAttribute("role", "status");
        card.add(save, result);
        add(card);
        add(new Paragraph(new Anchor("nhap-phieu/lan-hai", "Nhập lần hai các phiếu được chọn kiểm tra →")));
        fields.serial.focus();
    }

    private void save() {
        fields.clearErrors();
        result.removeClassName("error");
        try {
            KeyedForm keyed = service.keyIn(fields.entry());
            fields.clear();
            result.setText("Đã lưu phiếu " + keyed.serial() + " của hồ sơ " + keyed.dossierCode() + "."
                    + (keyed.secondKeyingDue()
                            ? " Phiếu này được chọn để một người khác nhập lần hai: để riêng phiếu giấy ra."
                            : ""));
        } catch (InvalidInputException e) {
            failed(fields.show(e));
        } catch (ConflictException e) {
            failed(fields.show(e));
        }
    }

    private void failed(String otherMessages) {
        result.addClassName("error");
        result.setText("Chưa lưu: sửa các ô được đánh dấu. " + otherMessages);
    }
}
