package vn.hailong.moderation.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.moderation.ModerationService;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingWords;

/** Disputes awaiting a second person's decision, and finding a dossier's ratings to dispute one. */
@Route("kiem-duyet")
@PageTitle("Kiểm duyệt đánh giá · Hài Lòng")
@Menu(title = "Kiểm duyệt đánh giá", order = 6)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
@StyleSheet("styles/followup.css")
public class ModerationView extends Div {

    private final ModerationService moderation;
    private final Grid<RatingFacts> found = new Grid<>();
    private final Paragraph foundMessage = new Paragraph();

    public ModerationView(ModerationService moderation) {
        this.moderation = moderation;
        addClassName("followup");
        add(new H2("Kiểm duyệt đánh giá"));
        add(new Paragraph(
                "Một đánh giá không bao giờ bị xoá hay sửa. Đề nghị loại một đánh giá (lời lẽ xúc phạm, nhầm hồ sơ, "
                        + "đánh giá thử hoặc trùng) cần một người thứ hai — lãnh đạo Sở Nội vụ — quyết định. Đánh giá bị loại vẫn hiện "
                        + "trong báo cáo, được ghi \"ĐÃ LOẠI (kiểm duyệt)\"."));

        Div open = new Div(new H3("Đề nghị chờ quyết định"));
        open.addClassName("card");
        Grid<ModerationService.OpenDispute> disputes = new Grid<>();
        disputes.addComponentColumn(
                        d -> new Anchor("kiem-duyet/danh-gia/" + d.dispute().ratingId(), d.dossierCode()))
                .setHeader("Hồ sơ")
                .setAutoWidth(true)
                .setFlexGrow(0);
        disputes.addColumn(ModerationService.OpenDispute::unitName)
                .setHeader("Đơn vị")
                .setFlexGrow(2);
        disputes.addColumn(d -> d.dispute().kind().name().equals("EXCLUDE") ? "Loại đánh giá" : "Khôi phục đánh giá")
                .setHeader("Đề nghị")
                .setAutoWidth(true);
        disputes.addColumn(d -> d.dispute().reason().label()).setHeader("Lý do").setFlexGrow(2);
        disputes.addColumn(d -> d.dispute().raisedBy() + " · "
                        + ModerationLabels.time(d.dispute().raisedAt()))
                .setHeader("Người đề nghị")
                .setAutoWidth(true);
        disputes.setItems(moderation.openDisputes());
        disputes.setEmptyStateText("Không có đề nghị nào đang chờ.");
        disputes.setAllRowsVisible(true);
        disputes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        disputes.setId("open-disputes");
        open.add(disputes);
        add(open);

        Div search = new Div(new H3("Tìm đánh giá theo mã hồ sơ"));
        search.addClassName("card");
        TextField code = new TextField("Mã hồ sơ");
        code.setPlaceholder("000.00.06.H56-231027-0361");
        code.setWidth("22rem");
        code.setId("dossier-code");
        Button find = new Button("Tìm", e -> find(code.getValue()));
        find.addClickShortcut(Key.ENTER);
        Div row = new Div(code, find);
        row.addClassName("filters");
        found.addComponentColumn(
                        r -> new Anchor("kiem-duyet/danh-gia/" + r.id(), ModerationLabels.time(r.submittedAt())))
                .setHeader("Thời gian")
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.channel(r.channel().name()))
                .setHeader("Kênh")
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.answer(r.overallOption()))
                .setHeader("Đánh giá chung")
                .setAutoWidth(true);
        found.addColumn(r -> RatingWords.status(r.status().name()))
                .setHeader("Tình trạng")
                .setAutoWidth(true);
        found.addColumn(r -> r.comment() == null ? "" : r.comment())
                .setHeader("Ý kiến")
                .setFlexGrow(3);
        found.setAllRowsVisible(true);
        found.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        found.setVisible(false);
        found.setId("dossier-ratings");
        foundMessage.setId("search-message");
        search.add(row, foundMessage, found);
        add(search);
    }

    private void find(String code) {
        try {
            var ratings = moderation.ratingsOfDossier(code);
            found.setItems(ratings);
            found.setVisible(!ratings.isEmpty());
            foundMessage.setText(
                    ratings.isEmpty()
                            ? "Hồ sơ này chưa có đánh giá."
                            : "Chọn thời gian của đánh giá để xem và đề nghị kiểm duyệt.");
        } catch (NotFoundException e) {
            found.setVisible(false);
            foundMessage.setText("Không tìm thấy hồ sơ này trong phạm vi của bạn (no such dossier in your scope).");
        }
    }
}
