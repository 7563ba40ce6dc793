package vn.hailong.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.aggregation.CounterCoverage;
import vn.hailong.aggregation.CounterCoverageReadModel;
import vn.hailong.aggregation.RatingCell;
import vn.hailong.aggregation.ReturnCell;
import vn.hailong.aggregation.RollupDimension;
import vn.hailong.aggregation.RollupQueries;
import vn.hailong.aggregation.Subtrees;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.ProcedureSummary;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.rating.Label;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.QuestionnaireService;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingWords;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/**
 * The managers' dashboard: figures of a period for a unit's subtree (or everything the user may
 * see), compared with the period before and the same period a year earlier, broken down by unit,
 * procedure, counter, officer, channel and hour; unhappy ratings; integrity signals. Figures come
 * from the rollups; the units always from the user's scope, checked here and not only in the view.
 */
@Service
@EnableConfigurationProperties(DashboardProperties.class)
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
// One read-only transaction (one pooled connection) per call, which the scope, directory and rollup
// look-ups join, instead of one each.
@Transactional(readOnly = true)
public class DashboardService {

    private final RollupQueries rollups;
    private final CounterCoverageReadModel counterCoverage;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final ScopeService scopes;
    private final DashboardProperties properties;
    private final QuestionnaireService questionnaires;
    private final Clock clock;

    DashboardService(
            RollupQueries rollups,
            CounterCoverageReadModel counterCoverage,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            ScopeService scopes,
            DashboardProperties properties,
            QuestionnaireService questionnaires,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.rollups = rollups;
        this.counterCoverage = counterCoverage;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.scopes = scopes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Months shown by a trend line: a year at least, so that a month or a quarter shows how it came about. */
    static final int TREND_MONTHS = 12;
    /** Months a long custom period may show at most (three years). */
    static final int TREND_MAX_MONTHS = 36;

    /** The agency tree limited to the user's scope. */
    public List<UnitNode> unitTree() {
        AccessScope scope = scopes.currentScope();
        List<AgencySummary> visible = directory.allUnits().stream()
                .filter(u -> scope.includes(UnitId.of(u.id())))
                .toList();
        Set<UUID> ids = visible.stream().map(AgencySummary::id).collect(Collectors.toSet());
        return visible.stream()
                .map(u -> new UnitNode(
                        u.id(),
                        u.code(),
                        u.name(),
                        u.parentId() != null && ids.contains(u.parentId()) ? u.parentId() : null))
                .toList();
    }

    /**
     * The first selection: the last complete month (a month three days old read beside whole months
     * misleads), everything in scope.
     */
    public Selection defaultSelection() {
        return new Selection(
                DashboardPeriod.containing(
                        DashboardPeriod.Kind.MONTH, LocalDate.now(clock).minusMonths(1)),
                null);
    }

    /** Today in the province, for "tính đến dd/MM". */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Headline headline(Selection selection) {
        Subtrees units = wholes(selection);
        DashboardPeriod.Comparison c = selection.period().comparedOn(LocalDate.now(clock));
        List<Figures> totals = totals(units, List.of(c.current(), c.previous(), c.lastYear()));
        return new Headline(
                c.period(), totals.get(0), c.previous(), totals.get(1), c.lastYear(), totals.get(2), c.asOf());
    }

    /** The figures of the units as a whole in each period: two statements, whatever the number of periods. */
    private List<Figures> totals(Subtrees units, List<DashboardPeriod> periods) {
        List<RollupQueries.Days> days = periods.stream()
                .map(p -> new RollupQueries.Days(p.from(), p.to()))
                .toList();
        List<List<RatingCell>> ratingCells = rollups.ratings(RollupDimension.ALL, units, days, false);
        List<List<ReturnCell>> returnCells = rollups.returns(RollupDimension.ALL, units, days, false);
        List<Figures> totals = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Builder b = new Builder();
            ratingCells.get(i).forEach(b::add);
            returnCells.get(i).forEach(b::add);
            totals.add(b.build());
        }
        return totals;
    }

    private Figures total(Subtrees units, DashboardPeriod period) {
        return totals(units, List.of(period)).getFirst();
    }

