package vn.hailong.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.index.internal.IndexJson;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.index.internal.PeriodInputsReadModel;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.Ids;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/**
 * Computing, reviewing and publishing the index of a period.
 *
 * <p>Computing a period makes a DRAFT snapshot: every unit's inputs (counts and entered indicators),
 * its full result, the methodology version and the SHA-256 of the canonical inputs. Publishing it
 * makes it PUBLISHED: from then on nothing about it changes. The snapshot tables are insert-only
 * (no UPDATE statement exists for them); publishing inserts a publication row, one per scheme and
 * period, whose foreign key makes the database itself refuse to delete a published snapshot. A
 * draft may be recomputed (it is replaced) until the period is published.
 *
 * <p>An error found after publication is put right by a <em>correction</em> (đính chính): a new
 * snapshot of the same period, published with a reason as the correction of the current one. The
 * corrected snapshot stays stored, explainable and listed as CORRECTED; the period's figures are
 * those of the last correction. Nothing published is ever rewritten.
 */
@Service
public class IndexSnapshotService {

    /** DRAFT: under review; PUBLISHED: the period's figures; CORRECTED: published, then replaced by a correction. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        CORRECTED
    }

    /**
     * A snapshot's header. {@code publishedAt}/{@code publishedBy} are null for a draft;
     * {@code corrects} and {@code correctionReason} are set when it was published as a correction,
     * {@code correctedBy} when a later correction replaced it.
     */
    public record Snapshot(
            UUID id,
            String scheme,
            String period,
            UUID methodologyId,
            int methodologyVersion,
            String inputsHash,
            int units,
            Instant computedAt,
            String computedBy,
            long computeMillis,
            Status status,
            @Nullable Instant publishedAt,
            @Nullable String publishedBy,
            @Nullable UUID corrects,
            @Nullable String correctionReason,
            @Nullable UUID correctedBy) {

        /** True for the published figures of the period and for the ones they replaced. */
        public boolean isPublished() {
            return status != Status.DRAFT;
        }
    }

    /** Everything about one unit in one snapshot. */
    public record Explanation(Snapshot snapshot, Methodology methodology, UnitInputs inputs, UnitResult result) {}

    /** Recomputing a snapshot from its archived inputs: the hash and every result must match. */
    public record Recomputation(
            String archivedHash, String recomputedHash, boolean resultsIdentical, List<UnitResult> results) {

        public boolean identical() {
            return archivedHash.equals(recomputedHash) && resultsIdentical;
        }
    }

    /** The canonical form hashed: what went in, nothing that came out. */
    record CanonicalInputs(
            String scheme,
            String period,
            UUID methodologyId,
            int methodologyVersion,
            List<UnitInputs> units,
            Map<String, Integer> previousRanks) {}

    private final IndexSnapshotStore store;
    private final PeriodInputsReadModel inputs;
    private final MethodologyService methodologies;
    private final ScopeService scopes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndexPublicationProperties publication;

