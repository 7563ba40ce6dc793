package vn.hailong.kiosk;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * A dossier bound to a counter's kiosk by the officer's handover, for a limited time. The kiosk
 * of that counter offers this dossier's survey ("shown") until it is used up: sent, abandoned,
 * refused as not the citizen's, replaced before anyone answered, or expired. A handover recorded
 * while the survey before it is in progress waits, and is shown when that one ends (see
 * {@link CounterQueue}).
 */
@Entity
@Table(name = "kiosk_handover")
class Handover extends AbstractEntity {

    /**
     * The order in which handovers were recorded: by time, then by id (time-ordered, compared as
     * its text, which sorts as its bytes do). Every node and every retry agrees on it, so the last
     * one recorded at a counter is its current one whatever order racing transactions commit in.
     */
    static final Comparator<Handover> RECORDED_ORDER = Comparator.comparing(Handover::getHandedOverAt)
            .thenComparing(h -> h.getId().toString());

    @Column(name = "counter_id", nullable = false, columnDefinition = "uuid")
    private UUID counterId;

    @Column(name = "dossier_id", nullable = false, columnDefinition = "uuid")
    private UUID dossierId;

    @Column(name = "officer_id", nullable = false, length = 64)
    private String officerId;

    @Column(name = "handed_over_at", nullable = false)
    private Instant handedOverAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private @Nullable Instant endedAt;

    @Column(name = "waiting", nullable = false)
    private boolean waiting;

    @Column(name = "shown_at")
    private @Nullable Instant shownAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20)
    private @Nullable HandoverOutcome outcome;

    protected Handover() {}

    Handover(UUID counterId, UUID dossierId, String officerId, Instant handedOverAt, Instant expiresAt) {
        this.counterId = counterId;
        this.dossierId = dossierId;
        this.officerId = officerId;
        this.handedOverAt = handedOverAt;
        this.expiresAt = expiresAt;
    }

    boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    boolean open() {
        return endedAt == null;
    }

    boolean waiting() {
        return waiting;
    }

    /** The citizen has answered something: the survey is in progress. */
    boolean started() {
        return startedAt != null;
    }

    void show(Instant now) {
        waiting = false;
        shownAt = now;
    }

    void await() {
        waiting = true;
        shownAt = null;
    }

    void start(Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
    }

    boolean recordedAfter(Handover other) {
        return RECORDED_ORDER.compare(this, other) > 0;
    }

    /** Used up; the first outcome stays (a resend of its rating after it was abandoned changes nothing). */
    void end(Instant now, HandoverOutcome how) {
        if (endedAt == null) {
            endedAt = now;
            outcome = how;
            waiting = false;
        }
    }

    @Nullable
    HandoverOutcome getOutcome() {
        return outcome;
    }

    @Nullable
    Instant getStartedAt() {
        return startedAt;
    }

    UUID getCounterId() {
        return counterId;
    }

    UUID getDossierId() {
        return dossierId;
    }

    Instant getHandedOverAt() {
        return handedOverAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
