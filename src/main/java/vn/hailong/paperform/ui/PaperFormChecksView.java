package vn.hailong.paperform.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.paperform.PaperFormService;
import vn.hailong.paperform.PaperFormService.Integrity;
import vn.hailong.paperform.PaperFormService.Mismatch;
import vn.hailong.platform.Formats;
import vn.hailong.platform.Roles;

/** Managers' view of paper-form keying: how many forms were keyed and checked, and where two keyings disagreed. */
@Route("phieu-giay")
@PageTitle("Kiểm tra nhập phiếu giấy · Hài Lòng")
@Menu(title = "Phiếu giấy", order = 7)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class PaperFormChecksView extends Div {

    public PaperFormChecksView(PaperFormService service, Formats formats) {
        addClassName("followup");
        Integrity integrity = service.integrity();
        add(new H2(getTranslation("paperform.ui.checks.title")));
        Paragraph figures = new Paragraph(getTranslation(
                "paperform.ui.checks.figures",
                String.valueOf(integrity.keyed()),
                String.valueOf(integrity.checked()),
                String.valueOf(integrity.awaitingCheck()),
                String.valueOf(integrity.mismatched())));
        figures.setId("paper-form-figures");
        add(figures);
        Div card = new Div(new H3(getTranslation("paperform.ui.checks.mismatchesTitle")));
        card.addClassName("card");
        Grid<Mismatch> grid = new Grid<>();
        grid.addColumn(Mismatch::serial)
                .setHeader(getTranslation("paperform.ui.checks.column.serial"))
                .setAutoWidth(true);
        grid.addColumn(Mismatch::dossierCode)
                .setHeader(getTranslation("paperform.ui.checks.column.dossier"))
                .setAutoWidth(true);
        grid.addColumn(m -> PaperFormLabels.fields(m.fields()))
                .setHeader(getTranslation("paperform.ui.checks.column.fields"))
                .setFlexGrow(2);
        grid.addColumn(m -> m.keyedBy() + " / " + m.secondKeyedBy())
                .setHeader(getTranslation("paperform.ui.checks.column.keyedBy"))
                .setAutoWidth(true);
        grid.addColumn(m -> formats.hourThenFullDay(m.secondKeyedAt()))
                .setHeader(getTranslation("paperform.ui.checks.column.checkedAt"))
                .setAutoWidth(true);
        grid.setItems(integrity.mismatches());
        grid.setEmptyStateText(getTranslation("paperform.ui.checks.noMismatches"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("paper-form-mismatches");
        card.add(grid);
        card.add(new Paragraph(getTranslation("paperform.ui.checks.hint")));
        add(card);
    }
}