    public List<BreakdownRow> breakdown(Selection selection, Breakdown by) {
        Subtrees units = wholes(selection);
        DashboardPeriod p = selection.period();
        return switch (by) {
            case UNIT -> byUnit(selection, units(selection));
            case PROCEDURE -> {
                Map<String, Figures> rows = grouped(RollupDimension.PROCEDURE, units, p, Cellish::dimValue);
                Map<UUID, ProcedureSummary> names = directory.procedures(
                        rows.keySet().stream().map(UUID::fromString).toList());
                yield rows(
                        rows,
                        k -> {
                            ProcedureSummary named = names.get(UUID.fromString(k));
                            return named != null ? named.code() : "";
                        },
                        k -> {
                            ProcedureSummary named = names.get(UUID.fromString(k));
                            return named != null ? named.name() : k;
                        });
            }
            case OFFICER -> {
                Map<String, Figures> rows = grouped(RollupDimension.OFFICER, units, p, Cellish::dimValue);
                // Too few ratings say more about chance than about a person: left out.
                rows.values().removeIf(f -> f.ratings() < properties.officerMinRatings());
                Map<String, String> names = directory.officerNames(rows.keySet());
                yield rows(rows, k -> k, k -> names.getOrDefault(k, k));
            }
            case COUNTER -> counters(units(selection), p);
            case CHANNEL ->
                rows(grouped(RollupDimension.CHANNEL, units, p, Cellish::dimValue), k -> k, RatingWords::channel);
        };
    }

    /** The criteria of the active questionnaire with their Vietnamese labels, in its order. */
    public Map<String, String> criterionLabels() {
        return criterionLabels(false);
    }

