package vn.hailong.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * gets a later number. The row is written once per batch, not once per rating, and a burst of
 * ratings is numbered in one batch: woken by a commit, the sequencer first waits
 * {@code hailong.feed.sequencer.settle} (0.2 s) for the commits that follow it.
 */
@Component
@EnableConfigurationProperties(FeedSequencerProperties.class)
class RatingFeedSequencer implements SmartLifecycle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RetryTemplate retry = Retries.onWriteConflict(8);
    private final int batch;
    private final PolledWorker worker;

    RatingFeedSequencer(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, FeedSequencerProperties properties) {
        this.jdbc = jdbc;
        this.batch = properties.batch();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.worker = new PolledWorker(
                "rating-feed-sequencer", properties.poll(), batch, true, properties.settle(), this::sequence);
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
            // The one row (id 1) is created by the migration and never deleted; last_seq is NOT NULL.
            long last = Objects.requireNonNull(jdbc.queryForObject(
                    "SELECT last_seq FROM rating_feed_sequence WHERE id = 1 FOR UPDATE", Long.class));
            // A plain (consistent) read: it sees only committed rows and waits for no open transaction.
            // A locking read (an UPDATE's own WHERE) would wait for a rating still being written.
            List<Long> waiting = jdbc
                    .queryForList(
                            "SELECT id FROM rating_change WHERE seq IS NULL ORDER BY id LIMIT ?", Long.class, batch)
                    .stream()
                    .map(Objects::requireNonNull) // the primary key: never NULL
                    .toList();
            if (waiting.isEmpty()) {
                return 0;
            }
            // One statement for the batch (not one per row): seq = last + the row's place in the batch.
            StringBuilder sql = new StringBuilder("UPDATE rating_change SET seq = CASE id");
            List<Object> args = new ArrayList<>(waiting.size() * 3);
            long next = last;
            for (Long id : waiting) {
                sql.append(" WHEN ? THEN ?");
                args.add(id);
                args.add(++next);
            }
            sql.append(" END WHERE id IN (")
                    .append(String.join(",", Collections.nCopies(waiting.size(), "?")))
                    .append(")");
            args.addAll(waiting);
            jdbc.update(sql.toString(), args.toArray());
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
