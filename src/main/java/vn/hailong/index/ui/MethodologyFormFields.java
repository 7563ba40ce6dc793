package vn.hailong.index.ui;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.index.Circular01Rules;
import vn.hailong.index.IndicatorSource;
import vn.hailong.index.Methodology;
import vn.hailong.index.MethodologyEdits;
import vn.hailong.index.PointsCurve;
import vn.hailong.index.UnitIndicatorService;

/**
 * The editable values of a methodology as form fields, one per rule, each found by the JSON path
 * the service names in its errors ({@code ranking.minimumRatings} → the field with id
 * {@code m-ranking-minimumRatings}).
 */
class MethodologyFormFields extends Div {

    private final Map<String, HasValidation> byPath = new LinkedHashMap<>();
    private final BigDecimalField excellentAbove =
            number("circular01.bands.excellentAbove", "Xuất sắc: tổng điểm trên");
    private final BigDecimalField goodFrom = number("circular01.bands.goodFrom", "Tốt: từ");
    private final BigDecimalField fairFrom = number("circular01.bands.fairFrom", "Khá: từ");
    private final BigDecimalField averageFrom =
            number("circular01.bands.averageFrom", "Trung bình: từ (dưới mức này là Yếu)");
    private final BigDecimalField fullPercent =
            number("complaintsIndicator.fullPercent", "Chỉ số 8 được 2 điểm từ (% PAKN đúng hạn)");
    private final BigDecimalField partialPercent =
            number("complaintsIndicator.partialPercent", "Chỉ số 8 được 1 điểm từ (%)");
    private final IntegerField satisfiedMinPoints =
            integer("satisfaction.satisfiedMinPoints", "Hài lòng khi câu trả lời đạt từ (điểm)");
    private final BigDecimalField dossierMax =
            number("decision766.dossierSatisfaction.maxPoints", "Hồ sơ hài lòng: điểm tối đa");
    private final BigDecimalField dossierTarget =
            number("decision766.dossierSatisfaction.targetPercent", "Hồ sơ hài lòng: mục tiêu (%)");
    private final BigDecimalField onTimeMax =
            number("decision766.complaintsOnTime.maxPoints", "PAKN đúng hạn: điểm tối đa");
    private final BigDecimalField onTimeTarget =
            number("decision766.complaintsOnTime.targetPercent", "PAKN đúng hạn: mục tiêu (%)");
    private final BigDecimalField complaintMax =
            number("decision766.complaintSatisfaction.maxPoints", "PAKN hài lòng: điểm tối đa");
    private final BigDecimalField complaintTarget =
            number("decision766.complaintSatisfaction.targetPercent", "PAKN hài lòng: mục tiêu (%)");
    private final Select<PointsCurve> curve =
            select("decision766.curve", "Cách tính điểm theo mục tiêu", "curve", PointsCurve.class);
    private final BigDecimalField parWeight = number("par.component.weight", "Điểm khảo sát CCHC: trọng số");
    private final BigDecimalField parMax = number("par.component.maxPoints", "Điểm khảo sát CCHC: tối đa");
    private final Select<Methodology.ParBandBasis> bandBasis =
            select("par.bandBasis", "Xếp nhóm CCHC theo", "bandBasis", Methodology.ParBandBasis.class);
    private final Select<Methodology.RankBy> rankBy =
            select("ranking.rankBy", "Xếp hạng theo", "rankBy", Methodology.RankBy.class);
    private final Checkbox withinPeerGroups = new Checkbox("Xếp hạng trong từng nhóm đơn vị");
    private final IntegerField minimumRatings =
            integer("ranking.minimumRatings", "Cỡ mẫu tối thiểu để được xếp hạng (lượt đánh giá)");
    private final Select<Methodology.OnTimeBy> onTimeBy =
            select("dossiers.onTimeBy", "Hồ sơ đúng hạn", "onTimeBy", Methodology.OnTimeBy.class);
    private final Select<Methodology.WithoutDossiers> withoutDossiers = select(
            "dossiers.withoutDossiers", "Đơn vị không có hồ sơ", "withoutDossiers", Methodology.WithoutDossiers.class);
    private final Select<Methodology.EntryFallback> fallback =
            select("unitEntries.fallback", "Chỉ số nhập cho tháng, quý", "fallback", Methodology.EntryFallback.class);
    private final List<Select<IndicatorSource>> sources = new ArrayList<>();
    private final List<Select<String>> criteria = new ArrayList<>();
    private final Map<String, IntegerField> scales = new LinkedHashMap<>();
    private final Map<String, Select<RoundingMode>> modes = new LinkedHashMap<>();
    private final FormLayout parGroups = new FormLayout();
    private final List<TextField> groupNames = new ArrayList<>();
    private final List<BigDecimalField> groupFrom = new ArrayList<>();

