package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A versioned methodology: everything that turns a unit's counts into its published figures
 * (domain.md §2–§4). Stored as JSON ({@link Definition}) with its scheme, version, province and year.
 *
 * @param id       the stored row
 * @param scheme   the methodology's code, e.g. {@code default}; the API's {@code scheme}
 * @param version  1, 2, …: a change is a new version, never an edit
 * @param province the province it is for, or null for any
 * @param year     the year it is for, or null for any year without a methodology of its own
 */
public record Methodology(
        UUID id,
        String scheme,
        int version,
        @Nullable String province,
        @Nullable Integer year,
        String name,
        Definition definition) {

    /** The satisfaction rule's criterion meaning the overall question ("Ông/Bà hài lòng … ?"). */
    public static final String OVERALL = "overall";

    public Methodology {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(definition, "definition");
    }

    /**
     * The rules themselves. {@code dossiers} and {@code unitEntries} (and the newer keys inside
     * {@code par} and {@code ranking}) were added after the first versions were stored: a version
     * without them reads as the behaviour it was published with ({@link DossierRules#defaults()},
     * {@link EntryRules#defaults()}, {@link ParBandBasis#POINTS_PERCENT}, no minimum sample).
     */
    public record Definition(
            List<Indicator> indicators,
            ComplaintsIndicator complaintsIndicator,
            Circular01Rules circular01,
            SatisfactionRule satisfaction,
            Decision766Rules decision766,
            ParSurvey par,
            RankingRule ranking,
            DossierRules dossiers,
            EntryRules unitEntries) {

        public Definition {
            dossiers = dossiers == null ? DossierRules.defaults() : dossiers;
            unitEntries = unitEntries == null ? EntryRules.defaults() : unitEntries;
            Objects.requireNonNull(indicators, "indicators");
            Objects.requireNonNull(complaintsIndicator, "complaintsIndicator");
            Objects.requireNonNull(circular01, "circular01");
            Objects.requireNonNull(satisfaction, "satisfaction");
            Objects.requireNonNull(decision766, "decision766");
            Objects.requireNonNull(par, "par");
            Objects.requireNonNull(ranking, "ranking");
            indicators = indicators.stream()
                    .sorted(Comparator.comparingInt(Indicator::number))
                    .toList();
            var numbers = new HashSet<Integer>();
            for (Indicator i : indicators) {
                if (i.number() < 1 || i.number() > Circular01Rules.INDICATORS || !numbers.add(i.number())) {
                    throw new IllegalArgumentException("indicators must be 1..9, each once: " + indicators);
                }
            }
            if (numbers.size() != Circular01Rules.INDICATORS) {
                throw new IllegalArgumentException("all nine indicators need a source: " + indicators);
            }
        }

        public Indicator indicator(int number) {
            return indicators.get(number - 1);
        }

        /** The numbers of the indicators this methodology takes from units' entries, ascending. */
        public List<Integer> enteredIndicators() {
            return indicators.stream()
                    .filter(i -> i.source() == IndicatorSource.UNIT_ENTRY)
                    .map(Indicator::number)
                    .toList();
        }

        public Definition withRanking(RankingRule ranking) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withMinimumRatings(int minimumRatings) {
            return withRanking(new RankingRule(ranking.rankBy(), ranking.withinPeerGroups(), minimumRatings));
        }

        public Definition withPar(ParSurvey par) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withSatisfaction(SatisfactionRule satisfaction) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withDossiers(DossierRules dossiers) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withUnitEntries(EntryRules unitEntries) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withIndicators(List<Indicator> indicators) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withCircular01(Circular01Rules circular01) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withDecision766(Decision766Rules decision766) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }

        public Definition withComplaintsIndicator(ComplaintsIndicator complaintsIndicator) {
            return new Definition(
                    indicators,
                    complaintsIndicator,
                    circular01,
                    satisfaction,
                    decision766,
                    par,
                    ranking,
                    dossiers,
                    unitEntries);
        }
    }

    /**
     * How dossiers are read. {@code onTimeBy}: a dossier returned after its due time but on its due
     * day is late ({@link OnTimeBy#DUE_INSTANT}, the default: 19:00 on a day due at 17:00 is late)
     * or on time ({@link OnTimeBy#DUE_DATE}: only the calendar day in the province's zone counts).
     * {@code withoutDossiers}: a unit with no dossier in the period is published with the band and
     * Decision 766 points its empty data give ({@link WithoutDossiers#CLASSIFIED}, the default: "Yếu",
     * 766 = 12.00 from the two PAKN ratios at 100 %), or listed without a band, TT 01 score or 766
     * total ({@link WithoutDossiers#UNCLASSIFIED}).
     */
    public record DossierRules(OnTimeBy onTimeBy, WithoutDossiers withoutDossiers) {

        public DossierRules {
            onTimeBy = onTimeBy == null ? OnTimeBy.DUE_INSTANT : onTimeBy;
            withoutDossiers = withoutDossiers == null ? WithoutDossiers.CLASSIFIED : withoutDossiers;
        }

        public static DossierRules defaults() {
            return new DossierRules(OnTimeBy.DUE_INSTANT, WithoutDossiers.CLASSIFIED);
        }
    }

    public enum OnTimeBy {
        DUE_INSTANT,
        DUE_DATE
    }

    public enum WithoutDossiers {
        CLASSIFIED,
        UNCLASSIFIED
    }

    /** Which entered indicators a month or quarter uses when it lacks its own: see {@link EntryFallback}. */
    public record EntryRules(EntryFallback fallback) {

        public EntryRules {
            fallback = fallback == null ? EntryFallback.PER_INDICATOR : fallback;
        }

        public static EntryRules defaults() {
            return new EntryRules(EntryFallback.PER_INDICATOR);
        }
    }

    /** How a month's or quarter's entered indicators fall back to its year's entries. */
    public enum EntryFallback {
        /** The default: each indicator the period lacks is taken from the year, one at a time. */
        PER_INDICATOR,
        /** The year's entries stand in only when the period has no entry at all; else the period's alone count. */
        WHOLE_PERIOD,
        /** Never: a period without its own entry has the indicator missing. */
        NONE;

        /** The entries that apply, given the period's own and its year's (both by indicator number). */
        public Map<Integer, BigDecimal> resolve(Map<Integer, BigDecimal> own, Map<Integer, BigDecimal> year) {
            Map<Integer, BigDecimal> result = new TreeMap<>();
            switch (this) {
                case PER_INDICATOR -> {
                    result.putAll(year);
                    result.putAll(own);
                }
                case WHOLE_PERIOD -> result.putAll(own.isEmpty() ? year : own);
                case NONE -> result.putAll(own);
            }
            return result;
        }
    }

    /** One Circular 01 indicator and where its value comes from ({@code criterion} for citizens' answers). */
    public record Indicator(
            int number, IndicatorSource source, @Nullable String criterion) {

        public Indicator {
            Objects.requireNonNull(source, "source");
            if (source == IndicatorSource.CITIZEN_ANSWER && (criterion == null || criterion.isBlank())) {
                throw new IllegalArgumentException("indicator " + number + " from citizens' answers needs a criterion");
            }
            if (source == IndicatorSource.UNIT_ENTRY && !UnitIndicatorService.ENTERED.contains(number)) {
                throw new IllegalArgumentException(
                        "only indicators " + UnitIndicatorService.ENTERED + " can be entered per unit");
            }
        }
    }

    /** Indicator 8 from complaints: 2 when none or at least {@code fullPercent} on time, 1 from {@code partialPercent}, else 0. */
    public record ComplaintsIndicator(BigDecimal fullPercent, BigDecimal partialPercent) {

        public ComplaintsIndicator {
            Objects.requireNonNull(fullPercent, "fullPercent");
            Objects.requireNonNull(partialPercent, "partialPercent");
            if (partialPercent.compareTo(fullPercent) > 0) {
                throw new IllegalArgumentException("partialPercent above fullPercent");
            }
        }
    }

    /**
     * The satisfaction rate: answers to {@code criterion} ({@value #OVERALL} for the overall
     * question, else a criterion key of the survey template) that earn at least
     * {@code satisfiedMinPoints} (satisfied or very satisfied) over such answers, in percent.
     * Decision 766's "Không hài lòng" is always the overall answer below {@code satisfiedMinPoints}
     * (domain.md §3: "any rating of it is Không hài lòng").
     */
    public record SatisfactionRule(String criterion, int satisfiedMinPoints, Rounding rateRounding) {

        public SatisfactionRule {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(rateRounding, "rateRounding");
        }
    }

    /** The PAR Index survey component and its groups ("Nhóm I ≥ 90%"), best first, by percentage of the maximum. */
    public record ParSurvey(ParSurveyComponent component, List<ParBand> bands, ParBandBasis bandBasis) {

        public ParSurvey {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(bands, "bands");
            bands = bands.stream()
                    .sorted(Comparator.comparing(ParBand::fromPercent).reversed())
                    .toList();
            bandBasis = bandBasis == null ? ParBandBasis.POINTS_PERCENT : bandBasis;
        }

        /** The group of a percentage, or null when no group starts low enough. */
        public @Nullable String band(BigDecimal percent) {
            return bands.stream()
                    .filter(b -> percent.compareTo(b.fromPercent()) >= 0)
                    .map(ParBand::name)
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * What "Nhóm I ≥ 90 %" is read on: the survey points as a percentage of their maximum, rounded
     * ({@link #POINTS_PERCENT}, the default: a rate of 89.99 % earns 32.85 of 36.5 points = 90.00 %
     * and lands in Nhóm I), or the satisfaction rate itself ({@link #SATISFACTION_RATE}: 89.99 % is
     * below 90 %).
     */
    public enum ParBandBasis {
        POINTS_PERCENT,
        SATISFACTION_RATE
    }

    public record ParBand(String name, BigDecimal fromPercent) {

        public ParBand {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fromPercent, "fromPercent");
        }
    }

    /**
     * Which published figure units are ranked by, whether within peer groups (else all together),
     * and the minimum sample: a unit with fewer counted ratings than {@code minimumRatings} is
     * listed "chưa đủ số đánh giá" and not ranked (the others are ranked as if it were absent).
     * A version stored before the minimum existed reads as 0 (no minimum), the rule it was
     * published with; new versions default to {@value #DEFAULT_MINIMUM_RATINGS}.
     */
    public record RankingRule(RankBy rankBy, boolean withinPeerGroups, Integer minimumRatings) {

        public static final int DEFAULT_MINIMUM_RATINGS = 30;
        public static final int MAX_MINIMUM_RATINGS = 100_000;

        public RankingRule {
            Objects.requireNonNull(rankBy, "rankBy");
            minimumRatings = minimumRatings == null ? 0 : minimumRatings;
            if (minimumRatings < 0 || minimumRatings > MAX_MINIMUM_RATINGS) {
                throw new IllegalArgumentException(
                        "minimumRatings must be 0.." + MAX_MINIMUM_RATINGS + ": " + minimumRatings);
            }
        }

        /** Whether a unit with this many counted ratings may be ranked. */
        public boolean enoughRatings(long ratings) {
            return ratings >= minimumRatings;
        }
    }

    public enum RankBy {
        PAR_SURVEY_POINTS,
        CIRCULAR01_TOTAL,
        DECISION766_POINTS
    }
}
