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
        add(new H2(getTranslation("paperform.ui.entry.title")));
        add(new Paragraph(getTranslation("paperform.ui.entry.intro")));
        Div card = new Div(fields);
        card.addClassName("card");
        Button save = new Button(getTranslation("paperform.ui.entry.save"), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(card);
        result.setId("result");
        result.getElement().setAttribute("role", "status");
        card.add(save, result);
        add(card);
        add(new Paragraph(new Anchor("nhap-phieu/lan-hai", getTranslation("paperform.ui.entry.secondKeyingLink"))));
        fields.serial.focus();
    }

    private void save() {
        fields.clearErrors();
        result.removeClassName("error");
        try {
            KeyedForm keyed = service.keyIn(fields.entry());
            fields.clear();
            result.setText(getTranslation("paperform.ui.entry.saved", keyed.serial(), keyed.dossierCode())
                    + (keyed.secondKeyingDue() ? getTranslation("paperform.ui.entry.saved.secondKeyingDue") : ""));
        } catch (InvalidInputException e) {
            failed(fields.show(e));
        } catch (ConflictException e) {
            failed(fields.show(e));
        }
    }

    private void failed(String otherMessages) {
        result.addClassName("error");
        result.setText(getTranslation("paperform.ui.entry.notSaved", otherMessages));
    }
}
