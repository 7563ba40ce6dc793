package vn.hailong.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.platform.Ids;
import vn.hailong.platform.LostTransaction;
import vn.hailong.platform.Outages;
import vn.hailong.platform.Retries;
import vn.hailong.platform.TransientWriteConflict;

/**
 * The worker that applies the changes noted in {@code rollup_pending} (ADR 070): one per node, on a
 * thread of its own. Woken right after a change of this node commits, it claims up to
 * {@code hailong.rollups.drain.batch} of this node's rows, applies them all in one short transaction
 * ({@link RollupMaintainer#apply}) and deletes them in the same transaction; so a batch is applied
 * entirely or not at all, and a crash between two batches leaves the rest in the table. While a
 * batch is being applied, new changes queue up, so the batches grow with the load and the rows of a
 * busy unit are written once per batch instead of once per rating.
 *
 * <p>Rows of a node that died (kill -9, power loss) are taken by any node once they are older than
 * {@code hailong.rollups.drain.orphaned-after}; every node looks for such rows every
 * {@code hailong.rollups.drain.poll}. A batch that keeps failing is split, so that one bad change
 * cannot hold up the others. A change is never deleted unless it was applied in the same
 * transaction (ADR 070, "Never dropped"): only a failure of the change itself (not an outage, a lost
 * connection, a commit whose outcome is unknown, or a write conflict, which say nothing about it)
 * counts as an attempt, and a change that failed {@code hailong.rollups.drain.max-attempts} times
 * is parked in the table (skipped by the claims, counted as lag) and tried again every
 * {@code hailong.rollups.drain.parked-retry}.
 */
