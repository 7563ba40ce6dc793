package vn.hailong.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.jpa.AbstractEntity;

/**
 * The follow-up of one "not satisfied" rating by the unit it counts for. Its rules (forward-only
 * status, an outcome to resolve or close) are plain Java, tested without a database.
 */
@Entity
@Table(name = "follow_up_case")
class FollowUpCase extends AbstractEntity {

    static final int OUTCOME_MAX_LENGTH = 2000;

    @Column(name = "rating_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID ratingId;

    @Column(name = "dossier_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID dossierId;

    @Column(name = "responsible_unit_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID responsibleUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "contacted_at")
    private @Nullable Instant contactedAt;

    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(length = OUTCOME_MAX_LENGTH)
    private @Nullable String outcome;

    protected FollowUpCase() {
        // for JPA
    }

    FollowUpCase(UUID ratingId, UUID dossierId, UUID responsibleUnitId, Instant openedAt, LocalDate dueOn) {
        this.ratingId = ratingId;
        this.dossierId = dossierId;
        this.responsibleUnitId = responsibleUnitId;
        this.status = CaseStatus.OPEN;
        this.openedAt = openedAt;
        this.dueOn = dueOn;
    }

    /** The citizen was reached (or a call was tried and noted). */
    void markContacted(Instant at) {
        moveTo(CaseStatus.CONTACTED);
        contactedAt = at;
    }

    /** The problem was dealt with; the outcome says how. */
    void resolve(@Nullable String outcomeText, Instant at) {
        String text = requireOutcome(outcomeText);
        moveTo(CaseStatus.RESOLVED);
        outcome = text;
        resolvedAt = at;
    }

    /**
     * Closes the case for good. A resolved case keeps its outcome unless a new one is given; any
     * other case needs one (why it closes unresolved).
     */
    void close(@Nullable String outcomeText, Instant at) {
        boolean keepsOutcome = (outcomeText == null || outcomeText.isBlank()) && outcome != null;
        String text = keepsOutcome ? outcome : requireOutcome(outcomeText);
        moveTo(CaseStatus.CLOSED);
        outcome = text;
        closedAt = at;
    }

    private void moveTo(CaseStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("status", "a " + status + " follow-up case cannot become " + target);
        }
        status = target;
    }

    private static String requireOutcome(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.unprocessable("outcome", "an outcome is required");
        }
        String stripped = text.strip();
        if (stripped.length() > OUTCOME_MAX_LENGTH) {
            throw InvalidInputException.malformed(
                    "outcome", "outcome is longer than " + OUTCOME_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    UUID getRatingId() {
        return ratingId;
    }

    UUID getDossierId() {
        return dossierId;
    }

    UUID getResponsibleUnitId() {
        return responsibleUnitId;
    }

    CaseStatus getStatus() {
        return status;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    @Nullable
    Instant getContactedAt() {
        return contactedAt;
    }

    @Nullable
    Instant getResolvedAt() {
        return resolvedAt;
    }

    @Nullable
    Instant getClosedAt() {
        return closedAt;
    }

    @Nullable
    String getOutcome() {
        return outcome;
    }
}
