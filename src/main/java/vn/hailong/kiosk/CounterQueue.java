package vn.hailong.kiosk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a counter's open handovers, in plain Java over the rows read (and locked) in one
 * transaction: at most one is shown, the others wait in the order they were recorded.
 *
 * <ul>
 * <li>A new handover is shown at once when nothing is shown, or when the shown survey is untouched
 * and nobody waits: the untouched one is then {@link HandoverOutcome#REPLACED}.</li>
 * <li>It waits when the shown survey is in progress (the citizen has answered something), or when
 * others already wait (first come, first shown). A started survey is never taken off the screen
 * by a handover.</li>
 * <li>When the shown one ends (sent, abandoned, not mine, expired), the first waiting one that has
 * not expired is shown. Expiry counts from the handover, waiting included, so no dossier is
 * offered longer than {@code handover-valid-for} after the officer handed it over.</li>
 * <li>A handover stamped earlier than the shown one (another node's clock behind ours) and meeting
 * an untouched survey is replaced at once, so the last recorded stays current whatever order
 * racing transactions commit in.</li>
 * </ul>
 */
final class CounterQueue {

    /** What became of a new handover. */
    enum Placed {
        SHOWN,
        QUEUED,
        REPLACED
    }

    private final List<Handover> open;
    private final Runnable flush;

    /**
     * {@code open}: the counter's handovers not yet ended; {@code flush} writes the changes so far
     * (ends are written before anything is shown, for the database's one-shown-handover key).
     */
    CounterQueue(List<Handover> open, Runnable flush) {
        this.open = new ArrayList<>(open);
        this.open.removeIf(h -> !h.open());
        this.flush = flush;
    }

    /** An open handover of the counter by id. */
    Optional<Handover> open(UUID id) {
        return open.stream().filter(h -> h.open() && h.getId().equals(id)).findFirst();
    }

    Optional<Handover> shown() {
        return open.stream().filter(h -> h.open() && !h.waiting()).findFirst();
    }

    List<Handover> waiting() {
        return open.stream()
                .filter(h -> h.open() && h.waiting())
                .sorted(Handover.RECORDED_ORDER)
                .toList();
    }

    /** The open handover of this dossier at the counter, shown or waiting. */
    Optional<Handover> ofDossier(UUID dossierId) {
        return open.stream()
                .filter(h -> h.open() && h.getDossierId().equals(dossierId))
                .findFirst();
    }

    /** How many wait before this one (0 when it is shown or the next). */
    int ahead(Handover h) {
        return (int) waiting().stream()
                .filter(w -> Handover.RECORDED_ORDER.compare(w, h) < 0)
                .count();
    }

    /**
     * Ends what has expired and shows the next waiting one when nothing is shown.
     *
     * @return the handover newly shown, if any
     */
    Optional<Handover> settle(Instant now) {
        open.stream().filter(h -> h.open() && !h.activeAt(now)).forEach(h -> h.end(now, HandoverOutcome.EXPIRED));
        if (shown().isPresent()) {
            return Optional.empty();
        }
        Optional<Handover> next = waiting().stream().findFirst();
        if (next.isPresent()) {
            flush.run();
            next.get().show(now);
        }
        return next;
    }

    /** Places a new handover (it joins the open ones). */
    Placed add(Handover handover, Instant now) {
        settle(now);
        Optional<Handover> shown = shown();
        open.add(handover);
        if (shown.isPresent() && (shown.get().started() || !waiting().isEmpty())) {
            handover.await();
            return Placed.QUEUED;
        }
        if (shown.isPresent() && !handover.recordedAfter(shown.get())) {
            handover.end(now, HandoverOutcome.REPLACED);
            return Placed.REPLACED;
        }
        if (shown.isPresent()) {
            shown.get().end(now, HandoverOutcome.REPLACED);
            flush.run();
        }
        handover.show(now);
        return Placed.SHOWN;
    }

    /**
     * Ends a handover of this counter (shown or waiting) and shows the next one when it was shown.
     *
     * @return the handover newly shown, if any
     */
    Optional<Handover> end(Handover handover, HandoverOutcome how, Instant now) {
        handover.end(now, how);
        return settle(now);
    }
}