    IndexSnapshotService(
            IndexSnapshotStore store,
            PeriodInputsReadModel inputs,
            MethodologyService methodologies,
            ScopeService scopes,
            Clock clock,
            ApplicationEventPublisher events,
            IndexPublicationProperties publication) {
        this.events = events;
        this.publication = publication;
        this.store = store;
        this.inputs = inputs;
        this.methodologies = methodologies;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * Computes a period under a scheme's methodology for its year and stores it as a draft,
     * replacing an earlier draft of the same scheme and period.
     *
     * @throws ConflictException if the period is already published under this scheme
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot compute(String scheme, String period) {
        return computeDraft(scheme, period, false);
    }

    /**
     * Computes a draft correction of a published period: the same computation on today's data and
     * methodology, to be published with {@link #publishCorrection} once reviewed. Until then the
     * published figures stand.
     *
     * @throws ConflictException if the period is not published under this scheme
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot computeCorrection(String scheme, String period) {
        return computeDraft(scheme, period, true);
    }

    /** A computation as the API answers it: the draft, and whether it was made by an earlier request with the same key. */
    public record Computation(Snapshot snapshot, boolean replayed) {}

    /**
     * {@link #compute} or {@link #computeCorrection}, idempotent per caller and key: a request
     * repeated with the same {@code idempotencyKey} (a client's retry after a lost answer) answers
     * the draft the first one made instead of replacing it with another computation. Without a key,
     * every call computes.
     *
     * @throws InvalidInputException naming {@code idempotencyKey} when it is malformed or was used for another period
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Computation compute(String scheme, String period, boolean correction, @Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Computation(computeDraft(scheme, period, correction, Ids.newId()), false);
        }
        if (idempotencyKey.isBlank()
                || idempotencyKey.length() > 100
                || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127)) {
            throw InvalidInputException.malformed(
                    "idempotencyKey", "an idempotency key is 1–100 printable ASCII characters without spaces");
        }
        String client = Actors.current();
        String p = IndexPeriod.parse(period, "period").toString();
        Optional<Computation> earlier = replay(client, idempotencyKey, scheme, p, correction);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = Ids.newId();
        try {
            // First, so that a concurrent request with the same key waits on this row and then replays.
            store.insertComputeRequest(client, idempotencyKey, scheme, p, correction, id, clock.instant());
        } catch (DuplicateKeyException concurrent) {
            return replay(client, idempotencyKey, scheme, p, correction).orElseThrow(() -> concurrent);
        }
        return new Computation(computeDraft(scheme, period, correction, id), false);
    }

    private Optional<Computation> replay(String client, String key, String scheme, String period, boolean correction) {
        Optional<IndexSnapshotStore.ComputeRequest> found = store.computeRequest(client, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndexSnapshotStore.ComputeRequest e = found.get();
        if (!e.scheme().equals(scheme) || !e.period().equals(period) || e.correction() != correction) {
            throw InvalidInputException.unprocessable(
                    "idempotencyKey",
                    "idempotency key '" + key + "' was used for " + e.scheme() + " " + e.period()
                            + (e.correction() ? " (correction)" : "") + "; choose a new key for another computation");
        }
        refuseGone(e.snapshot());
        return Optional.of(new Computation(get(e.snapshot()), true));
    }

    private Snapshot computeDraft(String scheme, String period, boolean correction) {
        return computeDraft(scheme, period, correction, Ids.newId());
    }

    /** The schedule's computation (no user: audited as "system"), in the schedule's transaction. */
    Snapshot computeScheduled(String scheme, String period) {
        return computeDraft(scheme, period, false, Ids.newId());
    }

    /** The drafts of a scheme waiting to be published (corrections' drafts included), oldest first. */
    List<Snapshot> waitingDrafts(String scheme) {
        return store.draftsOf(scheme);
    }

    /** A new draft of a period: a first computation of an unpublished one, or a correction of a published one. */
    private Snapshot computeDraft(String scheme, String period, boolean correction, UUID newId) {
        long started = System.nanoTime();
        IndexPeriod p = IndexPeriod.parse(period, "period");
        Methodology methodology = methodologies.forYear(scheme, p.year());
        boolean published = publicationOf(scheme, p.toString()).isPresent();
        if (published && !correction) {
            throw new ConflictException(
                    "period",
                    p + " is already published under scheme '" + scheme
                            + "'; published results never change (a correction can be computed instead)");
        }
        if (!published && correction) {
            throw new ConflictException(
                    "period", p + " is not published under scheme '" + scheme + "'; compute and publish it first");
        }
        ZoneId zone = clock.getZone();
        Instant from = p.start().atStartOfDay(zone).toInstant();
        Instant to = p.end().plusDays(1).atStartOfDay(zone).toInstant();
        String year = p.granularity() == IndexPeriod.Granularity.YEAR
                ? null
                : p.containingYear().toString();
        Methodology.Definition rules = methodology.definition();
        PeriodInputsReadModel.Reading reading = new PeriodInputsReadModel.Reading(
                rules.satisfaction().satisfiedMinPoints(),
                rules.dossiers().onTimeBy(),
                zone.getRules().getOffset(from).getTotalSeconds(),
                rules.unitEntries().fallback());
        Map<UUID, PeriodInputsReadModel.Counts> counts = inputs.counts(from, to, reading, p.toString(), year);
        Map<UUID, PeriodInputsReadModel.Unit> units = new LinkedHashMap<>();
        inputs.units(p.start(), p.end()).forEach(u -> units.put(u.id(), u));
        // Units with dossiers in the period are scored even if retired or of another kind since.
        List<UUID> extra =
                counts.keySet().stream().filter(id -> !units.containsKey(id)).toList();
        units.putAll(inputs.unitsById(extra));
        Map<UUID, UnitInputs> unitInputs = new HashMap<>();
        for (PeriodInputsReadModel.Unit u : units.values()) {
            PeriodInputsReadModel.Counts c = counts.get(u.id());
            // A unit with only entered indicators for another scheme's sake and no dossiers is still listed (flagged).
            unitInputs.put(u.id(), (c == null ? new PeriodInputsReadModel.Counts() : c).toInputs(u));
        }
        Map<String, Integer> previousRanks = publishedRanks(scheme, p.previous().toString());
        List<UnitInputs> sorted = unitInputs.values().stream()
                .sorted(Comparator.comparing(UnitInputs::unitCode))
                .toList();
        List<UnitResult> results = IndexCalculator.compute(methodology.definition(), sorted, previousRanks);
        String hash = hash(new CanonicalInputs(
                scheme, p.toString(), methodology.id(), methodology.version(), sorted, new TreeMap<>(previousRanks)));

        UUID id = newId;
        List<UUID> replaced = replaceDrafts(scheme, p.toString(), id);
        Instant now = clock.instant();
        long millis = (System.nanoTime() - started) / 1_000_000;
        store.insertSnapshot(id, scheme, p, methodology, hash, results.size(), now, Actors.current(), millis);
        Map<String, UUID> idByCode = new HashMap<>();
        units.values().forEach(u -> idByCode.put(u.code(), u.id()));
        Map<String, UnitInputs> inputsByCode = new HashMap<>();
        sorted.forEach(u -> inputsByCode.put(u.unitCode(), u));
        List<IndexSnapshotStore.NewUnit> rows = new ArrayList<>(results.size());
        for (UnitResult r : results) {
            // Every result is of one of these units and these inputs (compute keeps their codes).
            rows.add(new IndexSnapshotStore.NewUnit(
                    Objects.requireNonNull(idByCode.get(r.unitCode())),
                    Objects.requireNonNull(inputsByCode.get(r.unitCode())),
                    r));
        }
        store.insertUnits(id, rows);
        Snapshot draft = get(id);
        long unrated =
                results.stream().filter(r -> r.flags().contains("NO_RATINGS")).count();
        long ranked = results.stream().filter(r -> r.rank() != null).count();
        audit(
                AuditAction.INDEX_COMPUTED,
                draft,
                (correction ? "correction draft" : "draft") + " computed in " + millis + " ms; "
                        + results.size() + " units (" + ranked + " ranked, " + unrated + " without ratings)"
                        + (replaced.isEmpty()
                                ? ""
                                : "; replaces draft "
                                        + String.join(
                                                ", ",
                                                replaced.stream()
                                                        .map(UUID::toString)
                                                        .toList())));
        return draft;
    }

    /**
     * Records an index act in the audit log, in the act's transaction: who (the user, "api:" and the
     * key's client, or "system" for the schedule) and what (period, methodology version, snapshot id
     * and inputs hash, plus the act's own details).
     */
    private void audit(AuditAction action, Snapshot s, String details) {
        events.publishEvent(new AuditEvent(
                Actors.current(),
                action,
                "index " + s.scheme() + " " + s.period(),
                details + "; snapshot " + s.id() + "; methodology " + s.scheme() + " v" + s.methodologyVersion() + " ("
                        + s.methodologyId() + "); inputs sha256 " + s.inputsHash()));
    }

    /**
     * Publishes a draft: its figures become the period's published figures and never change.
     *
     * @throws ConflictException if it is already published or the period has another published snapshot
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publish(UUID snapshotId) {
        Snapshot s = publishable(snapshotId);
        try {
            store.insertPublication(snapshotId, s.scheme(), s.period(), clock.instant(), Actors.current());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "period", s.period() + " is already published under scheme '" + s.scheme() + "'");
        }
        Snapshot published = get(snapshotId);
        audit(
                AuditAction.INDEX_PUBLISHED,
                published,
                "published, " + published.units() + " units; reviewed by " + reviewersOf(published));
        events.publishEvent(published(published));
        return published;
    }

    /**
     * Publishes a reviewed draft as the correction of its period's current published snapshot,
     * which stays stored and is listed as corrected, with the reason given.
     *
     * @throws InvalidInputException naming {@code reason} when it is blank or longer than 1000 characters
     * @throws ConflictException if the draft is published already, or its period is not published
     *         (publish it normally), or another correction was published in the meantime
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publishCorrection(UUID snapshotId, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.malformed("reason", "a correction needs its reason");
        }
        if (reason.strip().length() > 1000) {
            throw InvalidInputException.malformed("reason", "the reason is longer than 1000 characters");
        }
        Snapshot s = publishable(snapshotId);
        UUID current = publicationOf(s.scheme(), s.period())
                .orElseThrow(() -> new ConflictException(
                        "period",
                        s.period() + " is not published under scheme '" + s.scheme()
                                + "'; publish the draft, not a correction"));
        try {
            store.insertCorrection(
                    snapshotId, current, s.scheme(), s.period(), reason.strip(), clock.instant(), Actors.current());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "snapshot", "the published snapshot of " + s.period() + " was corrected in the meantime");
        }
        Snapshot corrected = get(snapshotId);
        audit(
                AuditAction.INDEX_CORRECTED,
                corrected,
                "published as the correction of snapshot " + current + ", " + corrected.units() + " units; reason: "
                        + reason.strip() + "; reviewed by " + reviewersOf(corrected));
        events.publishEvent(published(corrected));
        return corrected;
    }

    private static IndexPublished published(Snapshot s) {
        return new IndexPublished(
                s.id(),
                s.scheme(),
                s.period(),
                s.methodologyVersion(),
                s.inputsHash(),
                s.units(),
                Objects.requireNonNull(s.publishedAt()), // a snapshot just published
                s.corrects(),
                s.correctionReason());
    }

    /** The period's current draft (the one a publication would publish), if any. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public Optional<Snapshot> currentDraft(String scheme, String period) {
        String p = IndexPeriod.parse(period, "period").toString();
        return store.latestDraft(scheme, p);
    }

    /**
     * Publishes a draft as what it is: the period's first publication, or, when the period is
     * published already, its correction, which needs the reason.
     *
     * @throws InvalidInputException naming {@code reason}: missing for a correction (400), given for a first publication (422)
     * @throws ConflictException published already, or a stale draft
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publishDraft(UUID snapshotId, @Nullable String reason) {
        Snapshot s = publishable(snapshotId);
        boolean correction = publicationOf(s.scheme(), s.period()).isPresent();
        if (correction) {
            return publishCorrection(snapshotId, reason);
        }
        if (reason != null && !reason.isBlank()) {
            throw InvalidInputException.unprocessable(
                    "reason", s.period() + " is not published yet: a first publication has no " + "correction reason");
        }
        return publish(snapshotId);
    }

    /** Every published snapshot of a period, the current one first, then the ones it replaced, newest first. */
    @Transactional(readOnly = true)
    public List<Snapshot> publicationHistory(String scheme, String period) {
        String p = IndexPeriod.parse(period, "period").toString();
        return store.publicationsOf(scheme, p);
    }

    /** Discards a draft. @throws ConflictException for a published snapshot */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public void discardDraft(UUID snapshotId) {
        Snapshot s = get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException("snapshot", "a published snapshot cannot be discarded or changed");
        }
        store.deleteDraft(snapshotId);
        remember(snapshotId, s.scheme(), s.period(), null);
        audit(AuditAction.INDEX_DRAFT_DISCARDED, s, "draft discarded");
    }

