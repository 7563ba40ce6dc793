package vn.hailong.aggregation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ratings and dossier changes reach the rollups ({@code hailong.rollups.*}, ADR 070).
 *
 * @param drain the worker that applies {@code rollup_pending} ({@link RollupDrainer})
 * @param sweep the safety net that re-checks the recent past against the rollup ledger
 *     ({@link RollupMaintainer#sweep}); how often it runs is {@code hailong.rollups.sweep.every},
 *     read by the sweep's schedule
 */
@ConfigurationProperties("hailong.rollups")
record RollupProperties(
        @DefaultValue Drain drain, @DefaultValue Sweep sweep) {

    /**
     * {@code hailong.rollups.drain.*}: each node's worker applies up to {@code batch} of its own rows
     * per transaction, right after they commit; rows of a node that died are taken by any node once
     * older than {@code orphanedAfter}, looked for every {@code poll}.
     *
     * @param batch the most rows applied in one transaction
     * @param poll how often the worker looks for rows when nothing woke it (and waits after a failure)
     * @param orphanedAfter rows of another node older than this are taken as a dead node's
     * @param retries further attempts of a batch, 10 ms, 20 ms, 40 ms … apart, after a lost race (a
     *     deadlock, a lock wait timeout, a Galera certification conflict), before the failure is
     *     handled as such
     * @param maxAttempts failed attempts (failures of the change itself, not outages) that park a change
     * @param parkedRetry how often parked changes get their attempts back and are tried again
     */
    record Drain(
            @DefaultValue("500") int batch,
            @DefaultValue("PT1S") Duration poll,
            @DefaultValue("PT5S") Duration orphanedAfter,
            @DefaultValue("8") int retries,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("PT5M") Duration parkedRetry) {}

    /**
     * {@code hailong.rollups.sweep.*}: every node re-checks the ratings and dossiers changed within
     * {@code lookBack} (and longer ago than {@code settle}) against the rollup ledger, catching the
     * changes lost when a node stopped between a commit and its listener.
     *
     * @param lookBack how far back the sweep looks
     * @param settle changes younger than this are left to the outbox
     */
    record Sweep(
            @DefaultValue("P2D") Duration lookBack,
            @DefaultValue("PT1M") Duration settle) {}
}