    /** The criteria of the active questionnaire with their labels (English or Vietnamese), in its order. */
    public Map<String, String> criterionLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .criteria()
                .forEach(c -> labels.put(c.key(), text(c.label(), english)));
        return labels;
    }

    /** Reason codes of the active questionnaire with their Vietnamese labels. */
    public Map<String, String> reasonLabels() {
        return reasonLabels(false);
    }

    public Map<String, String> reasonLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires
                .active(QuestionnaireService.DEFAULT_TEMPLATE)
                .reasons()
                .forEach(r -> labels.put(r.code(), text(r.label(), english)));
        return labels;
    }

    /** Options of the active questionnaire's overall question ("Hài lòng", ...) by key. */
    public Map<String, String> overallOptionLabels() {
        return overallOptionLabels(false);
    }

    public Map<String, String> overallOptionLabels(boolean english) {
        Map<String, String> labels = new LinkedHashMap<>();
        questionnaires.active(QuestionnaireService.DEFAULT_TEMPLATE).criteria().stream()
                .filter(c -> c.key().equals(Questionnaire.OVERALL))
                .forEach(c -> c.options().forEach(o -> labels.put(o.key(), text(o.label(), english))));
        return labels;
    }

    private static String text(Label label, boolean english) {
        return english && label.en() != null && !label.en().isBlank() ? label.en() : label.vi();
    }

    /** The minimum number of ratings from which officers' figures are shown. */
    public int officerMinRatings() {
        return properties.officerMinRatings();
    }

    private List<BreakdownRow> byUnit(Selection selection, Set<UUID> units) {
        Map<String, Figures> own = perUnit(units, selection.period());
        List<UnitNode> tree = unitTree();
        Map<UUID, UnitNode> nodes = tree.stream().collect(Collectors.toMap(UnitNode::id, n -> n));
        Map<UUID, List<UUID>> children = new HashMap<>();
        tree.forEach(n -> {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
            }
        });
        List<UUID> heads = selection.unitId() == null
                ? tree.stream()
                        .filter(n -> n.parentId() == null)
                        .map(UnitNode::id)
                        .toList()
                : children.getOrDefault(selection.unitId(), List.of());
        List<BreakdownRow> rows = new ArrayList<>();
        Figures direct =
                selection.unitId() == null ? null : own.get(selection.unitId().toString());
        if (direct != null) {
            // The selected unit is in scope (units() checked it), so it is in the tree.
            UnitNode self = Objects.requireNonNull(nodes.get(selection.unitId()));
            rows.add(new BreakdownRow(
                    self.id().toString(),
                    self.code(),
                    Words.of("dashboard.breakdown.unitItself", Words.VI, self.name()),
                    direct));
        }
        for (UUID head : heads) {
            Figures sum = Figures.NONE;
            for (UUID u : subtree(head, children)) {
                sum = sum.plus(own.getOrDefault(u.toString(), Figures.NONE));
            }
            if (sum.returned() > 0 || sum.ratings() > 0 || sum.superseded() + sum.unbound() + sum.excluded() > 0) {
                UnitNode n = Objects.requireNonNull(nodes.get(head)); // heads are nodes of the tree
                rows.add(new BreakdownRow(head.toString(), n.code(), n.name(), sum));
            }
        }
        rows.sort(Comparator.comparing(BreakdownRow::label));
        return rows;
    }

    private static Set<UUID> subtree(UUID root, Map<UUID, List<UUID>> children) {
        Set<UUID> result = new HashSet<>();
        List<UUID> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            UUID u = todo.removeLast();
            if (result.add(u)) {
                todo.addAll(children.getOrDefault(u, List.of()));
            }
        }
        return result;
    }

    public List<HourCell> hourGrid(Selection selection) {
        List<HourCell> cells = new ArrayList<>();
        grouped(RollupDimension.HOUR, wholes(selection), selection.period(), Cellish::dimValue)
                .forEach((k, f) -> {
                    String[] parts = k.split("-");
                    cells.add(new HourCell(
                            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), f.ratings(), f.happy()));
                });
        cells.sort(Comparator.comparingInt(HourCell::weekday).thenComparingInt(HourCell::hour));
        return cells;
    }

    /**
     * Monthly figures for trend lines: the twelve months ending with the selection's last month (or
     * every month of a longer period, up to three years), each beside the same month a year earlier.
     * Whole months from the month rollups: a custom period's partial first and last months count whole.
     */
    public List<TrendPoint> trend(Selection selection) {
        Subtrees units = wholes(selection);
        YearMonth last = YearMonth.from(selection.period().to());
        YearMonth first = YearMonth.from(selection.period().from());
        if (first.isAfter(last.minusMonths(TREND_MONTHS - 1))) {
            first = last.minusMonths(TREND_MONTHS - 1);
        }
        if (first.isBefore(last.minusMonths(TREND_MAX_MONTHS - 1))) {
            first = last.minusMonths(TREND_MAX_MONTHS - 1);
        }
        Map<String, Builder> byMonth = new TreeMap<>();
        LocalDate from = first.minusYears(1).atDay(1);
        LocalDate to = last.atDay(1);
        for (RatingCell c : rollups.ratingsByMonth(units, from, to)) {
            byMonth.computeIfAbsent(c.dimValue(), k -> new Builder()).add(c);
        }
        for (ReturnCell c : rollups.returnsByMonth(units, from, to)) {
            byMonth.computeIfAbsent(c.dimValue(), k -> new Builder()).add(c);
        }
        List<TrendPoint> points = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Builder now = byMonth.get(m.atDay(1).toString());
            Builder before = byMonth.get(m.minusYears(1).atDay(1).toString());
            points.add(new TrendPoint(
                    m, now == null ? Figures.NONE : now.build(), before == null ? Figures.NONE : before.build()));
        }
        return points;
    }

    /** Ratings answered "not satisfied", newest first, with their reasons and comments. */
    public List<UnhappyRating> unhappy(Selection selection, @Nullable String reason, @Nullable String text, int limit) {
        Set<UUID> units = units(selection);
        ZoneId zone = clock.getZone();
        List<RatingFacts> found = ratings.unhappy(
                units.stream().map(UnitId::of).toList(),
                selection.period().from().atStartOfDay(zone).toInstant(),
                selection.period().to().plusDays(1).atStartOfDay(zone).toInstant(),
                reason,
                text,
                limit);
        Map<DossierId, String> codes =
                intake.codesOf(found.stream().map(RatingFacts::dossierId).collect(Collectors.toSet()));
        Map<UUID, String> unitNames =
                directory.allUnits().stream().collect(Collectors.toMap(AgencySummary::id, AgencySummary::name));
        return found.stream()
                .map(r -> new UnhappyRating(
                        r.id().value(),
                        // rating.dossier_id and evaluated_agency_id: NOT NULL foreign keys, never deleted.
                        Objects.requireNonNull(codes.get(r.dossierId())),
                        Objects.requireNonNull(unitNames.get(r.unitId().value())),
                        r.submittedAt(),
                        r.channel().name(),
                        r.status().name(),
                        List.copyOf(r.reasons()),
                        r.comment()))
                .toList();
    }

    public Integrity integrity(Selection selection) {
        Subtrees units = wholes(selection);
        DashboardPeriod p = selection.period();
        Figures totals = total(units, p);
        List<BreakdownRow> devices = rows(
                grouped(RollupDimension.COUNTER, units, p, Cellish::dimValue),
                k -> k,
                k -> Words.of("dashboard.integrity.device", Words.VI, k));
        Map<String, Figures> officers = grouped(RollupDimension.OFFICER, units, p, Cellish::dimValue);
        Map<String, String> names = directory.officerNames(officers.keySet());
        Double expected = totals.coverage();
        List<Outlier> outliers = new ArrayList<>();
        if (expected != null) {
            officers.forEach((k, f) -> {
                if (f.returned() >= properties.outlierMinReturned()
                        && f.coverage() != null
                        && f.coverage() < expected / 2) {
                    outliers.add(new Outlier(
                            k, names.getOrDefault(k, k), f.returned(), f.ratings(), f.coverage(), expected));
                }
            });
        }
        outliers.sort(Comparator.comparing(Outlier::coverage));
        Set<UUID> unitSet = units(selection);
        List<BreakdownRow> counters = counters(unitSet, p);
        Figures all = counters.stream().map(BreakdownRow::figures).reduce(Figures.NONE, Figures::plus);
        List<Outlier> counterOutliers = new ArrayList<>();
        if (all.coverage() != null) {
            for (BreakdownRow r : counters) {
                Figures c = r.figures();
                // With dossiers returned (outlierMinReturned of them) a counter has its coverage.
                if (c.returned() >= properties.outlierMinReturned()
                        && Objects.requireNonNull(c.coverage()) < all.coverage() / 2) {
                    counterOutliers.add(
                            new Outlier(r.key(), r.label(), c.returned(), c.ratings(), c.coverage(), all.coverage()));
                }
            }
        }
        counterOutliers.sort(Comparator.comparing(Outlier::coverage));
        ZoneId zone = clock.getZone();
        Instant from = p.from().atStartOfDay(zone).toInstant();
        Instant to = p.to().plusDays(1).atStartOfDay(zone).toInstant();
        long unbound = counterCoverage.unboundRatings(unitSet, from, to);
        CounterCoverageReadModel.AbandonedRatings abandoned = counterCoverage.abandonedRatings(unitSet, from, to);
        CounterCoverageReadModel.EnteredCodes entered = counterCoverage.enteredCodes(unitSet, from, to);
        return new Integrity(
                totals,
                devices,
                outliers,
                counterOutliers,
                unbound,
                abandoned.stored(),
                abandoned.withoutReason(),
                counterCoverage.notMine(unitSet, from, to),
                entered.keyed(),
                entered.scanned());
    }

    /**
     * Counters from the kiosk's handovers (see {@link CounterCoverageReadModel}): {@code returned} of
     * their figures counts the dossiers handed over there, {@code ratings} those of them with a
     * counted rating, by overall answer. No criteria, no lateness: a handover is not a return.
     */
    private List<BreakdownRow> counters(Set<UUID> units, DashboardPeriod p) {
        ZoneId zone = clock.getZone();
        List<CounterCoverage> found = counterCoverage.coverage(
                units,
                p.from().atStartOfDay(zone).toInstant(),
                p.to().plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, CounterSummary> names =
                directory.allCounters().stream().collect(Collectors.toMap(CounterSummary::id, c -> c));
        Map<String, Figures> rows = new TreeMap<>();
        for (CounterCoverage c : found) {
            rows.put(
                    c.counterId().toString(),
                    new Figures(
                            c.handedOver(),
                            0,
                            c.rated(),
                            c.verySatisfied(),
                            c.satisfied(),
                            c.dissatisfied(),
                            Map.of(),
                            0,
                            0,
                            0));
        }
        return rows(
                rows,
                k -> {
                    var named = names.get(UUID.fromString(k));
                    return named != null ? named.code() : "";
                },
                k -> {
                    var named = names.get(UUID.fromString(k));
                    return named != null ? named.name() + " · " + named.centreName() : k;
                });
    }

    /** A dossier and its ratings, if its unit is in the user's scope. */
    public DossierView dossier(String code) {
        DossierDetails d =
                intake.find(code).orElseThrow(() -> new NotFoundException("no dossier with code '" + code + "'"));
        if (!scopes.currentScope().includes(d.evaluatedUnitId())) {
            throw new AccessDeniedException("dossier " + code + " belongs to a unit outside your scope");
        }
        return new DossierView(d, ratings.ofDossier(d.id()));
    }

    /** The units of a selection within the user's scope (the unit and those below it, or everything in scope). */
    public Set<UUID> unitsOf(Selection selection) {
        return units(selection);
    }

    private Set<UUID> units(Selection selection) {
        AccessScope scope = scopeOf(selection);
        if (selection.unitId() != null) {
            return directory.subtreeOf(UnitId.of(selection.unitId())).stream()
                    .filter(scope::includes)
                    .map(UnitId::value)
                    .collect(Collectors.toSet());
        }
        return directory.allUnitIds().stream()
                .filter(scope::includes)
                .map(UnitId::value)
                .collect(Collectors.toSet());
    }

    /**
     * The same units as whole subtrees, for figures that add them up: a selected unit is read from
     * its own rollup rows and its rows of the units below, without listing them (a scope is always
     * a whole subtree, {@link AccessScope}); everything in scope from the roots of its trees.
     */
    private Subtrees wholes(Selection selection) {
        AccessScope scope = scopeOf(selection);
        if (selection.unitId() != null) {
            return Subtrees.under(selection.unitId());
        }
        Map<UUID, UUID> parents = new HashMap<>();
        directory
                .parentsOfAllUnits()
                .forEach((unit, parent) -> parents.put(unit.value(), parent == null ? null : parent.value()));
        return Subtrees.of(
                parents,
                parents.keySet().stream()
                        .filter(u -> scope.includes(UnitId.of(u)))
                        .collect(Collectors.toSet()));
    }

    /** The user's scope, once a selected unit is known to be in it. */
    private AccessScope scopeOf(Selection selection) {
        AccessScope scope = scopes.currentScope();
        if (selection.unitId() != null && !scope.includes(UnitId.of(selection.unitId()))) {
            throw new AccessDeniedException("unit outside your scope");
        }
        return scope;
    }

    /** What rating and return cells have in common, to group both by the same key. */
    private interface Cellish {
        /** Null where the cells sum the units (not {@code perUnit}). */
        @Nullable
        UUID unitId();

        String dimValue();

        static Cellish of(@Nullable UUID unit, String value) {
            return new Cellish() {
                public @Nullable UUID unitId() {
                    return unit;
                }

                public String dimValue() {
                    return value;
                }
            };
        }
    }

    /** Figures per value of the dimension, the units summed (a unit's own figures: {@link #perUnit}). */
    private Map<String, Figures> grouped(
            RollupDimension dimension, Subtrees units, DashboardPeriod period, Function<Cellish, String> key) {
        return grouped(dimension, units, period, key, false);
    }

    /** Figures of each unit as a whole. */
    private Map<String, Figures> perUnit(Set<UUID> units, DashboardPeriod period) {
        return grouped(
                RollupDimension.ALL,
                Subtrees.eachOwn(units),
                period,
                c -> Objects.requireNonNull(c.unitId()).toString(), // perUnit: every cell has its unit
                true);
    }

    private Map<String, Figures> grouped(
            RollupDimension dimension,
            Subtrees units,
            DashboardPeriod period,
            Function<Cellish, String> key,
            boolean perUnit) {
        Map<String, Builder> builders = new TreeMap<>();
        for (RatingCell c : rollups.ratings(dimension, units, period.from(), period.to(), perUnit)) {
            builders.computeIfAbsent(key.apply(Cellish.of(c.unitId(), c.dimValue())), k -> new Builder())
                    .add(c);
        }
        for (ReturnCell c : rollups.returns(dimension, units, period.from(), period.to(), perUnit)) {
            builders.computeIfAbsent(key.apply(Cellish.of(c.unitId(), c.dimValue())), k -> new Builder())
                    .add(c);
        }
        Map<String, Figures> result = new TreeMap<>();
        builders.forEach((k, b) -> result.put(k, b.build()));
        return result;
    }

    private static List<BreakdownRow> rows(
            Map<String, Figures> figures, Function<String, String> code, Function<String, String> label) {
        return figures.entrySet().stream()
                .map(e -> new BreakdownRow(e.getKey(), code.apply(e.getKey()), label.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((BreakdownRow r) -> -r.figures().ratings())
                        .thenComparing(BreakdownRow::label))
                .toList();
    }

    private static final class Builder {
        long returned, late, ratings, very, sat, dis, superseded, unbound, excluded;
        final Map<String, Figures.CriterionSum> criteria = new TreeMap<>();

        void add(ReturnCell c) {
            returned += c.returned();
            late += c.late();
        }

        void add(RatingCell c) {
            boolean overall = c.criterion().equals(Questionnaire.OVERALL);
            switch (c.status()) {
                case "COUNTED" -> {
                    if (overall) {
                        ratings += c.answers();
                        very += c.p2();
                        sat += c.p1();
                        dis += c.p0();
                    }
                    criteria.merge(
                            c.criterion(),
                            new Figures.CriterionSum(c.answers(), c.points()),
                            (a, b) -> new Figures.CriterionSum(a.answers() + b.answers(), a.points() + b.points()));
                }
                case "SUPERSEDED" -> superseded += overall ? c.answers() : 0;
                case "UNBOUND" -> unbound += overall ? c.answers() : 0;
                case "EXCLUDED" -> excluded += overall ? c.answers() : 0;
                default -> {}
            }
        }

        Figures build() {
            return new Figures(
                    returned, late, ratings, very, sat, dis, Map.copyOf(criteria), superseded, unbound, excluded);
        }
    }
}