@Component
public class RollupDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupDrainer.class);

    private final RollupStore store;
    private final RollupMaintainer maintainer;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private static final TransientWriteConflict CONFLICT = new TransientWriteConflict();

    private final RetryTemplate retry;
    private final int batch;
    private final int maxAttempts;
    private final Duration parkedRetry;
    private final Duration poll;
    private final Duration orphanedAfter;
    private final Semaphore signal = new Semaphore(0);
    /** How long {@link #drainAll} waits for changes held by other transactions. */
    static final Duration DRAIN_ALL_PATIENCE = Duration.ofSeconds(60);
    /** This node, for the life of its context: its worker takes its own rows at once, others' only when they are orphaned. */
    private final UUID node = Ids.newId();

    private volatile @Nullable Thread worker;
    private volatile boolean running;

    /** Run between applying a batch and deleting it: only the test that plays a transaction aborted under the worker sets it. */
    volatile @Nullable Runnable beforeDelete;

    RollupDrainer(
            RollupStore store,
            RollupMaintainer maintainer,
            Clock clock,
            PlatformTransactionManager transactions,
            RollupProperties properties) {
        RollupProperties.Drain drain = properties.drain();
        this.retry = Retries.onWriteConflict(drain.retries());
        this.maxAttempts = drain.maxAttempts();
        this.parkedRetry = drain.parkedRetry();
        this.store = store;
        this.maintainer = maintainer;
        this.clock = clock;
        this.batch = drain.batch();
        this.poll = drain.poll();
        this.orphanedAfter = drain.orphanedAfter();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The node whose rows this worker takes at once: {@link RollupOutbox} marks this node's changes with it. */
    UUID node() {
        return node;
    }

    /** Something was committed: drain soon. Never blocks. */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Starts before the web server and stops after it, so that no request's change is left for another node. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = Thread.ofPlatform().name("rollup-drainer").daemon().unstarted(this::run);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            signal.release();
            try {
                // The batch in hand is finished (or rolled back); the rest stays in the table.
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long nextOrphanCheck = 0;
        long nextParkedRetry = System.nanoTime() + parkedRetry.toNanos();
        while (running) {
            try {
                if (System.nanoTime() - nextParkedRetry >= 0) {
                    unpark();
                    nextParkedRetry = System.nanoTime() + parkedRetry.toNanos();
                }
                int applied = drainOwn();
                if (applied >= batch) {
                    continue;
                }
                if (System.nanoTime() - nextOrphanCheck >= 0) {
                    while (running && drain(null) >= batch) {
                        // a dead node's backlog: keep going
                    }
                    nextOrphanCheck = System.nanoTime() + poll.toNanos();
                }
                if (applied == 0) {
                    signal.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is away, or the pool is exhausted: the rows wait; try again after a poll interval.
                log.warn("Rollup changes not applied yet ({}); retrying in {}", e.getMessage(), poll);
                try {
                    Thread.sleep(poll);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many failed attempts park a change ({@code hailong.rollups.drain.max-attempts}). */
    int maxAttempts() {
        return maxAttempts;
    }

    /** Parked changes get their attempts back: whatever made them fail may have passed (a rebuild, a fixed unit). */
    int unpark() {
        Integer n = transaction.execute(tx -> store.unparkPending(maxAttempts));
        if (n != null && n > 0) {
            log.warn("{} parked rollup changes are tried again", n);
        }
        return n == null ? 0 : n;
    }

    private int drainOwn() {
        return drain(node);
    }

    /**
     * Applies every change waiting now, of every node, before returning: for operators and tests
     * that must read converged rollups. Returns how many changes it applied. A change that another
     * worker holds, or whose lock it could not get in time, is waited for rather than left behind;
     * only parked changes ({@code max-attempts} failures) stay queued. Gives up with an exception
     * after {@link #DRAIN_ALL_PATIENCE}, rather than claiming convergence it did not reach.
     */
    public int drainAll() {
        long deadline = System.nanoTime() + DRAIN_ALL_PATIENCE.toNanos();
        int total = 0;
        while (true) {
            int n;
            try {
                // Whatever their age (a test may have moved the clock back), and waiting for the
                // rows that a worker is applying right now rather than skipping them.
                n = drain(null, Duration.ofDays(-36_500), true);
            } catch (RuntimeException e) {
                // The database away: nothing to wait for here (the caller retries); a lost race or a
                // lock wait: try again until the patience runs out.
                if (unreachable(e) || !notTheChangesFault(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                n = 0;
            }
            total += n;
            if (n > 0) {
                continue;
            }
            Long left = transaction.execute(tx -> store.claimableCount(maxAttempts));
            if (left == null || left == 0) {
                return total;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(left + " rollup changes still queued after " + DRAIN_ALL_PATIENCE
                        + ": held by a transaction that does not finish");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rollup changes were still queued", e);
            }
        }
    }

    /** One batch: this node's rows ({@code origin} given) or orphaned ones; returns how many rows it took. */
    private int drain(@Nullable UUID origin) {
        return drain(origin, orphanedAfter, false);
    }

    private int drain(@Nullable UUID origin, Duration orphanAge, boolean waitForOthers) {
        try {
            return retry.invoke(() -> inTransaction(() -> {
                List<RollupStore.Pending> pending =
                        store.claimPending(origin, clock.instant().minus(orphanAge), batch, maxAttempts, waitForOthers);
                if (!pending.isEmpty()) {
                    applyAndDelete(pending);
                }
                return pending.size();
            }));
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw e;
            }
            // Still racing after the retries, or a change that cannot be applied: one change at a time.
            return drainOneByOne(origin, orphanAge);
        }
    }

    /**
     * Applies the changes and deletes, in the caller's transaction, the rows of those applied: a
     * rating the worker cannot see yet stays queued with an attempt counted (never deleted unseen).
     */
    private void applyAndDelete(List<RollupStore.Pending> pending) {
        // This transaction's token on the changes it takes, deleted with them: see LostTransaction.
        UUID claim = Ids.newId();
        List<UUID> taken = pending.stream().map(RollupStore.Pending::id).toList();
        if (store.markClaimed(taken, claim) != taken.size()) {
            throw new LostTransaction("a change taken by this worker is gone (applied by another node meanwhile)");
        }
        Set<UUID> unseen = maintainer.apply(RollupMaintainer.Changes.of(pending));
        List<UUID> done = new ArrayList<>();
        for (RollupStore.Pending p : pending) {
            if (p.subject() == RollupOutbox.RATING && unseen.contains(p.subjectId())) {
                log.warn(
                        "Rollup change of rating {} left queued: the rating is not visible on this connection yet",
                        p.subjectId());
                store.failedPending(p.id());
            } else {
                done.add(p.id());
            }
        }
        Runnable hook = beforeDelete;
        if (hook != null) {
            hook.run();
        }
        if (store.deletePending(done, claim) != done.size()) {
            throw new LostTransaction("the changes no longer carry this transaction's token: the transaction was"
                    + " aborted under this worker and its statements since ran in another; rolled back to try again");
        }
    }

    /**
     * A transaction of its own. When the connection dies under a statement, the rollback fails too,
     * and {@code TransactionTemplate} throws the rollback's exception ("Unable to rollback against
     * JDBC Connection"), which says nothing about what happened; the statement's own exception
     * (a lost connection, a conflict) is what tells whether to wait, retry or count an attempt, so
     * that one is thrown, with the rollback's attached.
     */
    private <T> T inTransaction(Supplier<T> work) {
        RuntimeException[] inside = new RuntimeException[1];
        try {
            return transaction.execute(tx -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    inside[0] = e;
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            if (inside[0] != null && inside[0] != e) {
                inside[0].addSuppressed(e);
                throw inside[0];
            }
            throw e;
        }
    }

    /** The database is away or the pool exhausted: nothing to split, only to wait for. */
    private static boolean unreachable(Throwable e) {
        return Outages.of(e)
                .filter(o -> o == Outages.Outage.DATABASE_UNAVAILABLE)
                .isPresent();
    }

    /**
     * Whether a failure says nothing about the change: the database away, the pool exhausted, a
     * connection lost mid-way or at commit (the driver's fail-over reports "transaction was lost"),
     * or a race with another writer. Such a failure is never counted against a change.
     */
    static boolean notTheChangesFault(Throwable e) {
        return Outages.of(e).isPresent() || CONFLICT.shouldRetry(null, e);
    }

    private int drainOneByOne(@Nullable UUID origin, Duration orphanAge) {
        List<RollupStore.Pending> pending = inTransaction(
                () -> store.claimPending(origin, clock.instant().minus(orphanAge), batch, maxAttempts, false));
        int applied = 0;
        for (RollupStore.Pending p : pending) {
            try {
                // Claimed in a transaction that has ended: locked again in this one, and skipped
                // when another worker applied it meanwhile or holds it now.
                boolean done = retry.invoke(() -> inTransaction(() -> {
                    Optional<RollupStore.Pending> still = store.reclaimPending(p.id(), maxAttempts);
                    still.ifPresent(q -> applyAndDelete(List.of(q)));
                    return still.isPresent();
                }));
                if (done) {
                    applied++;
                }
            } catch (RuntimeException e) {
                if (notTheChangesFault(e)) {
                    // The rest waits for the next round; counting this against the change would end
                    // up parking (formerly: deleting) changes that nothing is wrong with.
                    throw e;
                }
                log.warn("Rollup change {} {} failed: {}", p.subject(), p.subjectId(), e.toString());
                transaction.executeWithoutResult(tx -> {
                    if (store.failedPending(p.id()) >= maxAttempts) {
                        log.error(
                                "Rollup change {} {} parked after {} failed attempts; tried again in {}",
                                p.subject(),
                                p.subjectId(),
                                maxAttempts,
                                parkedRetry,
                                e);
                    }
                });
            }
        }
        return applied;
    }
}
