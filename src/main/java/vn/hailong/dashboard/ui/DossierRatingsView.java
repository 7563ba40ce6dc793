package vn.hailong.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import vn.hailong.dashboard.DashboardService;
import vn.hailong.platform.NotFoundException;
import vn.hailong.rating.RatingFacts;

/** A dossier and every rating of it (counted or not), reached from the dashboard's list of unhappy ratings. */
@Route("ho-so")
@PageTitle("Hồ sơ · Hài Lòng")
@RolesAllowed({"ADMIN", "PROVINCE_MANAGER", "UNIT_MANAGER", "AUDITOR"})
public class DossierRatingsView extends Div implements HasUrlParameter<String> {

    private final DashboardService dashboard;

    public DossierRatingsView(DashboardService dashboard) {
        this.dashboard = dashboard;
        addClassName("dashboard");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        add(new RouterLink("← Bảng điều khiển", DashboardView.class));
        try {
            DashboardService.DossierView view = dashboard.dossier(code);
            var d = view.dossier();
            add(new H2("Hồ sơ " + d.code()));
            Paragraph facts = new Paragraph(d.procedureName() + " · " + d.evaluatedUnitName() + " · tiếp nhận " + Format.time(d.receivedAt())
                    + (d.dueAt() == null ? "" : " · hẹn trả " + Format.time(d.dueAt()))
                    + (d.returnedAt() == null ? " · chưa trả kết quả" : " · trả kết quả " + Format.time(d.returnedAt()))
                    + (d.timeliness() == null ? "" : " (" + switch (d.timeliness()) {
                        case EARLY -> "trước hạn";
                        case ON_TIME -> "đúng hạn";
                        case LATE -> "trễ hạn";
                    } + ")"));
            facts.setId("dossier-facts");
            add(facts);
            Grid<RatingFacts> ratings = new Grid<>();
            ratings.addColumn(r -> Format.time(r.submittedAt())).setHeader("Thời gian").setAutoWidth(true);
            ratings.addColumn(r -> r.channel().name()).setHeader("Kênh").setAutoWidth(true);
            ratings.addColumn(r -> DashboardView.statusLabel(r.status().name())).setHeader("Trạng thái").setAutoWidth(true);
            ratings.addColumn(RatingFacts::overallOption).setHeader("Đánh giá chung").setAutoWidth(true);
            ratings.addColumn(r -> String.join(", ", r.reasons())).setHeader("Lý do");
            ratings.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader("Ý kiến").setFlexGrow(3);
            ratings.setItems(view.ratings());
            ratings.setAllRowsVisible(true);
            ratings.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            ratings.setId("dossier-ratings");
            add(ratings);
        } catch (NotFoundException e) {
            add(new Paragraph("Không tìm thấy hồ sơ " + code + " (no such dossier)."));
        } catch (org.springframework.security.access.AccessDeniedException e) {
            add(new Paragraph("Hồ sơ này thuộc đơn vị ngoài phạm vi của bạn (outside your scope)."));
        }
    }
}