    /** A province manager's review of a draft: who checked it, when, the inputs hash they saw, an optional note. */
    public record Review(
            UUID snapshotId,
            String reviewedBy,
            String inputsHash,
            Instant reviewedAt,
            @Nullable String note) {}

    /**
     * Records that the current user reviewed a draft (checked its figures before publication).
     * Reviewing the same draft again is no second review: the first one is answered.
     *
     * @throws ConflictException for a published snapshot, or a draft gone (recomputed or discarded)
     * @throws InvalidInputException naming {@code note} when it is longer than 1000 characters
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Review review(UUID snapshotId, @Nullable String note) {
        if (note != null && note.strip().length() > 1000) {
            throw InvalidInputException.malformed("note", "the note is longer than 1000 characters");
        }
        refuseGone(snapshotId);
        Snapshot s = get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException(
                    "snapshot", "snapshot " + snapshotId + " is published; only drafts are reviewed");
        }
        String who = Actors.current();
        String text = note == null || note.isBlank() ? null : note.strip();
        try {
            // MariaDB's client counts a row found by ON DUPLICATE KEY as "affected": the key's refusal tells a repeat
            // apart.
            store.insertReview(snapshotId, who, s.inputsHash(), clock.instant(), text);
            audit(AuditAction.INDEX_REVIEWED, s, "draft reviewed" + (text == null ? "" : "; note: " + text));
        } catch (DuplicateKeyException again) {
            // reviewed by this reviewer before: that review stands
        }
        return reviews(snapshotId).stream()
                .filter(r -> r.reviewedBy().equals(who))
                .findFirst()
                .orElseThrow();
    }

    /** The reviews of a snapshot, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public List<Review> reviews(UUID snapshotId) {
        return store.reviewsOf(snapshotId);
    }

    private String reviewersOf(Snapshot s) {
        List<String> who = store.reviewersOf(s.id());
        return who.isEmpty() ? "nobody" : String.join(", ", who);
    }

    @Transactional(readOnly = true)
    public Snapshot get(UUID snapshotId) {
        return store.snapshot(snapshotId).orElseThrow(() -> new NotFoundException("no snapshot " + snapshotId));
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
        return publicationOf(scheme, IndexPeriod.parse(period, "period").toString())
                .map(this::get);
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
        UUID id = publicationOf(scheme, p.toString())
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
        Methodology methodology = methodologies.get(get(snapshotId).methodologyId());
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
        Snapshot s = get(snapshotId);
        AccessScope scope = Actors.isIntegrator() ? AccessScope.everything() : scopes.currentScope();
        if (s.status() == Status.DRAFT && !scope.allUnits()) {
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
        UUID id = publicationOf(scheme, p.toString())
                .orElseThrow(
                        () -> new NotFoundException("period " + p + " is not published under scheme '" + scheme + "'"));
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

    /**
     * Recomputes a snapshot from its archived inputs with the methodology version it names, and
     * compares the hash and every unit's result with what was stored.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public Recomputation recompute(UUID snapshotId) {
        Snapshot s = get(snapshotId);
        Methodology methodology = methodologies.get(s.methodologyId());
        List<UnitInputs> archived = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        Map<String, Integer> previousRanks = new TreeMap<>();
        for (IndexSnapshotStore.Archived unit : store.archivedUnitsOf(snapshotId)) {
            archived.add(unit.inputs());
            stored.add(unit.storedResult());
            UnitResult r = unit.result();
            if (r.previousRank() != null) {
                previousRanks.put(r.unitCode(), r.previousRank());
            }
        }
        List<UnitResult> again = IndexCalculator.compute(methodology.definition(), archived, previousRanks);
        String hash = hash(new CanonicalInputs(
                s.scheme(), s.period(), methodology.id(), methodology.version(), archived, previousRanks));
        boolean same = again.size() == stored.size();
        for (int i = 0; same && i < stored.size(); i++) {
            same = IndexJson.agrees(stored.get(i), IndexJson.write(again.get(i)));
        }
        return new Recomputation(s.inputsHash(), hash, same, again);
    }

    private Map<String, Integer> publishedRanks(String scheme, String period) {
        Map<String, Integer> ranks = new HashMap<>();
        publicationOf(scheme, period).ifPresent(id -> ranks.putAll(store.ranksOf(id)));
        return ranks;
    }

    /** The period's current published snapshot: its publication, or the last correction of it. */
    private Optional<UUID> publicationOf(String scheme, String period) {
        return store.currentPublicationOf(scheme, period);
    }

