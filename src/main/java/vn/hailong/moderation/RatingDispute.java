package vn.hailong.moderation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.jpa.AbstractEntity;

/**
 * One dispute of one rating and its decision. Its rules are plain Java: a reason (OTHER needs a
 * note), decided once, and never by the person who raised it.
 */
@Entity
@Table(name = "rating_dispute")
class RatingDispute extends AbstractEntity {

    static final int NOTE_MAX_LENGTH = 2000;

    @Column(name = "rating_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID ratingId;

    /** The rating's id while open, null after: one open dispute per rating (unique key). */
    @Column(name = "open_rating_id", columnDefinition = "uuid")
    private @Nullable UUID openRatingId;

    @Column(name = "unit_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private DisputeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private DisputeReason reason;

    @Column(updatable = false, length = NOTE_MAX_LENGTH)
    private @Nullable String note;

    @Column(name = "raised_by", nullable = false, updatable = false, length = 64)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DisputeStatus status;

    @Column(name = "decided_by", length = 64)
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_note", length = NOTE_MAX_LENGTH)
    private @Nullable String decisionNote;

    protected RatingDispute() {
        // for JPA
    }

    RatingDispute(
            UUID ratingId,
            UUID unitId,
            DisputeKind kind,
            @Nullable DisputeReason reason,
            @Nullable String note,
            String raisedBy,
            Instant raisedAt) {
        if (reason == null) {
            throw InvalidInputException.unprocessable("reason", "a reason is required");
        }
        String text = optional(note, "note");
        if (reason == DisputeReason.OTHER && text == null) {
            throw InvalidInputException.unprocessable("note", "say why (a note is required with the reason 'other')");
        }
        this.ratingId = ratingId;
        this.openRatingId = ratingId;
        this.unitId = unitId;
        this.kind = kind;
        this.reason = reason;
        this.note = text;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.status = DisputeStatus.OPEN;
    }

    /** A second person decides; the one who raised the dispute never can. */
    void decide(@Nullable String decider, boolean uphold, @Nullable String decisionText, Instant at) {
        if (status != DisputeStatus.OPEN) {
            throw new ConflictException("status", "this dispute was already decided (" + status + ")");
        }
        if (decider == null || decider.equals(raisedBy)) {
            throw new AccessDeniedException("the person who raised a dispute cannot decide it; a second person must");
        }
        this.status = uphold ? DisputeStatus.UPHELD : DisputeStatus.REJECTED;
        this.decidedBy = decider;
        this.decidedAt = at;
        this.decisionNote = optional(decisionText, "decisionNote");
        this.openRatingId = null;
    }

    private static @Nullable String optional(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > NOTE_MAX_LENGTH) {
            throw InvalidInputException.malformed(field, "longer than " + NOTE_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    UUID getRatingId() {
        return ratingId;
    }

    UUID getUnitId() {
        return unitId;
    }

    DisputeKind getKind() {
        return kind;
    }

    DisputeReason getReason() {
        return reason;
    }

    @Nullable
    String getNote() {
        return note;
    }

    String getRaisedBy() {
        return raisedBy;
    }

    Instant getRaisedAt() {
        return raisedAt;
    }

    DisputeStatus getStatus() {
        return status;
    }

    @Nullable
    String getDecidedBy() {
        return decidedBy;
    }

    @Nullable
    Instant getDecidedAt() {
        return decidedAt;
    }

    @Nullable
    String getDecisionNote() {
        return decisionNote;
    }

    DisputeDetails details() {
        return new DisputeDetails(
                getId(),
                ratingId,
                unitId,
                kind,
                reason,
                note,
                raisedBy,
                raisedAt,
                status,
                decidedBy,
                decidedAt,
                decisionNote);
    }
}