    MethodologyFormFields() {
        setWidthFull();
        withinPeerGroups.setId("m-ranking-withinPeerGroups");
        minimumRatings.setHelperText(
                "Mặc định 30. Đơn vị có ít lượt hơn được liệt kê \"chưa đủ số đánh giá\", không xếp hạng; 0: không đặt.");
        bandBasis.setHelperText(
                "Theo điểm: 89,99 % vẫn vào Nhóm I (điểm làm tròn thành 90,00 %). Theo tỷ lệ: 89,99 % thuộc nhóm dưới.");
        add(
                section(
                        "Xếp loại theo Thông tư 01/2018",
                        excellentAbove,
                        goodFrom,
                        fairFrom,
                        averageFrom,
                        fullPercent,
                        partialPercent),
                section(
                        "Tỷ lệ hài lòng và Quyết định 766",
                        satisfiedMinPoints,
                        curve,
                        dossierMax,
                        dossierTarget,
                        onTimeMax,
                        onTimeTarget,
                        complaintMax,
                        complaintTarget),
                section("Điểm khảo sát CCHC", parWeight, parMax, bandBasis),
                parGroups,
                section("Xếp hạng", rankBy, minimumRatings, withinPeerGroups),
                wide("Các quy tắc khác", onTimeBy, withoutDossiers, fallback),
                sourcesSection(),
                roundingsSection());
        // Their choices are sentences: a field as wide as the form, so none is cut off.
        bandBasis.setWidthFull();
        parGroups.setId("m-par-bands");
        parGroups.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    void show(MethodologyEdits e) {
        excellentAbove.setValue(e.excellentAbove());
        goodFrom.setValue(e.goodFrom());
        fairFrom.setValue(e.fairFrom());
        averageFrom.setValue(e.averageFrom());
        fullPercent.setValue(e.complaintsFullPercent());
        partialPercent.setValue(e.complaintsPartialPercent());
        satisfiedMinPoints.setValue(e.satisfiedMinPoints());
        dossierMax.setValue(e.dossierMaxPoints());
        dossierTarget.setValue(e.dossierTargetPercent());
        onTimeMax.setValue(e.onTimeMaxPoints());
        onTimeTarget.setValue(e.onTimeTargetPercent());
        complaintMax.setValue(e.complaintMaxPoints());
        complaintTarget.setValue(e.complaintTargetPercent());
        curve.setValue(e.curve());
        parWeight.setValue(e.parWeight());
        parMax.setValue(e.parMaxPoints());
        bandBasis.setValue(e.bandBasis());
        rankBy.setValue(e.rankBy());
        withinPeerGroups.setValue(e.withinPeerGroups());
        minimumRatings.setValue(e.minimumRatings());
        onTimeBy.setValue(e.onTimeBy());
        withoutDossiers.setValue(e.withoutDossiers());
        fallback.setValue(e.entryFallback());
        for (int i = 0; i < sources.size(); i++) {
            MethodologyEdits.Source chosen = e.indicators().get(i);
            String criterion = chosen.criterion();
            if (criterion != null && !criterion.isBlank()) {
                // A province's own question: offered as well, so that the version keeps it.
                List<String> known = new ArrayList<>(CRITERIA);
                if (!known.contains(criterion)) {
                    known.add(criterion);
                }
                criteria.get(i).setItems(known);
            }
            sources.get(i).setValue(chosen.source());
            criteria.get(i).setValue(criterion == null || criterion.isBlank() ? null : criterion);
            criteria.get(i).setEnabled(chosen.source() == IndicatorSource.CITIZEN_ANSWER);
        }
        for (String path : MethodologyEdits.ROUNDINGS) {
            MethodologyEdits.Decimals d = e.roundings().get(path);
            scales.get(path).setValue(d == null ? null : d.scale());
            modes.get(path).setValue(d == null ? null : d.mode());
        }
        parGroups.removeAll();
        groupNames.clear();
        groupFrom.clear();
        byPath.keySet().removeIf(k -> k.startsWith("par.bands["));
        for (int i = 0; i < e.parBands().size(); i++) {
            TextField name = new TextField("Nhóm CCHC " + (i + 1) + ": tên");
            name.setValue(e.parBands().get(i).name());
            name.setId("m-par-bands-" + i + "-name");
            byPath.put("par.bands[" + i + "].name", name);
            BigDecimalField from = new BigDecimalField("Nhóm CCHC " + (i + 1) + ": từ (%)");
            from.setLocale(IndexFormat.VI);
            from.setValue(e.parBands().get(i).fromPercent());
            from.setId("m-par-bands-" + i + "-fromPercent");
            byPath.put("par.bands[" + i + "].fromPercent", from);
            groupNames.add(name);
            groupFrom.add(from);
            parGroups.add(name, from);
        }
        clearErrors();
    }

    MethodologyEdits edits() {
        List<MethodologyEdits.Group> bands = new ArrayList<>();
        for (int i = 0; i < groupNames.size(); i++) {
            bands.add(new MethodologyEdits.Group(
                    groupNames.get(i).getValue(), groupFrom.get(i).getValue()));
        }
        return new MethodologyEdits(
                excellentAbove.getValue(),
                goodFrom.getValue(),
                fairFrom.getValue(),
                averageFrom.getValue(),
                fullPercent.getValue(),
                partialPercent.getValue(),
                satisfiedMinPoints.getValue(),
                dossierMax.getValue(),
                dossierTarget.getValue(),
                onTimeMax.getValue(),
                onTimeTarget.getValue(),
                complaintMax.getValue(),
                complaintTarget.getValue(),
                curve.getValue(),
                parWeight.getValue(),
                parMax.getValue(),
                bands,
                bandBasis.getValue(),
                rankBy.getValue(),
                withinPeerGroups.getValue(),
                minimumRatings.getValue(),
                onTimeBy.getValue(),
                withoutDossiers.getValue(),
                fallback.getValue(),
                chosenSources(),
                chosenRoundings());
    }

    private List<MethodologyEdits.Source> chosenSources() {
        List<MethodologyEdits.Source> chosen = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            chosen.add(new MethodologyEdits.Source(
                    sources.get(i).getValue(), criteria.get(i).getValue()));
        }
        return chosen;
    }

