package vn.hailong.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.hailong.platform.FieldErrors;

/**
 * The values of a methodology a person edits in a form (bands, weights, curve, targets, the minimum
 * sample and the settings), checked field by field: each error names the field by its JSON path
 * ({@code circular01.bands.goodFrom}), with a message in Vietnamese for the official editing it.
 * What the form does not show (the indicators' sources, the roundings) is kept from the version it
 * starts from; the JSON import changes those.
 */
public record MethodologyEdits(
        BigDecimal excellentAbove,
        BigDecimal goodFrom,
        BigDecimal fairFrom,
        BigDecimal averageFrom,
        BigDecimal complaintsFullPercent,
        BigDecimal complaintsPartialPercent,
        Integer satisfiedMinPoints,
        BigDecimal dossierMaxPoints,
        BigDecimal dossierTargetPercent,
        BigDecimal onTimeMaxPoints,
        BigDecimal onTimeTargetPercent,
        BigDecimal complaintMaxPoints,
        BigDecimal complaintTargetPercent,
        PointsCurve curve,
        BigDecimal parWeight,
        BigDecimal parMaxPoints,
        List<Group> parBands,
        Methodology.ParBandBasis bandBasis,
        Methodology.RankBy rankBy,
        boolean withinPeerGroups,
        Integer minimumRatings,
        Methodology.OnTimeBy onTimeBy,
        Methodology.WithoutDossiers withoutDossiers,
        Methodology.EntryFallback entryFallback) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A PAR group as typed: name and threshold may be missing, for the check to name. */
    public record Group(String name, BigDecimal fromPercent) {}

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
                d.unitEntries().fallback());
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
                    "Loại Tốt phải bắt đầu không cao hơn mốc Xuất sắc (" + excellentAbove.toPlainString() + ").");
        }
        if (goodFrom != null && fairFrom != null && fairFrom.compareTo(goodFrom) >= 0) {
            errors.malformed(
                    "circular01.bands.fairFrom",
                    "Loại Khá phải bắt đầu thấp hơn loại Tốt (" + goodFrom.toPlainString() + ").");
        }
        if (fairFrom != null && averageFrom != null && averageFrom.compareTo(fairFrom) >= 0) {
            errors.malformed(
                    "circular01.bands.averageFrom",
                    "Loại Trung bình phải bắt đầu thấp hơn loại Khá (" + fairFrom.toPlainString() + ").");
        }
        range(errors, "complaintsIndicator.fullPercent", complaintsFullPercent, BigDecimal.ZERO, HUNDRED);
        range(errors, "complaintsIndicator.partialPercent", complaintsPartialPercent, BigDecimal.ZERO, HUNDRED);
        if (complaintsFullPercent != null
                && complaintsPartialPercent != null
                && complaintsPartialPercent.compareTo(complaintsFullPercent) > 0) {
            errors.malformed(
                    "complaintsIndicator.partialPercent",
                    "Mốc 1 điểm không được cao hơn mốc 2 điểm (" + complaintsFullPercent.toPlainString() + " %).");
        }
        if (satisfiedMinPoints == null
                || satisfiedMinPoints < 0
                || satisfiedMinPoints > base.circular01().indicatorMax()) {
            errors.malformed(
                    "satisfaction.satisfiedMinPoints",
                    "Nhập số điểm từ 0 đến " + base.circular01().indicatorMax() + ".");
        }
        String[] ratios = {"dossierSatisfaction", "complaintsOnTime", "complaintSatisfaction"};
        BigDecimal[] max = {dossierMaxPoints, onTimeMaxPoints, complaintMaxPoints};
        BigDecimal[] target = {dossierTargetPercent, onTimeTargetPercent, complaintTargetPercent};
        for (int i = 0; i < 3; i++) {
            range(errors, "decision766." + ratios[i] + ".maxPoints", max[i], BigDecimal.ZERO, HUNDRED);
            range(errors, "decision766." + ratios[i] + ".targetPercent", target[i], BigDecimal.ZERO, HUNDRED);
            if (target[i] != null && target[i].signum() == 0) {
                errors.malformed("decision766." + ratios[i] + ".targetPercent", "Mục tiêu phải lớn hơn 0 %.");
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
                errors.malformed(field + ".name", "Đặt tên cho nhóm, ví dụ \"Nhóm I\".");
            } else if (!names.add(band.name().strip())) {
                errors.malformed(field + ".name", "Tên nhóm \"" + band.name().strip() + "\" đã dùng.");
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
                    "Nhập số lượt đánh giá tối thiểu từ 0 đến " + Methodology.RankingRule.MAX_MINIMUM_RATINGS
                            + " (0: không đặt mức tối thiểu).");
        }
        required(errors, "dossiers.onTimeBy", onTimeBy);
        required(errors, "dossiers.withoutDossiers", withoutDossiers);
        required(errors, "unitEntries.fallback", entryFallback);
        errors.throwIfAny();

        Circular01Rules c01 = base.circular01();
        Decision766Rules r = base.decision766();
        return base.withCircular01(new Circular01Rules(
                        c01.indicatorMax(),
                        c01.averageRounding(),
                        c01.totalRounding(),
                        new Circular01Bands(excellentAbove, goodFrom, fairFrom, averageFrom)))
                .withComplaintsIndicator(
                        new Methodology.ComplaintsIndicator(complaintsFullPercent, complaintsPartialPercent))
                .withSatisfaction(new Methodology.SatisfactionRule(
                        base.satisfaction().criterion(),
                        satisfiedMinPoints,
                        base.satisfaction().rateRounding()))
                .withDecision766(new Decision766Rules(
                        new Decision766Rules.Target(dossierMaxPoints, dossierTargetPercent),
                        new Decision766Rules.Target(onTimeMaxPoints, onTimeTargetPercent),
                        new Decision766Rules.Target(complaintMaxPoints, complaintTargetPercent),
                        curve,
                        r.rateRounding(),
                        r.pointsRounding()))
                .withPar(new Methodology.ParSurvey(
                        new ParSurveyComponent(
                                parWeight, parMaxPoints, base.par().component().rounding()),
                        bands,
                        bandBasis))
                .withRanking(new Methodology.RankingRule(rankBy, withinPeerGroups, minimumRatings))
                .withDossiers(new Methodology.DossierRules(onTimeBy, withoutDossiers))
                .withUnitEntries(new Methodology.EntryRules(entryFallback));
    }

    private static void range(FieldErrors errors, String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            errors.malformed(field, "Nhập một số.");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.malformed(field, "Nhập một số từ " + min.toPlainString() + " đến " + max.toPlainString() + ".");
        }
    }

    private static void required(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.malformed(field, "Chọn một giá trị.");
        }
    }
}
