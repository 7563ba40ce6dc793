package vn.hailong.paperform.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.paperform.PaperFormService;
import vn.hailong.paperform.PaperFormService.AwaitingCheck;
import vn.hailong.paperform.PaperFormService.CheckResult;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;

/**
 * The blind second keying: a clerk picks a form drawn for checking (not one they keyed) and keys
 * it again from the paper, without seeing the first keying; the result says whether they agree.
 */
@Route("nhap-phieu/lan-hai")
@PageTitle("Nhập lần hai · Hài Lòng")
@RolesAllowed(Roles.DATA_ENTRY)
@StyleSheet("styles/followup.css")
public class SecondKeyingView extends Div {

    private final PaperFormService service;
    private final PaperFormFields fields;
    private final Grid<AwaitingCheck> awaiting = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final Formats formats;

    public SecondKeyingView(PaperFormService service, Formats formats) {
        this.service = service;
        this.formats = formats;
        this.fields = new PaperFormFields(service.questionnaire());
        addClassName("followup");
        add(new H2(getTranslation("paperform.ui.secondKeying.title")));
        add(new Paragraph(getTranslation("paperform.ui.secondKeying.intro")));
        Div list = new Div(new H3(getTranslation("paperform.ui.secondKeying.awaitingTitle")));
        list.addClassName("card");
        awaiting.addColumn(AwaitingCheck::serial)
                .setHeader(getTranslation("paperform.ui.secondKeying.column.serial"))
                .setAutoWidth(true);
        awaiting.addColumn(a -> formats.hourThenFullDay(a.keyedAt()))
                .setHeader(getTranslation("paperform.ui.secondKeying.column.keyedAt"))
                .setAutoWidth(true);
        awaiting.setEmptyStateText(getTranslation("paperform.ui.secondKeying.noneAwaiting"));
        awaiting.setAllRowsVisible(true);
        awaiting.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        awaiting.setId("awaiting");
        awaiting.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fields.serial.setValue(e.getValue().serial());
                fields.dossierCode.focus();
            }
        });
        list.add(awaiting);
        add(list);
        Div card = new Div(fields);
        card.addClassName("card");
        fields.serial.setReadOnly(true);
        Button check = new Button(getTranslation("paperform.ui.secondKeying.save"), e -> check());
        check.setId("save");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("result");
        result.getElement().setAttribute("role", "status");
        card.add(check, result);
        add(card);
        add(new Paragraph(new Anchor("nhap-phieu", getTranslation("paperform.ui.secondKeying.newFormLink"))));
        refresh();
    }

    private void refresh() {
        awaiting.setItems(service.awaitingSecondKeying());
    }

    private void check() {
        fields.clearErrors();
        result.removeClassName("error");
        try {
            CheckResult checked = service.keySecond(fields.entry());
            fields.clear();
            fields.serial.setValue("");
            result.setText(
                    checked.matches()
                            ? getTranslation("paperform.ui.secondKeying.matches", checked.serial())
                            : getTranslation(
                                    "paperform.ui.secondKeying.differs",
                                    checked.serial(),
                                    PaperFormLabels.fields(checked.mismatchedFields())));
            refresh();
        } catch (InvalidInputException e) {
            failed(fields.show(e));
        } catch (ConflictException e) {
            failed(fields.show(e));
            refresh();
        } catch (NotFoundException e) {
            failed(e.getMessage());
        }
    }

    private void failed(String message) {
        result.addClassName("error");
        result.setText(getTranslation("paperform.ui.secondKeying.notSaved", message));
    }
}
