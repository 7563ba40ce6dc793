package vn.hailong.feed;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.platform.PolledWorker;
import vn.hailong.platform.Retries;

/**
 * Gives committed rating changes their place in the feed (ADR 099). In one transaction it locks
 * the one row of {@code rating_feed_sequence}, numbers the committed changes that have no number
 * yet (oldest row first) from the last number on, and stores the new last number. Two sequencers
 * (two threads, two nodes) are serialised by that row (on Galera: one of them fails certification
 * and is retried), so numbers become visible in committed batches, each batch after the one before:
 * a reader that sees number n sees every number below it, and a change that committed late simply
 * gets a later number. The row is written once per batch, not once per rating.
 */
@Component
class RatingFeedSequencer implements SmartLifecycle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RetryTemplate retry = Retries.onWriteConflict(8);
    private final int batch;
    private final PolledWorker worker;

    RatingFeedSequencer(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${hailong.feed.sequencer.batch:1000}") int batch, @Value("${hailong.feed.sequencer.poll:PT1S}") Duration poll) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.worker = new PolledWorker("rating-feed-sequencer", poll, batch, true, this::sequence);
    }

    PolledWorker worker() {
        return worker;
    }

    /**
     * Numbers one batch of committed changes.
     *
     * @return how many were numbered
     */
    int sequence() {
        return retry.invoke(() -> transaction.execute(tx -> {
            Long last = jdbc.queryForObject("SELECT last_seq FROM rating_feed_sequence WHERE id = 1 FOR UPDATE", Long.class);
            List<Long> waiting = jdbc.queryForList("SELECT id FROM rating_change WHERE seq IS NULL ORDER BY id LIMIT ?", Long.class, batch);
            if (waiting.isEmpty()) {
                return 0;
            }
            long next = last;
            List<Object[]> numbers = new java.util.ArrayList<>(waiting.size());
            for (Long id : waiting) {
                numbers.add(new Object[] {++next, id});
            }
            jdbc.batchUpdate("UPDATE rating_change SET seq = ? WHERE id = ?", numbers);
            jdbc.update("UPDATE rating_feed_sequence SET last_seq = ? WHERE id = 1", next);
            return waiting.size();
        }));
    }

    /** Numbers everything committed so far (tests, and operators who do not want to wait). */
    void sequenceAll() {
        while (sequence() >= batch) {
            // keep going
        }
    }

    @Override
    public int getPhase() {
        return worker.getPhase();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
