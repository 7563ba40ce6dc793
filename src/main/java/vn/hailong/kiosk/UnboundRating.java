package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** A kiosk rating without a dossier, kept apart from counted ratings (see {@link UnboundRatings#STORE}). */
@Entity
@Table(name = "kiosk_unbound_rating")
class UnboundRating extends AbstractEntity {

    @Column(name = "device_id", nullable = false, columnDefinition = "uuid")
    private UUID deviceId;

    @Column(name = "counter_id", nullable = false, columnDefinition = "uuid")
    private UUID counterId;

    @Column(name = "template_id", nullable = false, columnDefinition = "uuid")
    private UUID templateId;

    @Column(name = "overall_option", nullable = false, length = 40)
    private String overallOption;

    @Column(name = "overall_points", nullable = false)
    private int overallPoints;

    @Column(nullable = false, length = 2000)
    private String answers;

    @Column(length = 400)
    private @Nullable String reasons;

    @Column(length = 2000)
    private @Nullable String comment;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, columnDefinition = "binary(32)")
    private byte[] requestHash;

    protected UnboundRating() {}

    UnboundRating(
            UUID deviceId,
            UUID counterId,
            UUID templateId,
            String overallOption,
            int overallPoints,
            String answers,
            @Nullable String reasons,
            @Nullable String comment,
            Instant submittedAt,
            String idempotencyKey,
            byte[] requestHash) {
        this.deviceId = deviceId;
        this.counterId = counterId;
        this.templateId = templateId;
        this.overallOption = overallOption;
        this.overallPoints = overallPoints;
        this.answers = answers;
        this.reasons = reasons;
        this.comment = comment;
        this.submittedAt = submittedAt;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    byte[] getRequestHash() {
        return requestHash;
    }
}
