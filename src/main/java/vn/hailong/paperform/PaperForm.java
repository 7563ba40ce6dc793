package vn.hailong.paperform;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** One keyed paper form: which printed form, whose rating it became, who keyed it, and its check. */
@Entity
@Table(name = "paper_form")
class PaperForm extends AbstractEntity {

    @Column(name = "serial", nullable = false, updatable = false, length = 40)
    private String serial;

    @Column(name = "dossier_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID dossierId;

    @Column(name = "unit_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID unitId;

    @Column(name = "rating_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID ratingId;

    @Column(name = "keyed_by", nullable = false, updatable = false, length = 100)
    private String keyedBy;

    @Column(name = "keyed_at", nullable = false, updatable = false)
    private Instant keyedAt;

    @Column(name = "second_keying_due", nullable = false)
    private boolean secondKeyingDue;

    @Column(name = "second_keyed_by", length = 100)
    private @Nullable String secondKeyedBy;

    @Column(name = "second_keyed_at")
    private @Nullable Instant secondKeyedAt;

    @Column(name = "second_keying_matches")
    private @Nullable Boolean secondKeyingMatches;

    @Column(name = "mismatched_fields", length = 1000)
    private @Nullable String mismatchedFields;

    protected PaperForm() {}

    PaperForm(
            String serial,
            UUID dossierId,
            UUID unitId,
            UUID ratingId,
            String keyedBy,
            Instant keyedAt,
            boolean secondKeyingDue) {
        this.serial = serial;
        this.dossierId = dossierId;
        this.unitId = unitId;
        this.ratingId = ratingId;
        this.keyedBy = keyedBy;
        this.keyedAt = keyedAt;
        this.secondKeyingDue = secondKeyingDue;
    }

    void recordSecondKeying(String by, Instant at, @Nullable String mismatched) {
        this.secondKeyedBy = by;
        this.secondKeyedAt = at;
        this.secondKeyingMatches = mismatched == null || mismatched.isEmpty();
        this.mismatchedFields = secondKeyingMatches ? null : mismatched;
    }

    String getSerial() {
        return serial;
    }

    UUID getDossierId() {
        return dossierId;
    }

    UUID getUnitId() {
        return unitId;
    }

    UUID getRatingId() {
        return ratingId;
    }

    String getKeyedBy() {
        return keyedBy;
    }

    Instant getKeyedAt() {
        return keyedAt;
    }

    boolean isSecondKeyingDue() {
        return secondKeyingDue;
    }

    boolean isSecondKeyed() {
        return secondKeyedAt != null;
    }

    @Nullable
    String getSecondKeyedBy() {
        return secondKeyedBy;
    }

    @Nullable
    Instant getSecondKeyedAt() {
        return secondKeyedAt;
    }

    @Nullable
    Boolean getSecondKeyingMatches() {
        return secondKeyingMatches;
    }

    @Nullable
    String getMismatchedFields() {
        return mismatchedFields;
    }
}
