package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.Retries;
import vn.hailong.platform.UnitId;

/**
 * Keeps the rollups in step with ratings and dossiers. A change only names what changed (a rating,
 * a dossier); the maintainer reads the current state and moves the difference to what the ledger
 * says was applied, so a change applied twice, late or out of order changes nothing twice.
 *
 * <p>Changes arrive through {@link RollupOutbox} (a row in the writer's own transaction) and are
 * applied by {@link RollupDrainer}, many at once in one short transaction: each rollup row of a unit
 * and of the units above it is written once per batch, however many ratings the batch holds. A
 * citizen's request never waits for it, and a failure here never fails a rating.
 */
@Service
@EnableConfigurationProperties(RollupProperties.class)
public class RollupMaintainer {

    private static final Logger log = LoggerFactory.getLogger(RollupMaintainer.class);
    /** At most this many of each per sweep; the next sweep takes the rest. */
    private static final int SWEEP_LIMIT = 5_000;
    /** Ratings or dossiers applied in one transaction by the sweep. */
    private static final int SWEEP_BATCH = 500;

    private final RollupStore store;
    private final DirectoryService directory;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RetryTemplate retry = Retries.onWriteConflict(6);
    private final Duration sweepLookBack;
    private final Duration sweepSettle;

    RollupMaintainer(
            RollupStore store,
            DirectoryService directory,
            Clock clock,
            PlatformTransactionManager transactions,
            RollupProperties properties) {
        this.sweepLookBack = properties.sweep().lookBack();
        this.sweepSettle = properties.sweep().settle();
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read committed, the pool's default (spring.datasource.hikari.transaction-isolation): after
        // waiting for a ledger row's lock, the worker reads the rating as it is now.
    }

    /** What a batch brings the rollups in line with: ratings, dossiers, and dossiers whose ratings follow them. */
    record Changes(Set<UUID> ratings, Set<UUID> dossiers, Set<UUID> dossiersWithRatings) {

        static Changes of(Collection<RollupStore.Pending> pending) {
            Changes changes = new Changes(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
            for (RollupStore.Pending p : pending) {
                switch (p.subject()) {
                    case RollupOutbox.RATING -> changes.ratings().add(p.subjectId());
                    case RollupOutbox.DOSSIER -> changes.dossiers().add(p.subjectId());
                    default -> changes.dossiersWithRatings().add(p.subjectId());
                }
            }
            return changes;
        }
    }

    /**
     * Catches up with changes whose outbox row was lost or dropped (see {@link RollupDrainer}): a
     * safety net, not the mechanism. Every node sweeps the recent past now and then; applying is
     * idempotent, so overlapping sweeps change nothing twice. Returns how many ratings and dossiers
     * it reconciled.
     */
    // hailong.rollups.sweep.every's default is written here only (RollupProperties.Sweep does not hold it).
    @Scheduled(
            initialDelayString = "${hailong.rollups.sweep.every:PT5M}",
            fixedDelayString = "${hailong.rollups.sweep.every:PT5M}")
    public int sweep() {
        Instant now = clock.instant();
        // Changes younger than the settle time are left to the outbox.
        Instant from = now.minus(sweepLookBack);
        Instant to = now.minus(sweepSettle);
        List<UUID> lostRatings = store.ratingsOutOfStep(from, to, SWEEP_LIMIT);
        List<UUID> lostDossiers = store.dossiersOutOfStep(from, to, SWEEP_LIMIT);
        for (int i = 0; i < lostRatings.size(); i += SWEEP_BATCH) {
            applyNow(new Changes(
                    new TreeSet<>(lostRatings.subList(i, Math.min(lostRatings.size(), i + SWEEP_BATCH))),
                    Set.of(),
                    Set.of()));
        }
        for (int i = 0; i < lostDossiers.size(); i += SWEEP_BATCH) {
            applyNow(new Changes(
                    Set.of(),
                    Set.of(),
                    new TreeSet<>(lostDossiers.subList(i, Math.min(lostDossiers.size(), i + SWEEP_BATCH)))));
        }
        if (!lostRatings.isEmpty() || !lostDossiers.isEmpty()) {
            log.warn(
                    "Rollup sweep caught up with {} ratings and {} dossiers out of step",
                    lostRatings.size(),
                    lostDossiers.size());
        }
        return lostRatings.size() + lostDossiers.size();
    }

    /** Brings the rollups in line with the rating's current status, now, in a transaction of its own; a no-op when they are. */
    public void reconcileRating(UUID ratingId) {
        applyNow(new Changes(Set.of(ratingId), Set.of(), Set.of()));
    }

