package vn.hailong.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.aggregation.CounterCoverage;
import vn.hailong.aggregation.CounterCoverageReadModel;
import vn.hailong.aggregation.RollupDimension;
import vn.hailong.aggregation.Subtrees;
import vn.hailong.directory.CounterSummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.ProcedureSummary;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingWords;

/**
 * The dashboard's figures of a period broken down by unit, procedure, counter, officer or channel,
 * and the integrity signals read from the same breakdowns (devices, officers and counters whose
 * coverage lags, ratings bound to no handover). The units always from the user's scope, checked
 * here and not only in the view.
 */
@Service
@EnableConfigurationProperties(DashboardProperties.class)
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
// One read-only transaction (one pooled connection) per call, which the scope, directory and rollup
// look-ups join, instead of one each.
@Transactional(readOnly = true)
public class BreakdownService {

    private final SelectionScope scope;
    private final RollupFigures figures;
    private final CounterCoverageReadModel counterCoverage;
    private final DirectoryService directory;
    private final DashboardProperties properties;
    private final Clock clock;

    BreakdownService(
            SelectionScope scope,
            RollupFigures figures,
            CounterCoverageReadModel counterCoverage,
            DirectoryService directory,
            DashboardProperties properties,
            Clock clock) {
        this.scope = scope;
        this.figures = figures;
        this.counterCoverage = counterCoverage;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    public List<BreakdownRow> breakdown(Selection selection, Breakdown by) {
        Subtrees units = scope.wholes(selection);
        DashboardPeriod p = selection.period();
        return switch (by) {
            case UNIT -> byUnit(selection, scope.units(selection));
            case PROCEDURE -> {
                Map<String, Figures> rows = figures.grouped(RollupDimension.PROCEDURE, units, p);
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
                Map<String, Figures> rows = figures.grouped(RollupDimension.OFFICER, units, p);
                // Too few ratings say more about chance than about a person: left out.
                rows.values().removeIf(f -> f.ratings() < properties.officerMinRatings());
                Map<String, String> names = directory.officerNames(rows.keySet());
                yield rows(rows, k -> k, k -> names.getOrDefault(k, k));
            }
            case COUNTER -> counters(scope.units(selection), p);
            case CHANNEL -> rows(figures.grouped(RollupDimension.CHANNEL, units, p), k -> k, RatingWords::channel);
        };
    }

    /** The minimum number of ratings from which officers' figures are shown. */
    public int officerMinRatings() {
        return properties.officerMinRatings();
    }

    private List<BreakdownRow> byUnit(Selection selection, Set<UUID> units) {
        Map<String, Figures> own = figures.perUnit(units, selection.period());
        List<UnitNode> tree = scope.unitTree();
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

    public Integrity integrity(Selection selection) {
        Subtrees units = scope.wholes(selection);
        DashboardPeriod p = selection.period();
        Figures totals = figures.total(units, p);
        List<BreakdownRow> devices = rows(
                figures.grouped(RollupDimension.COUNTER, units, p),
                k -> k,
                k -> Words.of("dashboard.integrity.device", Words.VI, k));
        Map<String, Figures> officers = figures.grouped(RollupDimension.OFFICER, units, p);
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
        Set<UUID> unitSet = scope.units(selection);
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

    private static List<BreakdownRow> rows(
            Map<String, Figures> byKey, Function<String, String> code, Function<String, String> label) {
        return byKey.entrySet().stream()
                .map(e -> new BreakdownRow(e.getKey(), code.apply(e.getKey()), label.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((BreakdownRow r) -> -r.figures().ratings())
                        .thenComparing(BreakdownRow::label))
                .toList();
    }
}
