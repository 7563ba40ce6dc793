package vn.hailong.aggregation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hailong.intake.DossierRecorded;
import vn.hailong.rating.RatingStatusChanged;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;

/**
 * Notes each change the rollups must follow as a row of {@code rollup_pending}, in the transaction
 * that makes the change (ADR 070): the row exists if and only if the change was committed, so a
 * node that dies right after the commit loses nothing, and the writer pays one insert of a row of
 * its own (no shared row, no second connection, nothing to wait for). After the commit this node's
 * {@link RollupDrainer} is woken to apply it.
 */
@Component
class RollupOutbox {

    static final char RATING = 'R';
    static final char DOSSIER = 'D';
    static final char DOSSIER_WITH_RATINGS = 'A';

    private final RollupStore store;
    private final Clock clock;
    private final RollupDrainer drainer;

    RollupOutbox(RollupStore store, Clock clock, RollupDrainer drainer) {
        this.store = store;
        this.clock = clock;
        this.drainer = drainer;
    }

    @EventListener
    void on(RatingSubmitted event) {
        add(RATING, event.ratingId().value());
    }

    @EventListener
    void on(RatingSuperseded event) {
        add(RATING, event.supersededRatingId().value());
    }

    @EventListener
    void on(RatingStatusChanged event) {
        add(RATING, event.ratingId().value());
    }

    @EventListener
    void on(DossierRecorded event) {
        // An update may have changed the dossier's officers, and with them whom its ratings count for.
        add(event.created() ? DOSSIER : DOSSIER_WITH_RATINGS, event.dossierId().value());
    }

    private void add(char subject, UUID id) {
        store.insertPending(subject, id, drainer.node(), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drainer.wake();
                }
            });
        } else {
            drainer.wake();
        }
    }
}