    /** Deletes the period's drafts, remembering each as replaced by the new draft (a stale id then answers 409). */
    private List<UUID> replaceDrafts(String scheme, String period, UUID by) {
        List<UUID> drafts = store.draftIdsOf(scheme, period);
        drafts.forEach(d -> {
            store.deleteDraft(d);
            remember(d, scheme, period, by);
        });
        return drafts;
    }

    private void remember(UUID gone, String scheme, String period, @Nullable UUID replacedBy) {
        store.markGone(gone, scheme, period, replacedBy, clock.instant(), Actors.current());
    }

    /**
     * A draft that no longer exists because it was recomputed or discarded: a conflict (the caller
     * holds a stale id), not an unknown snapshot.
     */
    private void refuseGone(UUID snapshotId) {
        Optional<IndexSnapshotStore.Gone> gone = store.goneOf(snapshotId);
        if (gone.isPresent()) {
            IndexSnapshotStore.Gone g = gone.get();
            throw new ConflictException(
                    "snapshot",
                    "stale draft: snapshot " + snapshotId + " of " + g.period() + " was "
                            + (g.replacedBy() == null
                                    ? "discarded"
                                    : "replaced by a newer computation, snapshot " + g.replacedBy())
                            + ", at " + g.goneAt() + "; review and publish the current draft");
        }
    }

