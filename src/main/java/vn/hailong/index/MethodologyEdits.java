package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.Words;

/**
 * The values of a methodology a person edits in a form (bands, weights, curve, targets, the minimum
 * sample, the settings, where each indicator's value comes from and how every figure is rounded),
 * checked field by field: each error names the field by its JSON path
 * ({@code circular01.bands.goodFrom}, {@code indicators[4].source}, {@code
 * decision766.pointsRounding.scale}), with a message in Vietnamese for the official editing it.
 * What the form does not show (the maximum points of an indicator, the criterion of the
 * satisfaction rate) is kept from the version it starts from; the JSON import changes those.
 */
public record MethodologyEdits(
        @Nullable BigDecimal excellentAbove,
        @Nullable BigDecimal goodFrom,
        @Nullable BigDecimal fairFrom,
        @Nullable BigDecimal averageFrom,
        @Nullable BigDecimal complaintsFullPercent,
        @Nullable BigDecimal complaintsPartialPercent,
        @Nullable Integer satisfiedMinPoints,
        @Nullable BigDecimal dossierMaxPoints,
        @Nullable BigDecimal dossierTargetPercent,
        @Nullable BigDecimal onTimeMaxPoints,
        @Nullable BigDecimal onTimeTargetPercent,
        @Nullable BigDecimal complaintMaxPoints,
        @Nullable BigDecimal complaintTargetPercent,
        @Nullable PointsCurve curve,
        @Nullable BigDecimal parWeight,
        @Nullable BigDecimal parMaxPoints,
        List<Group> parBands,
        Methodology.@Nullable ParBandBasis bandBasis,
        Methodology.@Nullable RankBy rankBy,
        boolean withinPeerGroups,
        @Nullable Integer minimumRatings,
        Methodology.@Nullable OnTimeBy onTimeBy,
        Methodology.@Nullable WithoutDossiers withoutDossiers,
        Methodology.@Nullable EntryFallback entryFallback,
        @Nullable List<Source> indicators,
        Map<String, Decimals> roundings) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    /** The most decimals a rounding rule may keep (a figure to the millionth is already no figure to publish). */
    static final int MAX_SCALE = 6;
    /** The rounding rules the form shows, by their JSON path, in the order of the page. */
    public static final List<String> ROUNDINGS = List.of(
            "circular01.averageRounding",
            "circular01.totalRounding",
            "satisfaction.rateRounding",
            "decision766.rateRounding",
            "decision766.pointsRounding",
            "par.component.rounding");

    /** A PAR group as typed: name and threshold may be missing, for the check to name. */
    public record Group(@Nullable String name, @Nullable BigDecimal fromPercent) {}

    /** Where indicator {@code n} (the n-th of the list) takes its value from, as chosen; criterion for citizens' answers. */
    public record Source(
            @Nullable IndicatorSource source, @Nullable String criterion) {}

    /** A rounding rule as typed: decimals and how to round, either may be missing. */
    public record Decimals(
            @Nullable Integer scale, @Nullable RoundingMode mode) {}

    public static MethodologyEdits of(Methodology.Definition d) {
        Circular01Bands b = d.circular01().bands();
        Decision766Rules r = d.decision766();
        return new MethodologyEdits(
                b.excellentAbove(),
                b.goodFrom(),
                b.fairFrom(),
                b.averageFrom(),
                d.complaintsIndicator().fullPercent(),
                d.complaintsIndicator().partialPercent(),
                d.satisfaction().satisfiedMinPoints(),
                r.dossierSatisfaction().maxPoints(),
                r.dossierSatisfaction().targetPercent(),
                r.complaintsOnTime().maxPoints(),
                r.complaintsOnTime().targetPercent(),
                r.complaintSatisfaction().maxPoints(),
                r.complaintSatisfaction().targetPercent(),
                r.curve(),
                d.par().component().weight(),
                d.par().component().maxPoints(),
                d.par().bands().stream()
                        .map(g -> new Group(g.name(), g.fromPercent()))
                        .toList(),
                d.par().bandBasis(),
                d.ranking().rankBy(),
                d.ranking().withinPeerGroups(),
                d.ranking().minimumRatings(),
                d.dossiers().onTimeBy(),
                d.dossiers().withoutDossiers(),
                d.unitEntries().fallback(),
                d.indicators().stream()
                        .map(i -> new Source(i.source(), i.criterion()))
                        .toList(),
                roundingsOf(d));
    }

    /** A rounding rule the checks above found in {@code rules}: past throwIfAny, every one of ROUNDINGS is. */
    private static Rounding rule(Map<String, Rounding> rules, String path) {
        return Objects.requireNonNull(rules.get(path), path);
    }

    private static Map<String, Decimals> roundingsOf(Methodology.Definition d) {
        Map<String, Decimals> r = new LinkedHashMap<>();
        List<Rounding> rules = List.of(
                d.circular01().averageRounding(),
                d.circular01().totalRounding(),
                d.satisfaction().rateRounding(),
                d.decision766().rateRounding(),
                d.decision766().pointsRounding(),
                d.par().component().rounding());
        for (int i = 0; i < ROUNDINGS.size(); i++) {
            r.put(
                    ROUNDINGS.get(i),
                    new Decimals(rules.get(i).scale(), rules.get(i).mode()));
        }
        return r;
    }

    /**
     * The methodology {@code base} with these values.
     *
     * @throws vn.hailong.platform.InvalidInputException naming every field at fault
     */
    public Methodology.Definition applyTo(Methodology.Definition base) {
        FieldErrors errors = new FieldErrors();
        BigDecimal maxTotal = BigDecimal.valueOf((long) base.circular01().indicatorMax() * Circular01Rules.INDICATORS);
        range(errors, "circular01.bands.excellentAbove", excellentAbove, BigDecimal.ZERO, maxTotal);
        range(errors, "circular01.bands.goodFrom", goodFrom, BigDecimal.ZERO, maxTotal);
        range(errors, "circular01.bands.fairFrom", fairFrom, BigDecimal.ZERO, maxTotal);
        range(errors, "circular01.bands.averageFrom", averageFrom, BigDecimal.ZERO, maxTotal);
        if (excellentAbove != null && goodFrom != null && goodFrom.compareTo(excellentAbove) > 0) {
            errors.malformed(
                    "circular01.bands.goodFrom",
                    Words.of("index.edit.goodAboveExcellent", Words.VI, excellentAbove.toPlainString()));
        }
        if (goodFrom != null && fairFrom != null && fairFrom.compareTo(goodFrom) >= 0) {
            errors.malformed(
                    "circular01.bands.fairFrom",
                    Words.of("index.edit.fairNotBelowGood", Words.VI, goodFrom.toPlainString()));
        }
        if (fairFrom != null && averageFrom != null && averageFrom.compareTo(fairFrom) >= 0) {
            errors.malformed(
                    "circular01.bands.averageFrom",
                    Words.of("index.edit.averageNotBelowFair", Words.VI, fairFrom.toPlainString()));
        }
        range(errors, "complaintsIndicator.fullPercent", complaintsFullPercent, BigDecimal.ZERO, HUNDRED);
        range(errors, "complaintsIndicator.partialPercent", complaintsPartialPercent, BigDecimal.ZERO, HUNDRED);
        if (complaintsFullPercent != null
                && complaintsPartialPercent != null
                && complaintsPartialPercent.compareTo(complaintsFullPercent) > 0) {
            errors.malformed(
                    "complaintsIndicator.partialPercent",
                    Words.of("index.edit.partialAboveFull", Words.VI, complaintsFullPercent.toPlainString()));
        }
        if (satisfiedMinPoints == null
                || satisfiedMinPoints < 0
                || satisfiedMinPoints > base.circular01().indicatorMax()) {
            errors.malformed(
                    "satisfaction.satisfiedMinPoints",
                    Words.of(
                            "index.edit.satisfiedMinPoints",
                            Words.VI,
                            String.valueOf(base.circular01().indicatorMax())));
        }
        String[] ratios = {"dossierSatisfaction", "complaintsOnTime", "complaintSatisfaction"};
        @Nullable BigDecimal[] max = {dossierMaxPoints, onTimeMaxPoints, complaintMaxPoints};
        @Nullable BigDecimal[] target = {dossierTargetPercent, onTimeTargetPercent, complaintTargetPercent};
        for (int i = 0; i < 3; i++) {
            range(errors, "decision766." + ratios[i] + ".maxPoints", max[i], BigDecimal.ZERO, HUNDRED);
            range(errors, "decision766." + ratios[i] + ".targetPercent", target[i], BigDecimal.ZERO, HUNDRED);
            if (target[i] != null && target[i].signum() == 0) {
                errors.malformed(
                        "decision766." + ratios[i] + ".targetPercent",
                        Words.of("index.edit.targetAboveZero", Words.VI));
            }
        }
        required(errors, "decision766.curve", curve);
        range(errors, "par.component.weight", parWeight, BigDecimal.ZERO, new BigDecimal("1000"));
        range(errors, "par.component.maxPoints", parMaxPoints, BigDecimal.ZERO, new BigDecimal("1000"));
        List<Methodology.ParBand> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parBands.size(); i++) {
            Group band = parBands.get(i);
            String field = "par.bands[" + i + "]";
            if (band.name() == null || band.name().isBlank()) {
                errors.malformed(field + ".name", Words.of("index.edit.groupNameRequired", Words.VI));
            } else if (!names.add(band.name().strip())) {
                errors.malformed(
                        field + ".name",
                        Words.of(
                                "index.edit.groupNameTaken",
                                Words.VI,
                                band.name().strip()));
            }
            range(errors, field + ".fromPercent", band.fromPercent(), BigDecimal.ZERO, HUNDRED);
            if (band.name() != null && band.fromPercent() != null) {
                bands.add(new Methodology.ParBand(band.name().strip(), band.fromPercent()));
            }
        }
        required(errors, "par.bandBasis", bandBasis);
        required(errors, "ranking.rankBy", rankBy);
        if (minimumRatings == null
                || minimumRatings < 0
                || minimumRatings > Methodology.RankingRule.MAX_MINIMUM_RATINGS) {
            errors.malformed(
                    "ranking.minimumRatings",
                    Words.of(
                            "index.edit.minimumRatings",
                            Words.VI,
                            String.valueOf(Methodology.RankingRule.MAX_MINIMUM_RATINGS)));
        }
        required(errors, "dossiers.onTimeBy", onTimeBy);
        required(errors, "dossiers.withoutDossiers", withoutDossiers);
        required(errors, "unitEntries.fallback", entryFallback);
        List<Methodology.Indicator> sources = new ArrayList<>();
        if (indicators == null || indicators.size() != Circular01Rules.INDICATORS) {
            errors.malformed("indicators", Words.of("index.edit.nineSources", Words.VI));
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                int number = i + 1;
                Source chosen = indicators.get(i);
                String field = "indicators[" + i + "]";
                if (chosen == null || chosen.source() == null) {
                    errors.malformed(
                            field + ".source", Words.of("index.edit.sourceRequired", Words.VI, String.valueOf(number)));
                } else if (chosen.source() == IndicatorSource.UNIT_ENTRY
                        && !UnitIndicatorService.ENTERED.contains(number)) {
                    errors.malformed(
                            field + ".source",
                            Words.of(
                                    "index.edit.notEntered",
                                    Words.VI,
                                    String.valueOf(UnitIndicatorService.ENTERED),
                                    String.valueOf(number)));
                } else if (chosen.source() == IndicatorSource.CITIZEN_ANSWER
                        && (chosen.criterion() == null || chosen.criterion().isBlank())) {
                    errors.malformed(
                            field + ".criterion",
                            Words.of("index.edit.criterionRequired", Words.VI, String.valueOf(number)));
                } else {
                    sources.add(new Methodology.Indicator(
                            number,
                            chosen.source(),
                            chosen.source() == IndicatorSource.CITIZEN_ANSWER
                                    ? Objects.requireNonNull(chosen.criterion()).strip() // checked just above
                                    : null));
                }
            }
        }
        Map<String, Rounding> rules = new LinkedHashMap<>();
        for (String path : ROUNDINGS) {
            Decimals typed = roundings == null ? null : roundings.get(path);
            Integer scale = typed == null ? null : typed.scale();
            RoundingMode mode = typed == null ? null : typed.mode();
            if (scale == null || scale < 0 || scale > MAX_SCALE) {
                errors.malformed(path + ".scale", Words.of("index.edit.scale", Words.VI, String.valueOf(MAX_SCALE)));
            }
            if (mode == null || mode == RoundingMode.UNNECESSARY) {
                errors.malformed(path + ".mode", Words.of("index.edit.modeRequired", Words.VI));
            }
            if (scale != null && scale >= 0 && scale <= MAX_SCALE && mode != null && mode != RoundingMode.UNNECESSARY) {
                rules.put(path, new Rounding(scale, mode));
            }
        }
        errors.throwIfAny();

        Circular01Rules c01 = base.circular01();
        // Past throwIfAny every rounding of ROUNDINGS is in rules (a missing one is an error above).
        return base.withIndicators(sources)
                .withCircular01(new Circular01Rules(
                        c01.indicatorMax(),
                        rule(rules, "circular01.averageRounding"),
                        rule(rules, "circular01.totalRounding"),
                        new Circular01Bands(
                                Objects.requireNonNull(excellentAbove),
                                Objects.requireNonNull(goodFrom),
                                Objects.requireNonNull(fairFrom),
                                Objects.requireNonNull(averageFrom))))
                .withComplaintsIndicator(new Methodology.ComplaintsIndicator(
                        Objects.requireNonNull(complaintsFullPercent),
                        Objects.requireNonNull(complaintsPartialPercent)))
                .withSatisfaction(new Methodology.SatisfactionRule(
                        base.satisfaction().criterion(),
                        Objects.requireNonNull(satisfiedMinPoints),
                        rule(rules, "satisfaction.rateRounding")))
                .withDecision766(new Decision766Rules(
                        new Decision766Rules.Target(
                                Objects.requireNonNull(dossierMaxPoints), Objects.requireNonNull(dossierTargetPercent)),
                        new Decision766Rules.Target(
                                Objects.requireNonNull(onTimeMaxPoints), Objects.requireNonNull(onTimeTargetPercent)),
                        new Decision766Rules.Target(
                                Objects.requireNonNull(complaintMaxPoints),
                                Objects.requireNonNull(complaintTargetPercent)),
                        Objects.requireNonNull(curve),
                        rule(rules, "decision766.rateRounding"),
                        rule(rules, "decision766.pointsRounding")))
                .withPar(new Methodology.ParSurvey(
                        new ParSurveyComponent(
                                Objects.requireNonNull(parWeight),
                                Objects.requireNonNull(parMaxPoints),
                                rule(rules, "par.component.rounding")),
                        bands,
                        Objects.requireNonNull(bandBasis)))
                .withRanking(new Methodology.RankingRule(
                        Objects.requireNonNull(rankBy), withinPeerGroups, Objects.requireNonNull(minimumRatings)))
                .withDossiers(new Methodology.DossierRules(
                        Objects.requireNonNull(onTimeBy), Objects.requireNonNull(withoutDossiers)))
                .withUnitEntries(new Methodology.EntryRules(Objects.requireNonNull(entryFallback)));
    }

    private static void range(
            FieldErrors errors, String field, @Nullable BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            errors.malformed(field, Words.of("index.edit.numberRequired", Words.VI));
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.malformed(
                    field, Words.of("index.edit.numberRange", Words.VI, min.toPlainString(), max.toPlainString()));
        }
    }

    private static void required(FieldErrors errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.malformed(field, Words.of("index.edit.valueRequired", Words.VI));
        }
    }
}
