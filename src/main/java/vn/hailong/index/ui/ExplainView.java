package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.Methodology;
import vn.hailong.index.UnitInputs;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.Roles;

/**
 * "Explain this score": for a unit and a snapshot, every indicator's inputs, exact and rounded
 * average, the band, the Decision 766 ratios and points, the PAR points and the rank — what a
 * unit head needs to check or dispute their number. Unit managers see their own units, published only.
 */
@Route("index/explain")
@PageTitle("Giải thích điểm · Hài Lòng")
@Menu(title = "Giải thích điểm", order = 3)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_MANAGER, Roles.AUDITOR})
public class ExplainView extends VerticalLayout implements BeforeEnterObserver {

    private final IndexSnapshotService snapshots;
    private final Select<IndexSnapshotService.Snapshot> snapshot = new Select<>();
    private final Select<String> unit = new Select<>();
    private final Div body = new Div();
    private Map<String, String> unitNames = Map.of();

    private final boolean province;
    private final Div hint = new Div();

    public ExplainView(IndexSnapshotService snapshots, AuthenticationContext auth) {
        this.snapshots = snapshots;
        this.province = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        setWidthFull();
        snapshot.setLabel("Kỳ");
        snapshot.setItemLabelGenerator(s -> s.period() + " · " + s.scheme() + " v" + s.methodologyVersion()
                + switch (s.status()) {
                    case PUBLISHED -> " · đã công bố";
                    case CORRECTED -> " · đã được đính chính";
                    case DRAFT -> " · bản nháp";
                });
        List<IndexSnapshotService.Snapshot> explainable = snapshots.explainable();
        snapshot.setItems(explainable);
        snapshot.setId("explain-snapshot");
        snapshot.setWidth("20em");
        unit.setLabel("Đơn vị");
        unit.setItemLabelGenerator(code -> unitNames.getOrDefault(code, code));
        unit.setId("explain-unit");
        unit.setWidth("28em");
        snapshot.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                unitNames = snapshots.explainableUnits(e.getValue().id());
                unit.setItems(unitNames.keySet());
                render();
            }
        });
        unit.addValueChangeListener(e -> render());
        body.setWidthFull();
        body.setId("explanation");
        hint.setId("explain-hint");
        HorizontalLayout choosers = new HorizontalLayout(snapshot, unit);
        choosers.getStyle().set("flex-wrap", "wrap");
        add(new H2("Giải thích điểm của đơn vị"), choosers, hint, body);
        if (explainable.isEmpty()) {
            choosers.setVisible(false);
            showEmpty();
        } else {
            render();
        }
    }

    /** Nothing to explain yet: say why, and where to go instead. */
    private void showEmpty() {
        hint.removeAll();
        Paragraph why = new Paragraph(
                province
                        ? "Chưa có kỳ nào được tính. Điểm của một đơn vị được giải thích sau khi kỳ đó được tính (bản nháp) hoặc công bố."
                        : "Chưa có kỳ nào được công bố. Điểm của đơn vị được giải thích ở đây sau khi tỉnh tính và công bố chỉ số của một kỳ "
                                + "(thường vào đầu tháng sau).");
        why.setId("explain-empty");
        Div ways = new Div();
        ways.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        if (province) {
            ways.add(link("index", "Tính và công bố chỉ số"));
        }
        ways.add(link("bang-dieu-khien", "Về bảng điều khiển"), link("open-data", "Xem dữ liệu mở"));
        hint.add(why, ways);
    }

    private static Anchor link(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        String id =
                params.getOrDefault("snapshot", List.of()).stream().findFirst().orElse(null);
        String code =
                params.getOrDefault("unit", List.of()).stream().findFirst().orElse(null);
        if (id != null) {
            try {
                UUID uuid = UUID.fromString(id);
                snapshots.explainable().stream()
                        .filter(s -> s.id().equals(uuid))
                        .findFirst()
                        .ifPresent(snapshot::setValue);
            } catch (IllegalArgumentException ignored) {
                // a mistyped link shows the empty chooser
            }
        }
        if (code != null && unitNames.containsKey(code)) {
            unit.setValue(code);
        }
    }

    private void render() {
        body.removeAll();
        hint.removeAll();
        if (snapshot.getValue() == null) {
            hint.add(new Paragraph("Chọn một kỳ, rồi chọn đơn vị, để xem điểm được tính từ những số liệu nào."));
            return;
        }
        if (unitNames.isEmpty()) {
            hint.add(new Paragraph(
                    "Kỳ " + snapshot.getValue().period() + " không có đơn vị nào bạn được xem. Hãy chọn kỳ khác, "
                            + "hoặc đề nghị quản trị viên gán đơn vị cho tài khoản của bạn."));
            return;
        }
        if (unit.getValue() == null) {
            hint.add(new Paragraph(
                    "Chọn đơn vị để xem giải thích điểm (" + unitNames.size() + " đơn vị trong kỳ này)."));
            return;
        }
        IndexSnapshotService.Explanation e =
                snapshots.explain(snapshot.getValue().id(), unit.getValue());
        UnitResult r = e.result();
        UnitInputs in = e.inputs();
        Methodology.Definition m = e.methodology().definition();

        H3 title = new H3(r.unitName() + " · kỳ " + e.snapshot().period());
        Paragraph meta = new Paragraph("Phương pháp " + e.methodology().scheme() + " phiên bản "
                + e.methodology().version() + " ("
                + e.methodology().name() + "). "
                + (e.snapshot().isPublished()
                        ? "Công bố lúc " + IndexFormat.time(e.snapshot().publishedAt()) + "."
                                + (e.snapshot().correctionReason() == null
                                        ? ""
                                        : " Bản đính chính, lý do: "
                                                + e.snapshot().correctionReason() + ".")
                                + (e.snapshot().status() == IndexSnapshotService.Status.CORRECTED
                                        ? " Kết quả này đã được thay thế bằng một bản đính chính."
                                        : "")
                        : "Bản nháp, chưa công bố.")
                + " Mã băm dữ liệu: " + e.snapshot().inputsHash());
        meta.getStyle().set("word-break", "break-all");

        FlexLayout cards = new FlexLayout(
                card("Điểm TT 01/2018", IndexFormat.number(r.circular01Total()) + " / 18", IndexFormat.band(r)),
                card(
                        "QĐ 766 — nhóm hài lòng",
                        IndexFormat.number(r.decision766().totalPoints()) + " / "
                                + IndexFormat.number(r.decision766().maxPoints()),
                        "3 tỷ lệ bên dưới"),
                card(
                        "Tỷ lệ hài lòng",
                        IndexFormat.percent(r.satisfactionRate()),
                        (r.satisfaction() == null || r.satisfaction().lowerPercent() == null
                                        ? ""
                                        : "KTC 95 %: "
                                                + IndexFormat.number(
                                                        r.satisfaction().lowerPercent()) + "–"
                                                + IndexFormat.number(
                                                        r.satisfaction().upperPercent()) + " % · ")
                                + "n = " + IndexFormat.count(r.ratings()) + " lượt đánh giá / "
                                + IndexFormat.count(r.dossiers()) + " hồ sơ"),
                card(
                        "Điểm khảo sát CCHC",
                        IndexFormat.number(r.parSurveyPoints()) + " / "
                                + IndexFormat.number(m.par().component().maxPoints()),
                        r.parBand() == null ? "—" : r.parBand()),
                card(
                        "Xếp hạng trong nhóm " + IndexLabels.peerGroup(r.peerGroup()),
                        r.rank() == null
                                ? (r.has(UnitResult.INSUFFICIENT_SAMPLE) ? "Chưa đủ số đánh giá" : "—")
                                : "Hạng " + r.rank(),
                        r.has(UnitResult.INSUFFICIENT_SAMPLE)
                                ? IndexFormat.count(r.ratings()) + " lượt, cần tối thiểu "
                                        + IndexFormat.count(m.ranking().minimumRatings()) + " để được xếp hạng"
                                : IndexFormat.rankChange(r.rankChange())));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");

        Grid<UnitResult.IndicatorResult> indicators = new Grid<>();
        indicators
                .addColumn(i -> "Chỉ số " + i.number())
                .setHeader("Chỉ số")
                .setAutoWidth(true)
                .setFlexGrow(0);
        indicators
                .addColumn(i -> IndexFormat.source(i.source()))
                .setHeader("Nguồn")
                .setAutoWidth(true);
        indicators.addColumn(IndexFormat::note).setHeader("Dữ liệu").setFlexGrow(2);
        indicators
                .addColumn(i -> i.numerator() == null
                        ? "—"
                        : IndexFormat.number(i.numerator()) + " / " + IndexFormat.count(i.denominator()))
                .setHeader("Tử số / mẫu số")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators
                .addColumn(i -> IndexFormat.number(i.exact()))
                .setHeader("Giá trị chính xác")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators
                .addColumn(i -> i.average() == null ? "thiếu (0)" : IndexFormat.number(i.average()))
                .setHeader("Làm tròn (điểm)")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        indicators.setItems(r.indicators());
        indicators.setAllRowsVisible(true);
        indicators.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        indicators.setId("indicators");

        Paragraph sum = new Paragraph("Tổng = " + IndexFormat.number(r.circular01Sum()) + " → làm tròn "
                + IndexFormat.rounding(m.circular01().totalRounding())
                + " = " + IndexFormat.number(r.circular01Total()) + " → xếp loại " + IndexFormat.band(r)
                + " (Xuất sắc > "
                + IndexFormat.number(m.circular01().bands().excellentAbove()) + "; Tốt "
                + IndexFormat.number(m.circular01().bands().goodFrom())
                + "–" + IndexFormat.number(m.circular01().bands().excellentAbove()) + "; Khá từ "
                + IndexFormat.number(m.circular01().bands().fairFrom())
                + "; Trung bình từ " + IndexFormat.number(m.circular01().bands().averageFrom())
                + "). Mỗi trung bình được làm tròn "
                + IndexFormat.rounding(m.circular01().averageRounding()) + " trước khi cộng; chỉ số thiếu tính 0.");
        sum.setId("tt01-sum");

        UnitResult.Decision766Result d = r.decision766();
        Grid<Object[]> ratios = new Grid<>();
        ratios.addColumn(o -> (String) o[0]).setHeader("Tỷ lệ (QĐ 766)").setFlexGrow(2);
        ratios.addColumn(o -> (String) o[1])
                .setHeader("Tử số / mẫu số")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.addColumn(o -> IndexFormat.percent((BigDecimal) o[2]))
                .setHeader("Tỷ lệ")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.addColumn(o -> IndexFormat.number((BigDecimal) o[3]) + " / " + IndexFormat.number((BigDecimal) o[4]))
                .setHeader("Điểm")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        ratios.setItems(List.of(
                row(
                        "Hồ sơ hài lòng (không: đánh giá Không hài lòng " + in.dissatisfiedRatings()
                                + ", có PAKN về giải quyết " + in.dossiersWithComplaint() + ", trễ hạn " + in.late()
                                + ")",
                        d.dossierSatisfaction()),
                row("PAKN xử lý đúng hạn", d.complaintsOnTime()),
                row("PAKN hài lòng (không: không hài lòng hoặc trễ hạn)", d.complaintSatisfaction())));
        ratios.setAllRowsVisible(true);
        ratios.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ratios.setId("ratios");
        Paragraph curve = new Paragraph("Điểm = tối đa × f(tỷ lệ, mục tiêu): "
                + IndexLabels.of("curve", m.decision766().curve())
                + "; tỷ lệ và điểm làm tròn "
                + IndexFormat.rounding(m.decision766().pointsRounding())
                + ". Không có PAKN: hai tỷ lệ PAKN tính 100 %.");

        Paragraph par = new Paragraph("Điểm khảo sát CCHC = trọng số "
                + IndexFormat.number(m.par().component().weight()) + " × tỷ lệ hài lòng "
                + IndexFormat.rateWithInterval(r.satisfactionRate(), r.satisfaction()) + " = "
                + IndexFormat.number(r.parSurveyPoints())
                + " (tối đa " + IndexFormat.number(m.par().component().maxPoints()) + ", "
                + IndexFormat.percent(r.parSurveyPercent()) + ", "
                + (r.parBand() == null ? "chưa xếp nhóm" : r.parBand()) + "; nhóm xếp "
                + IndexLabels.of("bandBasis", m.par().bandBasis())
                + "). Xếp hạng theo " + IndexLabels.of("rankBy", m.ranking().rankBy())
                + (m.ranking().withinPeerGroups()
                        ? " trong nhóm " + IndexLabels.peerGroup(r.peerGroup())
                        : " chung mọi đơn vị")
                + "; điểm bằng nhau cùng hạng (1, 2, 2, 4)"
                + (m.ranking().minimumRatings() > 0
                        ? "; đơn vị có dưới " + IndexFormat.count(m.ranking().minimumRatings())
                                + " lượt đánh giá không được xếp hạng"
                        : "")
                + (r.previousRank() == null ? "." : "; kỳ trước hạng " + r.previousRank() + "."));
        par.setId("par");

        Grid<UnitResult.CriterionRate> criteria = new Grid<>();
        criteria.addColumn(c -> capitalised(IndexLabels.criterion(c.criterion())))
                .setHeader("Tiêu chí")
                .setAutoWidth(true);
        criteria.addColumn(c -> IndexFormat.count(c.satisfied()) + " / " + IndexFormat.count(c.answers()))
                .setHeader("Hài lòng / trả lời")
                .setTextAlign(ColumnTextAlign.END);
        criteria.addColumn(c -> IndexFormat.rateWithInterval(
                        c.ratePercent(),
                        c.ratePercent() == null
                                ? null
                                : UnitResult.SatisfactionSample.of(
                                        c.satisfied(),
                                        c.answers(),
                                        c.ratePercent().scale())))
                .setHeader("Tỷ lệ (KTC 95 %; n)")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        criteria.setId("criteria");
        criteria.setItems(r.criterionRates());
        criteria.setAllRowsVisible(true);
        criteria.addThemeVariants(GridVariant.LUMO_COMPACT);

        body.add(
                title,
                meta,
                cards,
                new H3("9 chỉ số theo Thông tư 01/2018"),
                indicators,
                sum,
                new H3("Nhóm hài lòng theo Quyết định 766/QĐ-TTg"),
                ratios,
                curve,
                new H3("Khảo sát CCHC và xếp hạng"),
                par,
                new H3("Tỷ lệ hài lòng theo tiêu chí"),
                criteria);
    }

    private static Object[] row(String label, UnitResult.Ratio ratio) {
        return new Object[] {
            label,
            IndexFormat.count(ratio.part()) + " / " + IndexFormat.count(ratio.whole()),
            ratio.ratePercent(),
            ratio.points(),
            ratio.maxPoints()
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Component card(String label, String value, String detail) {
        Span l = new Span(label);
        l.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span d = new Span(detail);
        d.getStyle().set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout card = new VerticalLayout(l, v, d);
        card.setSpacing(false);
        card.setWidth("14em");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }
}
