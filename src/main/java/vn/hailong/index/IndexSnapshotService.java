package vn.hailong.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.index.internal.IndexJson;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/**
 * Reading the index's snapshots: their headers, the published results of a period (open data), a
 * draft's results for review, and a unit's explanation in a snapshot.
 *
 * <p>A snapshot is computed as a DRAFT ({@link IndexComputationService}), reviewed
 * ({@link IndexReviewService}) and published or corrected ({@link IndexPublicationService}); what
 * is stored is never rewritten, so every snapshot stays readable and explainable here, the
 * corrected ones too.
 */
@Service
public class IndexSnapshotService {

    private final IndexSnapshotStore store;
    private final SnapshotRecords records;
    private final MethodologyService methodologies;
    private final ScopeService scopes;

    IndexSnapshotService(
            IndexSnapshotStore store, SnapshotRecords records, MethodologyService methodologies, ScopeService scopes) {
        this.store = store;
        this.records = records;
        this.methodologies = methodologies;
        this.scopes = scopes;
    }

    @Transactional(readOnly = true)
    public Snapshot get(UUID snapshotId) {
        return records.get(snapshotId);
    }

    /** The latest snapshots (drafts and published), newest first, for review. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public List<Snapshot> recent(int limit) {
        return store.latest(limit);
    }

    /** The current published snapshot of every published period, newest period first: open data, no log-in needed. */
    @Transactional(readOnly = true)
    public List<Snapshot> published() {
        return store.currentPublications();
    }

    @Transactional(readOnly = true)
    public Optional<Snapshot> published(String scheme, String period) {
        return records.publicationOf(scheme, IndexPeriod.parse(period, "period").toString())
                .map(records::get);
    }

    /**
     * The published results of a period: open data. Peer group null for all; ordered by peer
     * group, rank (unranked last) and unit code.
     *
     * @throws NotFoundException when the period is not published under the scheme
     */
    @Transactional(readOnly = true)
    public List<UnitResult> publishedResults(String scheme, String period, @Nullable String peerGroup) {
        IndexPeriod p = IndexPeriod.parse(period, "period");
        methodologies.forYear(scheme, p.year());
        UUID id = records.publicationOf(scheme, p.toString())
                .orElseThrow(
                        () -> new NotFoundException("period " + p + " is not published under scheme '" + scheme + "'"));
        return results(id, peerGroup);
    }

    /** The results of any snapshot (drafts too), for review by the province. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public List<UnitResult> draftResults(UUID snapshotId) {
        return results(snapshotId, null);
    }

    /**
     * A snapshot's results as a league table: in the order of the methodology's ranking rule
     * ({@link IndexCalculator#leagueOrder}), each with its satisfaction sample.
     */
    private List<UnitResult> results(UUID snapshotId, @Nullable String peerGroup) {
        Methodology methodology = methodologies.get(records.get(snapshotId).methodologyId());
        List<UnitResult> results = new ArrayList<>();
        for (IndexSnapshotStore.Figures f : store.resultsOf(snapshotId, peerGroup)) {
            results.add(withSample(methodology, f.inputs(), f.result()));
        }
        results.sort(IndexCalculator.leagueOrder(methodology.definition().ranking()));
        return List.copyOf(results);
    }

    /** Results stored before the sample was part of them get it from their archived inputs (the same rule). */
    private static UnitResult withSample(Methodology methodology, UnitInputs inputs, UnitResult result) {
        return result.satisfaction() != null
                ? result
                : result.withSatisfaction(IndexCalculator.satisfactionSample(
                        methodology.definition().satisfaction(), inputs));
    }

    /**
     * A unit's explanation in a snapshot. Drafts are for the province (and auditors); a published
     * snapshot is explained to anyone responsible for the unit, and to integrators.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READERS_AND_INTEGRATORS)
    public Explanation explain(UUID snapshotId, String unitCode) {
        Snapshot s = records.get(snapshotId);
        AccessScope scope = Actors.isIntegrator() ? AccessScope.everything() : scopes.currentScope();
        if (s.status() == SnapshotStatus.DRAFT && !scope.allUnits()) {
            throw new AccessDeniedException("drafts are reviewed by the province");
        }
        IndexSnapshotStore.StoredUnit row = store.unitOf(snapshotId, unitCode)
                .orElseThrow(() -> new NotFoundException("unit '" + unitCode + "' is not in snapshot " + s.period()));
        if (!scope.includes(UnitId.of(row.agency()))) {
            throw new AccessDeniedException("unit " + unitCode + " is not one of yours");
        }
        Methodology methodology = methodologies.get(s.methodologyId());
        UnitInputs unitInputs = IndexJson.read(row.inputs(), UnitInputs.class);
        return new Explanation(
                s,
                methodology,
                unitInputs,
                withSample(methodology, unitInputs, IndexJson.read(row.result(), UnitResult.class)));
    }

    /** A unit's explanation in the published snapshot of a period. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READERS_AND_INTEGRATORS)
    public Explanation explainPublished(String scheme, String period, String unitCode) {
        IndexPeriod p = IndexPeriod.parse(period, "period");
        methodologies.forYear(scheme, p.year());
        UUID id = records.publicationOf(scheme, p.toString())
                .orElseThrow(
                        () -> new NotFoundException("period " + p + " is not published under scheme '" + scheme + "'"));
        // Called on this object, not through its proxy: the same rule as explain's, checked once.
        return explain(id, unitCode);
    }

    /** The snapshots a unit appears in that the current user may explain, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public List<Snapshot> explainable() {
        AccessScope scope = scopes.currentScope();
        if (scope.allUnits()) {
            return store.latest(50);
        }
        if (scope.unitIds().isEmpty()) {
            return List.of();
        }
        // A unit head sees the published periods that list one of their units, nothing else.
        return store
                .latestListingAnyOf(scope.unitIds().stream().map(UnitId::value).toList(), 50)
                .stream()
                .filter(Snapshot::isPublished)
                .toList();
    }

    /** Codes and names of the units of a snapshot the current user may explain. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
    public Map<String, String> explainableUnits(UUID snapshotId) {
        AccessScope scope = scopes.currentScope();
        Map<String, String> units = new LinkedHashMap<>();
        for (IndexSnapshotStore.UnitName u : store.unitsOf(snapshotId)) {
            if (scope.includes(UnitId.of(u.agency()))) {
                units.put(u.code(), u.name());
            }
        }
        return units;
    }

    /** The period's current draft (the one a publication would publish), if any. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public Optional<Snapshot> currentDraft(String scheme, String period) {
        String p = IndexPeriod.parse(period, "period").toString();
        return store.latestDraft(scheme, p);
    }

    /** Every published snapshot of a period, the current one first, then the ones it replaced, newest first. */
    @Transactional(readOnly = true)
    public List<Snapshot> publicationHistory(String scheme, String period) {
        String p = IndexPeriod.parse(period, "period").toString();
        return store.publicationsOf(scheme, p);
    }

    /** The drafts of a scheme waiting to be published (corrections' drafts included), oldest first. */
    List<Snapshot> waitingDrafts(String scheme) {
        return store.draftsOf(scheme);
    }
}
