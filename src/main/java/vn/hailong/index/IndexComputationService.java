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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.index.internal.IndexJson;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.index.internal.PeriodInputsReadModel;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.Ids;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/**
 * Computing the index of a period into a DRAFT snapshot, and recomputing a snapshot from its
 * archived inputs.
 *
 * <p>A draft holds every unit's inputs (counts and entered indicators), its full result, the
 * methodology version and the SHA-256 of the canonical inputs; it may be recomputed (it is
 * replaced) until the period is published, and a published period gets a draft correction computed
 * instead (published by {@link IndexPublicationService}). Recomputing a stored snapshot from what it
 * archived must give the same hash and the same results.
 */
@Service
public class IndexComputationService {

    /** The canonical form hashed: what went in, nothing that came out. */
    record CanonicalInputs(
            String scheme,
            String period,
            UUID methodologyId,
            int methodologyVersion,
            List<UnitInputs> units,
            Map<String, Integer> previousRanks) {}

    private final IndexSnapshotStore store;
    private final SnapshotRecords records;
    private final PeriodInputsReadModel inputs;
    private final MethodologyService methodologies;
    private final Clock clock;

    IndexComputationService(
            IndexSnapshotStore store,
            SnapshotRecords records,
            PeriodInputsReadModel inputs,
            MethodologyService methodologies,
            Clock clock) {
        this.store = store;
        this.records = records;
        this.inputs = inputs;
        this.methodologies = methodologies;
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
     * methodology, to be published with {@link IndexPublicationService#publishCorrection} once
     * reviewed. Until then the published figures stand.
     *
     * @throws ConflictException if the period is not published under this scheme
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot computeCorrection(String scheme, String period) {
        return computeDraft(scheme, period, true);
    }

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
        records.refuseGone(e.snapshot());
        return Optional.of(new Computation(records.get(e.snapshot()), true));
    }

    private Snapshot computeDraft(String scheme, String period, boolean correction) {
        return computeDraft(scheme, period, correction, Ids.newId());
    }

    /** The schedule's computation (no user: audited as "system"), in the schedule's transaction. */
    Snapshot computeScheduled(String scheme, String period) {
        return computeDraft(scheme, period, false, Ids.newId());
    }

    /** A new draft of a period: a first computation of an unpublished one, or a correction of a published one. */
    private Snapshot computeDraft(String scheme, String period, boolean correction, UUID newId) {
        long started = System.nanoTime();
        IndexPeriod p = IndexPeriod.parse(period, "period");
        Methodology methodology = methodologies.forYear(scheme, p.year());
        boolean published = records.publicationOf(scheme, p.toString()).isPresent();
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
        Snapshot draft = records.get(id);
        long unrated =
                results.stream().filter(r -> r.flags().contains("NO_RATINGS")).count();
        long ranked = results.stream().filter(r -> r.rank() != null).count();
        records.audit(
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
     * Recomputes a snapshot from its archived inputs with the methodology version it names, and
     * compares the hash and every unit's result with what was stored.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public Recomputation recompute(UUID snapshotId) {
        Snapshot s = records.get(snapshotId);
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
        records.publicationOf(scheme, period).ifPresent(id -> ranks.putAll(store.ranksOf(id)));
        return ranks;
    }

    /** Deletes the period's drafts, remembering each as replaced by the new draft (a stale id then answers 409). */
    private List<UUID> replaceDrafts(String scheme, String period, UUID by) {
        List<UUID> drafts = store.draftIdsOf(scheme, period);
        drafts.forEach(d -> {
            store.deleteDraft(d);
            records.remember(d, scheme, period, by);
        });
        return drafts;
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
