package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
public record Methodology(UUID id, String scheme, int version, String province, Integer year, String name,
        Definition definition) {

    /** The satisfaction rule's criterion meaning the overall question ("Ông/Bà hài lòng … ?"). */
    public static final String OVERALL = "overall";

    public Methodology {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(definition, "definition");
    }

    /** The rules themselves. */
    public record Definition(List<Indicator> indicators, ComplaintsIndicator complaintsIndicator, Circular01Rules circular01,
            SatisfactionRule satisfaction, Decision766Rules decision766, ParSurvey par, RankingRule ranking) {

        public Definition {
            Objects.requireNonNull(indicators, "indicators");
            Objects.requireNonNull(complaintsIndicator, "complaintsIndicator");
            Objects.requireNonNull(circular01, "circular01");
            Objects.requireNonNull(satisfaction, "satisfaction");
            Objects.requireNonNull(decision766, "decision766");
            Objects.requireNonNull(par, "par");
            Objects.requireNonNull(ranking, "ranking");
            indicators = indicators.stream().sorted(Comparator.comparingInt(Indicator::number)).toList();
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
    }

    /** One Circular 01 indicator and where its value comes from ({@code criterion} for citizens' answers). */
    public record Indicator(int number, IndicatorSource source, String criterion) {

        public Indicator {
            Objects.requireNonNull(source, "source");
            if (source == IndicatorSource.CITIZEN_ANSWER && (criterion == null || criterion.isBlank())) {
                throw new IllegalArgumentException("indicator " + number + " from citizens' answers needs a criterion");
            }
            if (source == IndicatorSource.UNIT_ENTRY && !UnitIndicatorService.ENTERED.contains(number)) {
                throw new IllegalArgumentException("only indicators " + UnitIndicatorService.ENTERED + " can be entered per unit");
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
    public record ParSurvey(ParSurveyComponent component, List<ParBand> bands) {

        public ParSurvey {
            Objects.requireNonNull(component, "component");
            bands = bands.stream().sorted(Comparator.comparing(ParBand::fromPercent).reversed()).toList();
        }

        /** The group of a percentage, or null when no group starts low enough. */
        public String band(BigDecimal percent) {
            return bands.stream().filter(b -> percent.compareTo(b.fromPercent()) >= 0).map(ParBand::name).findFirst()
                    .orElse(null);
        }
    }

    public record ParBand(String name, BigDecimal fromPercent) {

        public ParBand {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fromPercent, "fromPercent");
        }
    }

    /** Which published figure units are ranked by, and whether within peer groups (else all together). */
    public record RankingRule(RankBy rankBy, boolean withinPeerGroups) {

        public RankingRule {
            Objects.requireNonNull(rankBy, "rankBy");
        }
    }

    public enum RankBy { PAR_SURVEY_POINTS, CIRCULAR01_TOTAL, DECISION766_POINTS }
}