    /** Brings the returned-dossier rollups in line with the dossier's current facts, now. */
    public void reconcileDossier(UUID dossierId) {
        applyNow(new Changes(Set.of(), Set.of(dossierId), Set.of()));
    }

    private void applyNow(Changes changes) {
        try {
            retry.invoke(() -> transaction.executeWithoutResult(tx -> apply(changes)));
        } catch (RuntimeException e) {
            log.error(
                    "Rollups of {} not updated; the sweep (every hailong.rollups.sweep.every) repairs them, or rebuild them now: "
                            + "POST /actuator/rollups on the management port",
                    changes,
                    e);
        }
    }

    /**
     * Applies the current state of the changed ratings and dossiers in the caller's transaction:
     * locks their ledger rows, reads them once, and writes the merged difference of all of them in
     * one upsert per table (rows in key order, so concurrent batches never deadlock each other).
     * Returns the changed ratings it could not see (a read that is behind the commit that named
     * them): their changes must stay queued, not be taken for applied.
     */
    Set<UUID> apply(Changes changes) {
        Set<UUID> unseen = new TreeSet<>();
        int offset = RawSql.offsetSeconds(clock);
        Instant now = clock.instant();
        Map<UUID, List<UUID>> ancestors = new HashMap<>();

        SortedSet<UUID> ratingIds = new TreeSet<>(changes.ratings());
        ratingIds.addAll(store.ratingsOfDossiers(changes.dossiersWithRatings()));
        if (!ratingIds.isEmpty()) {
            Map<UUID, RollupStore.RatingEntry> applied = store.lockRatings(ratingIds);
            Map<UUID, RatingContribution.Current> current = store.currentRatings(ratingIds, offset);
            List<RollupRow> change = new ArrayList<>();
            Map<UUID, RollupStore.RatingEntry> record = new HashMap<>();
            for (UUID id : ratingIds) {
                RatingContribution.Current rating = current.get(id);
                if (rating == null) {
                    if (changes.ratings().contains(id)) {
                        unseen.add(id);
                    }
                    continue;
                }
                RollupStore.RatingEntry before = applied.get(id);
                if (before != null
                        && before.status().equals(rating.status())
                        && Objects.equals(before.officer(), rating.officer())) {
                    continue;
                }
                List<RollupRow> own =
                        new ArrayList<>(rating.withOfficer(rating.officer()).rows(rating.status(), 1));
                if (before != null) {
                    own.addAll(rating.withOfficer(before.officer()).rows(before.status(), -1));
                }
                // The same change under every unit above (their rows of the units below); a rating never changes unit.
                change.addAll(
                        RollupRow.withAncestors(own, ancestors.computeIfAbsent(rating.unitId(), this::ancestorsOf)));
                record.put(id, new RollupStore.RatingEntry(rating.status(), rating.officer()));
            }
            store.add(RollupRow.merge(change));
            store.recordRatings(record, now);
        }

        SortedSet<UUID> dossierIds = new TreeSet<>(changes.dossiers());
        dossierIds.addAll(changes.dossiersWithRatings());
        if (!dossierIds.isEmpty()) {
            Map<UUID, ReturnContribution> applied = store.lockDossiers(dossierIds);
            Map<UUID, ReturnContribution> current = store.currentReturns(dossierIds, offset);
            List<ReturnRow> change = new ArrayList<>();
            Map<UUID, Optional<ReturnContribution>> record = new HashMap<>();
            for (UUID id : dossierIds) {
                ReturnContribution before = applied.get(id);
                ReturnContribution after = current.get(id);
                if (!Objects.equals(before, after)) {
                    // A dossier may move to another unit: each side counts under its own unit's ancestors.
                    if (after != null) {
                        change.addAll(ReturnRow.withAncestors(
                                after.rows(1), ancestors.computeIfAbsent(after.unitId(), this::ancestorsOf)));
                    }
                    if (before != null) {
                        change.addAll(ReturnRow.withAncestors(
                                before.rows(-1), ancestors.computeIfAbsent(before.unitId(), this::ancestorsOf)));
                    }
                }
                // Written also when nothing changed: the sweep compares this time with the dossier's.
                record.put(id, Optional.ofNullable(after));
            }
            store.addReturns(ReturnRow.merge(change));
            store.recordDossiers(record, now);
        }
        return unseen;
    }

    private List<UUID> ancestorsOf(UUID unit) {
        return directory.ancestorsOf(UnitId.of(unit)).stream()
                .map(UnitId::value)
                .toList();
    }
}
