package vn.hailong.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.Words;

/**
 * Turns units' inputs into their results under one methodology: a pure function (no database, no
 * clock), so that a snapshot's archived inputs recompute to exactly its published numbers.
 *
 * <p>Ranking: units are ranked within their peer group by the methodology's {@code rankBy} figure
 * (competition ranking, see {@link Ranking}); a unit without that figure (no ratings, no dossiers)
 * is listed unranked, and so is a unit with fewer counted ratings than the methodology's minimum
 * sample (flagged {@value UnitResult#INSUFFICIENT_SAMPLE}, "chưa đủ số đánh giá"): the others are
 * ranked among themselves exactly as if it were absent. The rank change compares with
 * {@code previousRanks} (the previous published period of the same granularity), by unit code.
 */
public final class IndexCalculator {

    /** Exact intermediate values are shown to six decimals. */
    private static final int EXACT_SCALE = 6;

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    static final String ALL_UNITS = "*";

    private IndexCalculator() {}

    public static List<UnitResult> compute(
            Methodology.Definition method, Collection<UnitInputs> units, Map<String, Integer> previousRanks) {
        Map<String, UnitResult> unranked = new LinkedHashMap<>();
        units.stream()
                .sorted(Comparator.comparing(UnitInputs::unitCode))
                .forEach(u -> unranked.put(u.unitCode(), scoreUnit(method, u)));

        Map<String, List<Ranking.UnitScore>> groups = new HashMap<>();
        for (UnitResult r : unranked.values()) {
            if (r.rankScore() != null && !r.has(UnitResult.INSUFFICIENT_SAMPLE)) {
                String group = method.ranking().withinPeerGroups() ? r.peerGroup() : ALL_UNITS;
                groups.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(new Ranking.UnitScore(r.unitCode(), r.rankScore()));
            }
        }
        Map<String, Ranking.RankedUnit> ranked = groups.values().stream()
                .flatMap(g -> Ranking.rank(g, previousRanks).stream())
                .collect(Collectors.toMap(Ranking.RankedUnit::unitCode, r -> r));

        List<UnitResult> results = new ArrayList<>(unranked.size());
        for (UnitResult r : unranked.values()) {
            Ranking.RankedUnit place = ranked.get(r.unitCode());
            List<String> flags = new ArrayList<>(r.flags());
            if (place == null) {
                flags.add(UnitResult.UNRANKED);
            }
            results.add(new UnitResult(
                    r.unitCode(),
                    r.unitName(),
                    r.peerGroup(),
                    r.dossiers(),
                    r.ratings(),
                    r.satisfactionRate(),
                    r.satisfaction(),
                    r.criterionRates(),
                    r.indicators(),
                    r.circular01Sum(),
                    r.circular01Total(),
                    r.circular01Band(),
                    r.missingIndicators(),
                    r.decision766(),
                    r.parSurveyPoints(),
                    r.parSurveyPercent(),
                    r.parBand(),
                    r.rankScore(),
                    place == null ? null : place.rank(),
                    previousRanks.get(r.unitCode()),
                    place == null ? null : place.rankChange().orElse(null),
                    List.copyOf(flags)));
        }
        return List.copyOf(results);
    }

