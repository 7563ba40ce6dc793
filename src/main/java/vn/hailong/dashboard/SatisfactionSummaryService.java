package vn.hailong.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.rating.RatingService;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/** Satisfaction per unit for a period, for the units the current user may see. */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR')")
public class SatisfactionSummaryService {

    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final ScopeService scopes;
    private final Clock clock;

    SatisfactionSummaryService(
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            ScopeService scopes,
            Clock clock) {
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** A period's figures per unit; {@code from} and {@code to} are both included. */
    public record PeriodSummary(LocalDate from, LocalDate to, List<UnitSatisfaction> units) {}

    /** The last {@code months} months up to today, in the province's zone. */
    public PeriodSummary lastMonths(int months) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusMonths(months).plusDays(1);
        return new PeriodSummary(from, today, summarize(from, today));
    }

    /**
     * Figures for days {@code from} to {@code to}, both included: dossiers whose result was
     * returned then, and ratings submitted then. Units with neither are left out.
     */
    public List<UnitSatisfaction> summarize(LocalDate from, LocalDate to) {
        AccessScope scope = scopes.currentScope();
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<AgencySummary> units = directory.allUnits().stream()
                .filter(u -> scope.includes(u.id()))
                .toList();
        Set<UUID> ids = units.stream().map(AgencySummary::id).collect(Collectors.toSet());
        Map<UUID, Long> returned = intake.returnedByUnit(start, end, ids);
        Map<UUID, RatingService.RatingCounts> counts = ratings.countsByUnit(start, end, ids);
        return units.stream()
                .filter(u -> returned.containsKey(u.id()) || counts.containsKey(u.id()))
                .map(u -> {
                    RatingService.RatingCounts c = counts.getOrDefault(u.id(), new RatingService.RatingCounts(0, 0));
                    return new UnitSatisfaction(
                            u.code(),
                            u.name(),
                            u.kind().name(),
                            returned.getOrDefault(u.id(), 0L),
                            c.ratings(),
                            c.satisfied(),
                            UnitSatisfaction.rate(c.satisfied(), c.ratings()));
                })
                .sorted(Comparator.comparing(UnitSatisfaction::unitName))
                .toList();
    }
}