    private Map<String, MethodologyEdits.Decimals> chosenRoundings() {
        Map<String, MethodologyEdits.Decimals> chosen = new LinkedHashMap<>();
        for (String path : MethodologyEdits.ROUNDINGS) {
            chosen.put(
                    path,
                    new MethodologyEdits.Decimals(
                            scales.get(path).getValue(), modes.get(path).getValue()));
        }
        return chosen;
    }

    /** The questions of the default questionnaire an indicator may take its value from. */
    static final List<String> CRITERIA = List.of("overall", "convenience", "attitude", "contacts", "agencies");

    /** Where each of the nine indicators takes its value from (and, for citizens' answers, which question). */
    private Div sourcesSection() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (int i = 0; i < Circular01Rules.INDICATORS; i++) {
            int number = i + 1;
            Select<IndicatorSource> source = new Select<>();
            source.setLabel("Chỉ số " + number + ": nguồn số liệu");
            source.setItems(
                    UnitIndicatorService.ENTERED.contains(number)
                            ? List.of(IndicatorSource.values())
                            : List.of(
                                    IndicatorSource.DOSSIER_TIMELINESS,
                                    IndicatorSource.CITIZEN_ANSWER,
                                    IndicatorSource.COMPLAINTS_ON_TIME));
            source.setItemLabelGenerator(v -> IndexLabels.of("source", v));
            String path = "indicators[" + i + "]";
            source.setId("m-indicators-" + i + "-source");
            byPath.put(path + ".source", source);
            Select<String> criterion = new Select<>();
            criterion.setLabel("Chỉ số " + number + ": câu hỏi (khi lấy từ người dân đánh giá)");
            criterion.setItems(CRITERIA);
            criterion.setItemLabelGenerator(IndexLabels::criterion);
            criterion.setId("m-indicators-" + i + "-criterion");
            criterion.setEmptySelectionAllowed(true);
            criterion.setEmptySelectionCaption("—");
            byPath.put(path + ".criterion", criterion);
            source.addValueChangeListener(ev -> {
                boolean asked = ev.getValue() == IndicatorSource.CITIZEN_ANSWER;
                criterion.setEnabled(asked);
                if (!asked) {
                    criterion.clear();
                }
            });
            sources.add(source);
            criteria.add(criterion);
            layout.add(source, criterion);
        }
        layout.setId("m-indicators");
        return new Div(new H4("Nguồn số liệu của các chỉ số (Thông tư 01/2018)"), layout);
    }

    /** How each published figure is rounded: decimals and the rounding rule. */
    private Div roundingsSection() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Map<String, String> what = Map.of(
                "circular01.averageRounding", "Điểm trung bình mỗi chỉ số",
                "circular01.totalRounding", "Tổng điểm Thông tư 01",
                "satisfaction.rateRounding", "Tỷ lệ hài lòng (%)",
                "decision766.rateRounding", "Tỷ lệ theo Quyết định 766 (%)",
                "decision766.pointsRounding", "Điểm theo Quyết định 766",
                "par.component.rounding", "Điểm khảo sát CCHC");
        for (String path : MethodologyEdits.ROUNDINGS) {
            IntegerField scale = new IntegerField(what.get(path) + ": số chữ số thập phân");
            // 0 to 6, checked when saved (the error names the field), so the field refuses nothing typed.
            scale.setHelperText("0–6");
            scale.setId("m-" + path.replace('.', '-') + "-scale");
            byPath.put(path + ".scale", scale);
            Select<RoundingMode> mode = new Select<>();
            mode.setLabel(what.get(path) + ": cách làm tròn");
            mode.setItems(List.of(
                    RoundingMode.HALF_UP,
                    RoundingMode.HALF_EVEN,
                    RoundingMode.HALF_DOWN,
                    RoundingMode.UP,
                    RoundingMode.DOWN,
                    RoundingMode.CEILING,
                    RoundingMode.FLOOR));
            mode.setItemLabelGenerator(v -> IndexLabels.of("rounding", v));
            mode.setId("m-" + path.replace('.', '-') + "-mode");
            byPath.put(path + ".mode", mode);
            scales.put(path, scale);
            modes.put(path, mode);
            layout.add(scale, mode);
        }
        layout.setId("m-roundings");
        return new Div(new H4("Làm tròn"), layout);
    }

    void clearErrors() {
        byPath.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks the field at a JSON path invalid with the message; false when the form has no such field. */
    boolean showError(String path, String message) {
        HasValidation field = byPath.get(path);
        if (field == null) {
            return false;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }

    private BigDecimalField number(String path, String label) {
        BigDecimalField f = new BigDecimalField(label);
        // The Vietnamese decimal comma, as everywhere else in the index pages (36,5).
        f.setLocale(IndexFormat.VI);
        f.setId("m-" + path.replace('.', '-'));
        byPath.put(path, f);
        return f;
    }

    private IntegerField integer(String path, String label) {
        IntegerField f = new IntegerField(label);
        f.setId("m-" + path.replace('.', '-'));
        byPath.put(path, f);
        return f;
    }

    private <E extends Enum<E>> Select<E> select(String path, String label, String kind, Class<E> type) {
        Select<E> s = new Select<>();
        s.setLabel(label);
        s.setItems(type.getEnumConstants());
        s.setItemLabelGenerator(v -> IndexLabels.of(kind, v));
        s.setId("m-" + path.replace('.', '-'));
        byPath.put(path, s);
        return s;
    }

    private static Div wide(String title, Component... fields) {
        FormLayout layout = new FormLayout(fields);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        layout.setMaxWidth("48em");
        return new Div(new H4(title), layout);
    }

    private static Div section(String title, Component... fields) {
        FormLayout layout = new FormLayout(fields);
        layout.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 3));
        return new Div(new H4(title), layout);
    }
}