    /**
     * The order of a league table under a ranking rule: by peer group when ranked within groups,
     * then by rank; the units not ranked after them, those with the ranked figure (too few
     * ratings) best first, then the others; ties by unit code.
     */
    public static Comparator<UnitResult> leagueOrder(Methodology.RankingRule rule) {
        Comparator<UnitResult> byRank = Comparator.comparing(
                        UnitResult::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitResult::rankScore, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(UnitResult::unitCode);
        return rule.withinPeerGroups()
                ? Comparator.comparing(UnitResult::peerGroup).thenComparing(byRank)
                : byRank;
    }

    static UnitResult scoreUnit(Methodology.Definition method, UnitInputs in) {
        Circular01Rules c01 = method.circular01();
        List<UnitResult.IndicatorResult> indicators = new ArrayList<>();
        List<Optional<BigDecimal>> averages = new ArrayList<>();
        for (Methodology.Indicator def : method.indicators()) {
            UnitResult.IndicatorResult result = indicator(method, def, in);
            indicators.add(result);
            averages.add(Optional.ofNullable(result.average()));
        }
        Circular01Score score = Circular01Score.of(averages, c01);
        BigDecimal sum = averages.stream().flatMap(Optional::stream).reduce(BigDecimal.ZERO, BigDecimal::add);

        Methodology.SatisfactionRule sat = method.satisfaction();
        BigDecimal satisfactionRate = satisfactionRate(sat, in);
        UnitResult.SatisfactionSample sample = satisfactionSample(sat, in);
        List<UnitResult.CriterionRate> criterionRates = in.criteria().entrySet().stream()
                .map(e -> new UnitResult.CriterionRate(
                        e.getKey(),
                        e.getValue().answers(),
                        e.getValue().satisfied(),
                        e.getValue().answers() == 0
                                ? null
                                : sat.rateRounding()
                                        .divide(
                                                BigDecimal.valueOf(e.getValue().satisfied())
                                                        .multiply(HUNDRED),
                                                BigDecimal.valueOf(e.getValue().answers()))))
                .toList();

        Decision766Rules d766rules = method.decision766();
        Decision766Satisfaction d766 = Decision766Satisfaction.of(
                new Decision766Counts(
                        in.dossiers(),
                        in.notSatisfiedDossiers(),
                        in.complaints(),
                        in.complaintsOnTime(),
                        in.complaintsNotSatisfiedOrLate()),
                d766rules);
        UnitResult.Decision766Result d766result = new UnitResult.Decision766Result(
                ratio(
                        in.dossiers() - in.notSatisfiedDossiers(),
                        in.dossiers(),
                        d766.dossierSatisfaction(),
                        d766rules.dossierSatisfaction()),
                ratio(in.complaintsOnTime(), in.complaints(), d766.complaintsOnTime(), d766rules.complaintsOnTime()),
                ratio(
                        in.complaints() - in.complaintsNotSatisfiedOrLate(),
                        in.complaints(),
                        d766.complaintSatisfaction(),
                        d766rules.complaintSatisfaction()),
                d766.totalPoints(),
                d766rules
                        .dossierSatisfaction()
                        .maxPoints()
                        .add(d766rules.complaintsOnTime().maxPoints())
                        .add(d766rules.complaintSatisfaction().maxPoints()));

        ParSurveyComponent par = method.par().component();
        BigDecimal parPoints = null;
        BigDecimal parPercent = null;
        String parBand = null;
        if (satisfactionRate != null) {
            // The published (rounded) rate earns the points, so a reader can redo the multiplication.
            parPoints = par.points(satisfactionRate.divide(HUNDRED));
            parPercent = par.maxPoints().signum() == 0 ? null : par.percentage(parPoints, par.maxPoints());
            parBand = switch (method.par().bandBasis()) {
                case POINTS_PERCENT -> parPercent == null ? null : method.par().band(parPercent);
                case SATISFACTION_RATE -> method.par().band(satisfactionRate);
            };
        }
        boolean unclassified =
                in.dossiers() == 0 && method.dossiers().withoutDossiers() == Methodology.WithoutDossiers.UNCLASSIFIED;

        BigDecimal rankScore = switch (method.ranking().rankBy()) {
            case PAR_SURVEY_POINTS -> parPoints;
            case CIRCULAR01_TOTAL -> in.dossiers() == 0 && in.ratings() == 0 ? null : score.total();
            case DECISION766_POINTS -> d766.complete() ? d766.totalPoints() : null;
        };

        List<String> flags = new ArrayList<>();
        if (in.dossiers() == 0) {
            flags.add(UnitResult.NO_DOSSIERS);
        }
        if (in.ratings() == 0) {
            flags.add(UnitResult.NO_RATINGS);
        }
        if (!score.complete()) {
            flags.add(UnitResult.MISSING_INDICATORS);
        }
        if (rankScore != null && !method.ranking().enoughRatings(in.ratings())) {
            flags.add(UnitResult.INSUFFICIENT_SAMPLE);
        }
        if (unclassified) {
            // Nothing was handled: no band and no 766 total rather than "Yếu" and 12.00 from empty data.
            d766result = new UnitResult.Decision766Result(
                    d766result.dossierSatisfaction(),
                    d766result.complaintsOnTime(),
                    d766result.complaintSatisfaction(),
                    null,
                    d766result.maxPoints());
        }
        return new UnitResult(
                in.unitCode(),
                in.unitName(),
                in.peerGroup(),
                in.dossiers(),
                in.ratings(),
                satisfactionRate,
                sample,
                criterionRates,
                List.copyOf(indicators),
                sum,
                unclassified ? null : score.total(),
                unclassified ? null : score.band(),
                score.missingIndicators(),
                d766result,
                parPoints,
                parPercent,
                parBand,
                rankScore,
                null,
                null,
                null,
                List.copyOf(flags));
    }

    private static UnitResult.Ratio ratio(
            long part, long whole, Decision766Satisfaction.Ratio ratio, Decision766Rules.Target target) {
        return new UnitResult.Ratio(
                part,
                whole,
                ratio.ratePercent().orElse(null),
                ratio.points().orElse(null),
                target.maxPoints(),
                target.targetPercent());
    }

    private static UnitResult.IndicatorResult indicator(
            Methodology.Definition method, Methodology.Indicator def, UnitInputs in) {
        Circular01Rules rules = method.circular01();
        return switch (def.source()) {
            case DOSSIER_TIMELINESS -> {
                long n = in.early() + in.onTime() + in.late();
                long points = 2 * in.early() + in.onTime();
                yield averaged(
                        def,
                        BigDecimal.valueOf(points),
                        n,
                        IndicatorAverage.of(points, n, rules).orElse(null),
                        Words.of(
                                "index.basis.timeliness",
                                Words.VI,
                                String.valueOf(in.early()),
                                String.valueOf(in.onTime()),
                                String.valueOf(in.late())));
            }
            case CITIZEN_ANSWER -> {
                UnitInputs.CriterionCounts c =
                        in.criteria().getOrDefault(def.criterion(), new UnitInputs.CriterionCounts(0, 0, 0));
                yield averaged(
                        def,
                        BigDecimal.valueOf(c.points()),
                        c.answers(),
                        IndicatorAverage.of(c.points(), c.answers(), rules).orElse(null),
                        Words.of(
                                "index.basis.answers",
                                Words.VI,
                                String.valueOf(c.answers()),
                                String.valueOf(def.criterion()),
                                String.valueOf(c.points())));
            }
            case UNIT_ENTRY -> {
                BigDecimal entered = in.unitEntries().get(def.number());
                yield entered == null
                        ? new UnitResult.IndicatorResult(
                                def.number(),
                                def.source(),
                                null,
                                null,
                                0,
                                null,
                                null,
                                Words.of("index.basis.notEntered", Words.VI))
                        : new UnitResult.IndicatorResult(
                                def.number(),
                                def.source(),
                                null,
                                entered,
                                1,
                                entered.setScale(EXACT_SCALE, RoundingMode.HALF_UP),
                                rules.averageRounding().apply(entered),
                                Words.of("index.basis.entered", Words.VI));
            }
            case COMPLAINTS_ON_TIME -> {
                Methodology.ComplaintsIndicator t = method.complaintsIndicator();
                BigDecimal max = BigDecimal.valueOf(rules.indicatorMax());
                BigDecimal value;
                BigDecimal percent = in.complaints() == 0
                        ? HUNDRED
                        : BigDecimal.valueOf(in.complaintsOnTime())
                                .multiply(HUNDRED)
                                .divide(BigDecimal.valueOf(in.complaints()), EXACT_SCALE, RoundingMode.HALF_UP);
                if (in.complaints() == 0 || percent.compareTo(t.fullPercent()) >= 0) {
                    value = max;
                } else if (percent.compareTo(t.partialPercent()) >= 0) {
                    value = max.divide(BigDecimal.TWO);
                } else {
                    value = BigDecimal.ZERO;
                }
                yield new UnitResult.IndicatorResult(
                        def.number(),
                        def.source(),
                        null,
                        BigDecimal.valueOf(in.complaintsOnTime()),
                        in.complaints(),
                        percent,
                        rules.averageRounding().apply(value),
                        in.complaints() == 0
                                ? Words.of("index.basis.noComplaints", Words.VI)
                                : Words.of(
                                        "index.basis.complaintsOnTime",
                                        Words.VI,
                                        String.valueOf(in.complaintsOnTime()),
                                        String.valueOf(in.complaints()),
                                        percent.stripTrailingZeros().toPlainString()));
            }
        };
    }

    private static UnitResult.IndicatorResult averaged(
            Methodology.Indicator def,
            BigDecimal numerator,
            long denominator,
            @Nullable BigDecimal average,
            String note) {
        BigDecimal exact = denominator == 0
                ? null
                : numerator.divide(BigDecimal.valueOf(denominator), EXACT_SCALE, RoundingMode.HALF_UP);
        return new UnitResult.IndicatorResult(
                def.number(), def.source(), def.criterion(), numerator, denominator, exact, average, note);
    }

    /** The satisfaction rate's sample under the methodology's rule: the same answers as {@link #satisfactionRate}. */
    static UnitResult.SatisfactionSample satisfactionSample(Methodology.SatisfactionRule sat, UnitInputs in) {
        int scale = sat.rateRounding().scale();
        if (Methodology.OVERALL.equals(sat.criterion())) {
            return UnitResult.SatisfactionSample.of(in.satisfied(), in.ratings(), scale);
        }
        UnitInputs.CriterionCounts answers = in.criteria().get(sat.criterion());
        return answers == null
                ? UnitResult.SatisfactionSample.of(0, 0, scale)
                : UnitResult.SatisfactionSample.of(answers.satisfied(), answers.answers(), scale);
    }

    /**
     * The satisfaction rate under the methodology's rule: the overall question's answers (the
     * default, {@value Methodology#OVERALL}), or another criterion's answers when the province
     * measures satisfaction on that one. Null without answers.
     */
    static @Nullable BigDecimal satisfactionRate(Methodology.SatisfactionRule sat, UnitInputs in) {
        if (Methodology.OVERALL.equals(sat.criterion())) {
            return in.ratings() == 0
                    ? null
                    : sat.rateRounding()
                            .divide(
                                    BigDecimal.valueOf(in.satisfied()).multiply(HUNDRED),
                                    BigDecimal.valueOf(in.ratings()));
        }
        UnitInputs.CriterionCounts answers = in.criteria().get(sat.criterion());
        return answers == null || answers.answers() == 0
                ? null
                : sat.rateRounding()
                        .divide(
                                BigDecimal.valueOf(answers.satisfied()).multiply(HUNDRED),
                                BigDecimal.valueOf(answers.answers()));
    }
}
