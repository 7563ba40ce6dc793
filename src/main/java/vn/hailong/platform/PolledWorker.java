package vn.hailong.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A worker thread of a node that drains a database outbox (as {@code RollupDrainer} does): it runs
 * a step at once when woken after a commit and every {@code poll} otherwise, again at once while a
 * step reports a full batch (after an optional settling pause, so a burst of wakes costs one step).
 * A step that fails (the database away) is tried again after a poll
 * interval; the rows wait in their table. Starts before the web server and stops after it.
 */
public final class PolledWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolledWorker.class);

    private final String name;
    private final Duration poll;
    private final int batch;
    private final IntSupplier step;
    private final boolean enabled;
    private final Duration settle;
    private final Semaphore signal = new Semaphore(0);
    private volatile @Nullable Thread worker;
    private volatile boolean running;

    /**
     * @param step does one batch and says how many rows it handled ({@code >= batch}: go on at once)
     * @param enabled false: the worker does not run (tests that drive the step themselves)
     */
    public PolledWorker(String name, Duration poll, int batch, boolean enabled, IntSupplier step) {
        this(name, poll, batch, enabled, Duration.ZERO, step);
    }

    /**
     * @param settle how long to wait after being woken before the step runs, so that the wakes of
     *        many commits in a burst are served by one step (one transaction, one commit) instead of
     *        one each; zero: at once
     */
    public PolledWorker(String name, Duration poll, int batch, boolean enabled, Duration settle, IntSupplier step) {
        this.name = name;
        this.poll = poll;
        this.batch = batch;
        this.enabled = enabled;
        this.settle = settle;
        this.step = step;
    }

    /** Something was committed: run soon. Never blocks. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Wakes the worker after the current transaction commits (at once without one). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        Thread thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
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
        while (running) {
            try {
                int handled = step.getAsInt();
                if (handled >= batch) {
                    continue;
                }
                boolean woken = signal.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                if (woken && !settle.isZero() && running) {
                    Thread.sleep(settle.toMillis());
                }
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{}: not done yet ({}); retrying in {}", name, e.getMessage(), poll);
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
