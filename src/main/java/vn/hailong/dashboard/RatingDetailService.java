package vn.hailong.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.security.ScopeService;

/**
 * The single ratings behind the dashboard's figures: the unhappy ones with their reasons and
 * comments, and a dossier's. The units always from the user's scope, checked here and not only in
 * the view.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
// One read-only transaction (one pooled connection) per call, which the scope, directory, dossier
// and rating look-ups join, instead of one each.
@Transactional(readOnly = true)
public class RatingDetailService {

    private final SelectionScope scope;
    private final ScopeService scopes;
    private final DirectoryService directory;
    private final DossierIntakeService intake;
    private final RatingService ratings;
    private final Clock clock;

    RatingDetailService(
            SelectionScope scope,
            ScopeService scopes,
            DirectoryService directory,
            DossierIntakeService intake,
            RatingService ratings,
            Clock clock) {
        this.scope = scope;
        this.scopes = scopes;
        this.directory = directory;
        this.intake = intake;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** Ratings answered "not satisfied", newest first, with their reasons and comments. */
    public List<UnhappyRating> unhappy(Selection selection, @Nullable String reason, @Nullable String text, int limit) {
        Set<UUID> units = scope.units(selection);
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

    /** A dossier and its ratings, if its unit is in the user's scope. */
    public DossierView dossier(String code) {
        DossierDetails d =
                intake.find(code).orElseThrow(() -> new NotFoundException("no dossier with code '" + code + "'"));
        if (!scopes.currentScope().includes(d.evaluatedUnitId())) {
            throw new AccessDeniedException("dossier " + code + " belongs to a unit outside your scope");
        }
        return new DossierView(d, ratings.ofDossier(d.id()));
    }
}
