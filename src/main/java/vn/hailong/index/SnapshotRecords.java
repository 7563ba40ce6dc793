package vn.hailong.index;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.NotFoundException;

/**
 * What the index's snapshot services share: the look-up of a snapshot and of a period's current
 * publication, the register of drafts gone, the count of reviews still needed and the audit entry
 * of an act. These were private methods of one service; they carry no transaction or security
 * annotation on purpose, so that calling them from another service's method runs them inside that
 * method's transaction and check, as the self-invocation did (no proxy advice of their own).
 */
@Component
class SnapshotRecords {

    private final IndexSnapshotStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndexPublicationProperties publication;

    SnapshotRecords(
            IndexSnapshotStore store,
            Clock clock,
            ApplicationEventPublisher events,
            IndexPublicationProperties publication) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.publication = publication;
    }

    Snapshot get(UUID snapshotId) {
        return store.snapshot(snapshotId).orElseThrow(() -> new NotFoundException("no snapshot " + snapshotId));
    }

    /** The period's current published snapshot: its publication, or the last correction of it. */
    Optional<UUID> publicationOf(String scheme, String period) {
        return store.currentPublicationOf(scheme, period);
    }

    void remember(UUID gone, String scheme, String period, @Nullable UUID replacedBy) {
        store.markGone(gone, scheme, period, replacedBy, clock.instant(), Actors.current());
    }

    /**
     * A draft that no longer exists because it was recomputed or discarded: a conflict (the caller
     * holds a stale id), not an unknown snapshot.
     */
    void refuseGone(UUID snapshotId) {
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

    /** See {@link IndexReviewService#reviewsStillNeeded}, which answers it to views and the API. */
    int reviewsStillNeeded(UUID snapshotId) {
        String me = Actors.person(Actors.current());
        long byOthers = store.reviewersInAnyOrderOf(snapshotId).stream()
                .map(Actors::person)
                .filter(who -> !who.equals(me))
                .distinct()
                .count();
        return (int) Math.max(0, publication.reviewsRequired() - byOthers);
    }

    /**
     * Records an index act in the audit log, in the act's transaction: who (the user, "api:" and the
     * key's client, or "system" for the schedule) and what (period, methodology version, snapshot id
     * and inputs hash, plus the act's own details).
     */
    void audit(AuditAction action, Snapshot s, String details) {
        events.publishEvent(new AuditEvent(
                Actors.current(),
                action,
                "index " + s.scheme() + " " + s.period(),
                details + "; snapshot " + s.id() + "; methodology " + s.scheme() + " v" + s.methodologyVersion() + " ("
                        + s.methodologyId() + "); inputs sha256 " + s.inputsHash()));
    }
}
