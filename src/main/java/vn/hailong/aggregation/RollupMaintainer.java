package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.intake.Timeliness;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatusChanged;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;

/**
 * Keeps the rollups in step with ratings and dossiers. Each event only names what changed; the
 * maintainer reads the current state and moves the difference to what the ledger says was
 * applied, so a redelivered, duplicated or out-of-order event changes nothing twice.
 *
 * <p>Runs after the rating's transaction commits, in a transaction of its own: a failure here
 * never undoes or fails a citizen's rating (it is logged; {@link RollupRebuild} repairs).
 */
@Service
public class RollupMaintainer {

    private static final Logger log = LoggerFactory.getLogger(RollupMaintainer.class);
    private static final int ATTEMPTS = 5;
    /** At most this many of each per sweep; the next sweep takes the rest. */
    private static final int SWEEP_LIMIT = 5_000;

    private final RollupStore store;
    private final RatingService ratings;
    private final DossierIntakeService intake;
    private final DirectoryService directory;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration sweepLookBack;
    private final Duration sweepSettle;

    RollupMaintainer(RollupStore store, RatingService ratings, DossierIntakeService intake, DirectoryService directory, Clock clock,
            PlatformTransactionManager transactions, @Value("${hailong.rollups.sweep.look-back:P2D}") Duration sweepLookBack,
            @Value("${hailong.rollups.sweep.settle:PT1M}") Duration sweepSettle) {
        this.sweepLookBack = sweepLookBack;
        this.sweepSettle = sweepSettle;
        this.store = store;
        this.ratings = ratings;
        this.intake = intake;
        this.directory = directory;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read committed: after waiting for the ledger row's lock, read the rating as it is now.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingSubmitted event) {
        reconcileRating(event.ratingId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingSuperseded event) {
        reconcileRating(event.supersededRatingId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingStatusChanged event) {
        reconcileRating(event.ratingId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DossierRecorded event) {
        reconcileDossier(event.dossierId());
        if (!event.created()) {
            // Its officers may have changed, and with them whom its ratings count for.
            ratings.idsOfDossier(event.dossierId()).forEach(this::reconcileRating);
        }
    }

    /**
     * Catches up with events that were lost: a node that stops between a rating's commit and this
     * listener (or whose listener failed) leaves the ledger behind the rating. Every node sweeps the
     * recent past now and then; reconciling is idempotent, so overlapping sweeps, and a sweep
     * meeting a late listener, change nothing twice. Returns how many ratings and dossiers it
     * reconciled.
     */
    @Scheduled(initialDelayString = "${hailong.rollups.sweep.every:PT5M}", fixedDelayString = "${hailong.rollups.sweep.every:PT5M}")
    public int sweep() {
        Instant now = clock.instant();
        // Changes younger than the settle time are left to their own listener, still running.
        Instant from = now.minus(sweepLookBack);
        Instant to = now.minus(sweepSettle);
        List<UUID> lostRatings = store.ratingsOutOfStep(from, to, SWEEP_LIMIT);
        List<UUID> lostDossiers = store.dossiersOutOfStep(from, to, SWEEP_LIMIT);
        lostRatings.forEach(this::reconcileRating);
        for (UUID dossier : lostDossiers) {
            reconcileDossier(dossier);
            ratings.idsOfDossier(dossier).forEach(this::reconcileRating);
        }
        if (!lostRatings.isEmpty() || !lostDossiers.isEmpty()) {
            log.warn("Rollup sweep caught up with {} ratings and {} dossiers whose events were lost", lostRatings.size(), lostDossiers.size());
        }
        return lostRatings.size() + lostDossiers.size();
    }

    /** Brings the rollups in line with the rating's current status; a no-op when they are. Never throws. */
    public void reconcileRating(UUID ratingId) {
        retrying("rating " + ratingId, () -> {
            Optional<RollupStore.RatingEntry> applied = store.lockRating(ratingId);
            RatingFacts rating = ratings.facts(ratingId).orElse(null);
            if (rating == null) {
                return;
            }
            String status = rating.status().name();
            // The officer follows the dossier's current facts (the one-stop software may name the
            // returning officer after the rating), like the rebuild does.
            String officer = intake.find(rating.dossierId()).map(d -> OfficerAttribution.pick(d.officers())).orElse(null);
            if (applied.isPresent() && applied.get().status().equals(status) && Objects.equals(applied.get().officer(), officer)) {
                return;
            }
            List<RollupRow> change = new ArrayList<>(RatingContribution.of(rating, officer, clock.getZone()).rows(status, 1));
            applied.ifPresent(a -> change.addAll(RatingContribution.of(rating, a.officer(), clock.getZone()).rows(a.status(), -1)));
            // The same change under every unit above (their rows of the units below); the unit
            // never changes with a rating's status, so one look-up serves both signs.
            store.add(RollupRow.merge(RollupRow.withAncestors(change, directory.ancestorsOf(rating.unitId()))));
            store.recordRating(ratingId, status, officer, clock.instant());
        });
    }

    /** Brings the returned-dossier rollups in line with the dossier's current facts. Never throws. */
    public void reconcileDossier(UUID dossierId) {
        retrying("dossier " + dossierId, () -> {
            Optional<ReturnContribution> applied = store.lockDossier(dossierId);
            ReturnContribution current = intake.find(dossierId).map(this::contribution).orElse(null);
            if (applied.orElse(null) == null ? current != null : !applied.get().equals(current)) {
                List<ReturnRow> change = new ArrayList<>();
                // A dossier may move to another unit: each side counts under its own unit's ancestors.
                Map<UUID, List<UUID>> ancestors = new HashMap<>();
                if (current != null) {
                    change.addAll(ReturnRow.withAncestors(current.rows(1), ancestors.computeIfAbsent(current.unitId(), directory::ancestorsOf)));
                }
                applied.ifPresent(a -> change.addAll(ReturnRow.withAncestors(a.rows(-1),
                        ancestors.computeIfAbsent(a.unitId(), directory::ancestorsOf))));
                store.addReturns(ReturnRow.merge(change));
            }
            // Written also when nothing changed: the sweep compares this time with the dossier's.
            store.recordDossier(dossierId, current, clock.instant());
        });
    }

    private ReturnContribution contribution(DossierDetails d) {
        if (d.returnedAt() == null) {
            return null;
        }
        return new ReturnContribution(d.evaluatedUnitId(), d.returnedAt().atZone(clock.getZone()).toLocalDate(), d.procedureId(),
                OfficerAttribution.pick(d.officers()), d.timeliness() == Timeliness.LATE);
    }

    private void retrying(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(tx -> work.run());
                return;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                // Deadlock, lock wait or (on Galera) a certification conflict with another node: try again.
                if (attempt >= ATTEMPTS) {
                    log.error("Rollups of {} not updated after {} attempts; run the rollup rebuild", what, attempt, e);
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Rollups of {} not updated; run the rollup rebuild", what, e);
                return;
            }
        }
    }
}
