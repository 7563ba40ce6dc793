package vn.hailong.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * Feedback or a complaint ("phản ánh, kiến nghị", PAKN) about a dossier. The index counts those
 * handled on time and those whose complainant ended up satisfied (Decision 766).
 */
@Entity
@Table(name = "complaint")
public class Complaint extends AbstractEntity {

    @Column(name = "dossier_id", nullable = false, columnDefinition = "uuid")
    private UUID dossierId;

    @Column(name = "external_id", nullable = false, unique = true, length = 64)
    private String externalId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "handled_at")
    private @Nullable Instant handledAt;

    @Column(name = "about_handling", nullable = false)
    private boolean aboutHandling;

    @Column(name = "complainant_satisfied")
    private @Nullable Boolean complainantSatisfied;

    protected Complaint() {}

    Complaint(
            UUID dossierId,
            String externalId,
            Instant receivedAt,
            Instant deadline,
            @Nullable Instant handledAt,
            boolean aboutHandling,
            @Nullable Boolean complainantSatisfied) {
        this.dossierId = dossierId;
        this.externalId = externalId;
        apply(receivedAt, deadline, handledAt, aboutHandling, complainantSatisfied);
    }

    void describe(
            Instant receivedAt,
            Instant deadline,
            @Nullable Instant handledAt,
            boolean aboutHandling,
            @Nullable Boolean complainantSatisfied) {
        apply(receivedAt, deadline, handledAt, aboutHandling, complainantSatisfied);
    }

    private void apply(
            Instant receivedAt,
            Instant deadline,
            @Nullable Instant handledAt,
            boolean aboutHandling,
            @Nullable Boolean complainantSatisfied) {
        this.receivedAt = receivedAt;
        this.deadline = deadline;
        this.handledAt = handledAt;
        this.aboutHandling = aboutHandling;
        this.complainantSatisfied = complainantSatisfied;
    }

    public UUID getDossierId() {
        return dossierId;
    }

    public ComplaintDetails details() {
        boolean onTime = handledAt != null && !handledAt.isAfter(deadline);
        return new ComplaintDetails(
                externalId, receivedAt, deadline, handledAt, aboutHandling, complainantSatisfied, onTime);
    }
}