    /** The draft to publish, refusing one that is gone, published or computed under a methodology version no longer in force. */
    private Snapshot publishable(UUID snapshotId) {
        refuseGone(snapshotId);
        Snapshot s = get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException("snapshot", "snapshot " + snapshotId + " is already published");
        }
        Methodology now = methodologies.forYear(
                s.scheme(), IndexPeriod.parse(s.period(), "period").year());
        if (!now.id().equals(s.methodologyId())) {
            throw new ConflictException(
                    "snapshot",
                    "stale draft: computed under " + s.scheme() + " v" + s.methodologyVersion() + ", but v"
                            + now.version() + " applies to " + s.period() + " now; compute the period again");
        }
        int missing = reviewsStillNeeded(s.id());
        if (missing > 0) {
            throw new ConflictException(
                    "reviews",
                    Words.of(
                            "index.error.reviewsMissing",
                            Words.VI,
                            String.valueOf(publication.reviewsRequired()),
                            String.valueOf(missing)));
        }
        return s;
    }

    /**
     * How many more reviews, by people other than the current user, the draft needs before the
     * current user may publish it ({@code hailong.index.publication.reviews-required}); 0 when it
     * may be published. One's own review counts for the others, never for oneself, and a person
     * counts once, whether they reviewed signed in or through their API key.
     */
    @Transactional(readOnly = true)
    public int reviewsStillNeeded(UUID snapshotId) {
        String me = Actors.person(Actors.current());
        long byOthers = store.reviewersInAnyOrderOf(snapshotId).stream()
                .map(Actors::person)
                .filter(who -> !who.equals(me))
                .distinct()
                .count();
        return (int) Math.max(0, publication.reviewsRequired() - byOthers);
    }

    static String hash(CanonicalInputs canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(IndexJson.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
