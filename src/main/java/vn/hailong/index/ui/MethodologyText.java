package vn.hailong.index.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;

import vn.hailong.index.Circular01Bands;
import vn.hailong.index.Decision766Rules;
import vn.hailong.index.IndicatorSource;
import vn.hailong.index.Methodology;

/** A methodology's rules as Vietnamese sentences and tables, for a Home Affairs official to read. */
final class MethodologyText {

    private MethodologyText() {}

    static void render(HasComponents target, Methodology.Definition d) {
        int max = d.circular01().indicatorMax();
        Circular01Bands b = d.circular01().bands();
        target.add(
                new H4("Điểm theo Thông tư 01/2018"),
                sentence(
                        "tt01-rule",
                        "Chín chỉ số, mỗi chỉ số tối đa " + max + " điểm (tổng tối đa " + max * 9
                                + "). Trung bình mỗi chỉ số "
                                + "được làm tròn "
                                + IndexFormat.rounding(d.circular01().averageRounding())
                                + " rồi cộng lại; tổng làm tròn "
                                + IndexFormat.rounding(d.circular01().totalRounding())
                                + ". Chỉ số không có số liệu tính 0 điểm và được ghi chú."),
                table(
                        "tt01-bands",
                        List.of("Xếp loại", "Tổng điểm"),
                        List.of(
                                List.of("Xuất sắc", "trên " + n(b.excellentAbove())),
                                List.of("Tốt", "từ " + n(b.goodFrom()) + " đến " + n(b.excellentAbove())),
                                List.of("Khá", "từ " + n(b.fairFrom()) + " đến dưới " + n(b.goodFrom())),
                                List.of("Trung bình", "từ " + n(b.averageFrom()) + " đến dưới " + n(b.fairFrom())),
                                List.of("Yếu", "dưới " + n(b.averageFrom())))));
        List<List<String>> indicators = new ArrayList<>();
        for (Methodology.Indicator i : d.indicators()) {
            String source = IndexLabels.of("source", i.source());
            if (i.source() == IndicatorSource.CITIZEN_ANSWER) {
                source += ": " + IndexLabels.criterion(i.criterion());
            } else if (i.source() == IndicatorSource.COMPLAINTS_ON_TIME) {
                source += ": " + max + " điểm khi không có PAKN hoặc từ "
                        + IndexFormat.percent(d.complaintsIndicator().fullPercent())
                        + " xử lý đúng hạn, " + n(BigDecimal.valueOf(max).divide(BigDecimal.TWO)) + " từ "
                        + IndexFormat.percent(d.complaintsIndicator().partialPercent())
                        + ", còn lại 0";
            }
            indicators.add(List.of("Chỉ số " + i.number(), capitalised(source)));
        }
        target.add(table("tt01-indicators", List.of("Chỉ số", "Nguồn số liệu"), indicators));

        Methodology.SatisfactionRule sat = d.satisfaction();
        target.add(
                new H4("Tỷ lệ hài lòng"),
                sentence(
                        "satisfaction-rule",
                        "Số câu trả lời về " + IndexLabels.criterion(sat.criterion())
                                + " đạt từ " + sat.satisfiedMinPoints()
                                + " điểm trở lên (hài lòng hoặc rất hài lòng), chia cho số câu trả lời, làm tròn "
                                + IndexFormat.rounding(sat.rateRounding())
                                + ". Mỗi tỷ lệ kèm khoảng tin cậy 95 % (Wilson) và số lượt đánh giá n."));

        Decision766Rules r = d.decision766();
        target.add(
                new H4("Nhóm hài lòng theo Quyết định 766/QĐ-TTg"),
                table(
                        "d766-targets",
                        List.of("Tỷ lệ", "Điểm tối đa", "Mục tiêu"),
                        List.of(
                                List.of(
                                        "Hồ sơ hài lòng",
                                        n(r.dossierSatisfaction().maxPoints()),
                                        IndexFormat.percent(
                                                r.dossierSatisfaction().targetPercent())),
                                List.of(
                                        "PAKN xử lý đúng hạn",
                                        n(r.complaintsOnTime().maxPoints()),
                                        IndexFormat.percent(r.complaintsOnTime().targetPercent())),
                                List.of(
                                        "PAKN hài lòng",
                                        n(r.complaintSatisfaction().maxPoints()),
                                        IndexFormat.percent(
                                                r.complaintSatisfaction().targetPercent())))),
                sentence(
                        "d766-rule",
                        "Điểm mỗi tỷ lệ: " + IndexLabels.of("curve", r.curve()) + "; tỷ lệ và điểm làm tròn "
                                + IndexFormat.rounding(r.pointsRounding())
                                + ". Một hồ sơ là không hài lòng khi có đánh giá \"Không hài lòng\", "
                                + "có PAKN về việc giải quyết, hoặc trả kết quả trễ hạn. Không có PAKN: hai tỷ lệ PAKN tính 100 %."));

        Methodology.ParSurvey par = d.par();
        List<List<String>> groups = par.bands().stream()
                .map(g -> List.of(g.name(), "từ " + IndexFormat.percent(g.fromPercent())))
                .toList();
        target.add(
                new H4("Điểm khảo sát trong Chỉ số CCHC"),
                sentence(
                        "par-rule",
                        "Điểm = " + n(par.component().weight()) + " × tỷ lệ hài lòng (đã làm tròn), tối đa "
                                + n(par.component().maxPoints()) + " điểm. Xếp nhóm "
                                + IndexLabels.of("bandBasis", par.bandBasis()) + "."),
                table("par-groups", List.of("Nhóm", "Mức"), groups));

        Methodology.RankingRule rank = d.ranking();
        target.add(
                new H4("Xếp hạng"),
                sentence(
                        "ranking-rule",
                        "Xếp hạng theo " + IndexLabels.of("rankBy", rank.rankBy())
                                + (rank.withinPeerGroups()
                                        ? " trong từng nhóm đơn vị (sở, ban, ngành; xã, phường)"
                                        : " chung mọi đơn vị")
                                + "; điểm bằng nhau cùng hạng (1, 2, 2, 4). "
                                + (rank.minimumRatings() > 0
                                        ? "Cỡ mẫu tối thiểu: đơn vị có dưới " + IndexFormat.count(rank.minimumRatings())
                                                + " lượt đánh giá trong kỳ được liệt kê \"chưa đủ số đánh giá\" và không xếp hạng."
                                        : "Không đặt cỡ mẫu tối thiểu: mọi đơn vị có đánh giá đều được xếp hạng.")));

        target.add(
                new H4("Các quy tắc khác"),
                table(
                        "settings",
                        List.of("Quy tắc", "Áp dụng"),
                        List.of(
                                List.of(
                                        "Hồ sơ đúng hạn",
                                        capitalised(IndexLabels.of(
                                                "onTimeBy", d.dossiers().onTimeBy()))),
                                List.of(
                                        "Đơn vị không có hồ sơ trong kỳ",
                                        capitalised(IndexLabels.of(
                                                "withoutDossiers", d.dossiers().withoutDossiers()))),
                                List.of(
                                        "Chỉ số đơn vị nhập cho tháng, quý",
                                        capitalised(IndexLabels.of(
                                                "fallback", d.unitEntries().fallback()))),
                                List.of(
                                        "Chỉ số đơn vị được nhập",
                                        "Chỉ số "
                                                + d.enteredIndicators().stream()
                                                        .map(String::valueOf)
                                                        .collect(Collectors.joining(", "))
                                                + "; các chỉ số khác bị từ chối khi nhập"))));
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId("m-" + id);
        return p;
    }

    /** A plain HTML table: its text is escaped, it reads well on paper and to a screen reader. */
    private static Component table(String id, List<String> headers, List<List<String>> rows) {
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "var(--lumo-space-m)");
        Element head = new Element("tr");
        for (String h : headers) {
            head.appendChild(cell("th", h));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            row.forEach(c -> tr.appendChild(cell("td", c)));
            body.appendChild(tr);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.setId("m-" + id);
        wrapper.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag);
        e.setText(text);
        e.getStyle()
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "0.25em 1em 0.25em 0")
                .set("text-align", "start")
                .set("vertical-align", "top");
        if (tag.equals("th")) {
            e.setAttribute("scope", "col");
        }
        return e;
    }

    private static String n(BigDecimal value) {
        return IndexFormat.number(value);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
