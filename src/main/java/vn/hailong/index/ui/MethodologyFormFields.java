package vn.hailong.index.ui;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * {@code m-ranking-minimumRatings}). Its words are {@code index.ui.methodologyForm.*} in the bundles.
 */
class MethodologyFormFields extends Div {

    private final Map<String, HasValidation> byPath = new LinkedHashMap<>();
    private final BigDecimalField excellentAbove =
            number("circular01.bands.excellentAbove", getTranslation("index.ui.methodologyForm.excellentAbove"));
    private final BigDecimalField goodFrom =
            number("circular01.bands.goodFrom", getTranslation("index.ui.methodologyForm.goodFrom"));
    private final BigDecimalField fairFrom =
            number("circular01.bands.fairFrom", getTranslation("index.ui.methodologyForm.fairFrom"));
    private final BigDecimalField averageFrom =
            number("circular01.bands.averageFrom", getTranslation("index.ui.methodologyForm.averageFrom"));
    private final BigDecimalField fullPercent =
            number("complaintsIndicator.fullPercent", getTranslation("index.ui.methodologyForm.complaintsFullPercent"));
    private final BigDecimalField partialPercent = number(
            "complaintsIndicator.partialPercent", getTranslation("index.ui.methodologyForm.complaintsPartialPercent"));
    private final IntegerField satisfiedMinPoints =
            integer("satisfaction.satisfiedMinPoints", getTranslation("index.ui.methodologyForm.satisfiedMinPoints"));
    private final BigDecimalField dossierMax = number(
            "decision766.dossierSatisfaction.maxPoints", getTranslation("index.ui.methodologyForm.dossierMaxPoints"));
    private final BigDecimalField dossierTarget = number(
            "decision766.dossierSatisfaction.targetPercent",
            getTranslation("index.ui.methodologyForm.dossierTargetPercent"));
    private final BigDecimalField onTimeMax = number(
            "decision766.complaintsOnTime.maxPoints", getTranslation("index.ui.methodologyForm.onTimeMaxPoints"));
    private final BigDecimalField onTimeTarget = number(
            "decision766.complaintsOnTime.targetPercent",
            getTranslation("index.ui.methodologyForm.onTimeTargetPercent"));
    private final BigDecimalField complaintMax = number(
            "decision766.complaintSatisfaction.maxPoints",
            getTranslation("index.ui.methodologyForm.complaintMaxPoints"));
    private final BigDecimalField complaintTarget = number(
            "decision766.complaintSatisfaction.targetPercent",
            getTranslation("index.ui.methodologyForm.complaintTargetPercent"));
    private final Select<PointsCurve> curve =
            select("decision766.curve", getTranslation("index.ui.methodologyForm.curve"), "curve", PointsCurve.class);
    private final BigDecimalField parWeight =
            number("par.component.weight", getTranslation("index.ui.methodologyForm.parWeight"));
    private final BigDecimalField parMax =
            number("par.component.maxPoints", getTranslation("index.ui.methodologyForm.parMaxPoints"));
    private final Select<Methodology.ParBandBasis> bandBasis = select(
            "par.bandBasis",
            getTranslation("index.ui.methodologyForm.bandBasis"),
            "bandBasis",
            Methodology.ParBandBasis.class);
    private final Select<Methodology.RankBy> rankBy = select(
            "ranking.rankBy", getTranslation("index.ui.methodologyForm.rankBy"), "rankBy", Methodology.RankBy.class);
    private final Checkbox withinPeerGroups = new Checkbox(getTranslation("index.ui.methodologyForm.withinPeerGroups"));
    private final IntegerField minimumRatings =
            integer("ranking.minimumRatings", getTranslation("index.ui.methodologyForm.minimumRatings"));
    private final Select<Methodology.OnTimeBy> onTimeBy = select(
            "dossiers.onTimeBy",
            getTranslation("index.ui.methodologyForm.onTimeBy"),
            "onTimeBy",
            Methodology.OnTimeBy.class);
    private final Select<Methodology.WithoutDossiers> withoutDossiers = select(
            "dossiers.withoutDossiers",
            getTranslation("index.ui.methodologyForm.withoutDossiers"),
            "withoutDossiers",
            Methodology.WithoutDossiers.class);
    private final Select<Methodology.EntryFallback> fallback = select(
            "unitEntries.fallback",
            getTranslation("index.ui.methodologyForm.entryFallback"),
            "fallback",
            Methodology.EntryFallback.class);
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
        minimumRatings.setHelperText(getTranslation("index.ui.methodologyForm.minimumRatingsHelper"));
        bandBasis.setHelperText(getTranslation("index.ui.methodologyForm.bandBasisHelper"));
        add(
                section(
                        getTranslation("index.ui.methodologyForm.circular01Section"),
                        excellentAbove,
                        goodFrom,
                        fairFrom,
                        averageFrom,
                        fullPercent,
                        partialPercent),
                section(
                        getTranslation("index.ui.methodologyForm.satisfactionSection"),
                        satisfiedMinPoints,
                        curve,
                        dossierMax,
                        dossierTarget,
                        onTimeMax,
                        onTimeTarget,
                        complaintMax,
                        complaintTarget),
                section(getTranslation("index.ui.methodologyForm.parSection"), parWeight, parMax, bandBasis),
                parGroups,
                section(
                        getTranslation("index.ui.methodologyForm.rankingSection"),
                        rankBy,
                        minimumRatings,
                        withinPeerGroups),
                wide(getTranslation("index.ui.methodologyForm.otherRulesSection"), onTimeBy, withoutDossiers, fallback),
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
            // The form is filled from a version (MethodologyEdits.of): it has all nine sources.
            MethodologyEdits.Source chosen =
                    Objects.requireNonNull(e.indicators()).get(i);
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
            MethodologyEdits.Decimals d = Objects.requireNonNull(e.roundings()).get(path);
            // The fields of every rounding of ROUNDINGS are made in the constructor.
            Objects.requireNonNull(scales.get(path)).setValue(d == null ? null : d.scale());
            Objects.requireNonNull(modes.get(path)).setValue(d == null ? null : d.mode());
        }
        parGroups.removeAll();
        groupNames.clear();
        groupFrom.clear();
        byPath.keySet().removeIf(k -> k.startsWith("par.bands["));
        for (int i = 0; i < e.parBands().size(); i++) {
            TextField name =
                    new TextField(getTranslation("index.ui.methodologyForm.parBandName", String.valueOf(i + 1)));
            name.setValue(e.parBands().get(i).name());
            name.setId("m-par-bands-" + i + "-name");
            byPath.put("par.bands[" + i + "].name", name);
            BigDecimalField from =
                    new BigDecimalField(getTranslation("index.ui.methodologyForm.parBandFrom", String.valueOf(i + 1)));
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
                            Objects.requireNonNull(scales.get(path)).getValue(),
                            Objects.requireNonNull(modes.get(path)).getValue()));
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
            source.setLabel(getTranslation("index.ui.methodologyForm.indicatorSource", String.valueOf(number)));
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
            criterion.setLabel(getTranslation("index.ui.methodologyForm.indicatorCriterion", String.valueOf(number)));
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
        return new Div(new H4(getTranslation("index.ui.methodologyForm.sourcesSection")), layout);
    }

    /** How each published figure is rounded: decimals and the rounding rule. */
    private Div roundingsSection() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Map<String, String> what = Map.of(
                "circular01.averageRounding", getTranslation("index.ui.methodologyForm.averageRounding"),
                "circular01.totalRounding", getTranslation("index.ui.methodologyForm.totalRounding"),
                "satisfaction.rateRounding", getTranslation("index.ui.methodologyForm.rateRounding"),
                "decision766.rateRounding", getTranslation("index.ui.methodologyForm.decision766RateRounding"),
                "decision766.pointsRounding", getTranslation("index.ui.methodologyForm.decision766PointsRounding"),
                "par.component.rounding", getTranslation("index.ui.methodologyForm.parRounding"));
        for (String path : MethodologyEdits.ROUNDINGS) {
            IntegerField scale = new IntegerField(getTranslation("index.ui.methodologyForm.scale", what.get(path)));
            // 0 to 6, checked when saved (the error names the field), so the field refuses nothing typed.
            scale.setHelperText("0–6");
            scale.setId("m-" + path.replace('.', '-') + "-scale");
            byPath.put(path + ".scale", scale);
            Select<RoundingMode> mode = new Select<>();
            mode.setLabel(getTranslation("index.ui.methodologyForm.mode", what.get(path)));
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
        return new Div(new H4(getTranslation("index.ui.methodologyForm.roundingsSection")), layout);
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
