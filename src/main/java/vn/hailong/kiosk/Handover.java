package vn.hailong.kiosk;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * A dossier bound to a counter's kiosk by the officer's handover, for a limited time. The kiosk
 * of that counter offers this dossier's survey until it is rated, replaced or expired.
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
    private Instant endedAt;

    protected Handover() {
    }

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

    boolean recordedAfter(Handover other) {
        return RECORDED_ORDER.compare(this, other) > 0;
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
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
