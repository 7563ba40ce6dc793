package vn.hailong.rating;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.intake.DossierId;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.jpa.AbstractEntity;

/**
 * A citizen's rating of one dossier. It carries no identity of the citizen and no network address.
 * A rating is never edited after it is stored; only its status may change (superseded, excluded).
 */
@Entity
@Table(name = "rating")
public class Rating extends AbstractEntity {

    @Column(name = "dossier_id", nullable = false, columnDefinition = "uuid")
    private UUID dossierId;

    @Column(name = "counted_dossier_id", unique = true, columnDefinition = "uuid")
    private @Nullable UUID countedDossierId;

    @Column(name = "evaluated_agency_id", nullable = false, columnDefinition = "uuid")
    private UUID evaluatedAgencyId;

    @Column(name = "procedure_id", nullable = false, columnDefinition = "uuid")
    private UUID procedureId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RatingChannel channel;

    @Column(name = "template_id", nullable = false, columnDefinition = "uuid")
    private UUID templateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RatingStatus status;

    @Column(name = "overall_option", nullable = false, length = 40)
    private String overallOption;

    @Column(name = "overall_points", nullable = false)
    private int overallPoints;

    @Column(length = Questionnaire.COMMENT_MAX_LENGTH)
    private @Nullable String comment;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** When the status last changed after submission (null: never); lets the rollup sweep find changes whose event was lost. */
    @Column(name = "status_changed_at")
    private @Nullable Instant statusChangedAt;

    @Column(name = "device_id", length = 64)
    private @Nullable String deviceId;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, columnDefinition = "binary(32)")
    private byte[] requestHash;

    /** Comma-separated {@link AnomalyFlag}s for later review; null when none. */
    @Column(name = "anomaly_flags", length = 200)
    private @Nullable String anomalyFlags;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rating_answer", joinColumns = @JoinColumn(name = "rating_id"))
    private List<RatingAnswer> answers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rating_reason", joinColumns = @JoinColumn(name = "rating_id"))
    @Column(name = "reason_code", nullable = false, length = 40)
    private Set<String> reasons = new LinkedHashSet<>();

    protected Rating() {}

    Rating(
            UUID dossierId,
            UUID evaluatedAgencyId,
            UUID procedureId,
            RatingChannel channel,
            Questionnaire questionnaire,
            Questionnaire.CheckedAnswers checked,
            Instant submittedAt,
            @Nullable String deviceId,
            String idempotencyKey,
            byte[] requestHash) {
        this.dossierId = dossierId;
        this.countedDossierId = dossierId;
        this.status = RatingStatus.COUNTED;
        this.evaluatedAgencyId = evaluatedAgencyId;
        this.procedureId = procedureId;
        this.channel = channel;
        this.templateId = questionnaire.templateId();
        this.overallOption = checked.overall().key();
        this.overallPoints = checked.overall().points();
        this.comment = checked.comment();
        this.submittedAt = submittedAt;
        this.deviceId = deviceId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        checked.answers()
                .forEach(
                        (criterion, option) -> answers.add(new RatingAnswer(criterion, option.key(), option.points())));
        reasons.addAll(checked.reasons());
    }

    void flag(@Nullable Set<AnomalyFlag> flags) {
        this.anomalyFlags = flags == null || flags.isEmpty()
                ? null
                : flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Set<AnomalyFlag> getAnomalyFlags() {
        if (anomalyFlags == null || anomalyFlags.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(anomalyFlags.split(",")).map(AnomalyFlag::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** This rating stops counting; it is kept, and integrity reports show it as superseded. */
    void supersede(Instant now) {
        this.statusChangedAt = now;
        this.status = RatingStatus.SUPERSEDED;
        this.countedDossierId = null;
    }

    /**
     * Moderation upheld a dispute: the rating stops counting. Nothing else of it changes; it stays
     * in reports and exports, marked excluded.
     */
    void exclude(Instant now) {
        if (status != RatingStatus.COUNTED) {
            throw new ConflictException("status", "only a counted rating can be excluded; this one is " + status);
        }
        this.statusChangedAt = now;
        this.status = RatingStatus.EXCLUDED;
        this.countedDossierId = null;
    }

    /** Moderation reversed an exclusion: the rating counts again for its dossier. */
    void restore(Instant now) {
        if (status != RatingStatus.EXCLUDED) {
            throw new ConflictException("status", "only an excluded rating can be restored; this one is " + status);
        }
        this.statusChangedAt = now;
        this.status = RatingStatus.COUNTED;
        this.countedDossierId = dossierId;
    }

    public @Nullable UUID getCountedDossierId() {
        return countedDossierId;
    }

    public UUID getDossierId() {
        return dossierId;
    }

    public RatingStatus getStatus() {
        return status;
    }

    public RatingChannel getChannel() {
        return channel;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    byte[] getRequestHash() {
        return requestHash;
    }

    public String getOverallOption() {
        return overallOption;
    }

    public int getOverallPoints() {
        return overallPoints;
    }

    public UUID getEvaluatedAgencyId() {
        return evaluatedAgencyId;
    }

    public List<RatingAnswer> getAnswers() {
        return List.copyOf(answers);
    }

    public Set<String> getReasons() {
        return Set.copyOf(reasons);
    }

    public @Nullable String getComment() {
        return comment;
    }

    RatingFacts facts() {
        Map<String, Integer> points = new TreeMap<>();
        Map<String, String> options = new TreeMap<>();
        answers.forEach(a -> {
            points.put(a.getCriterionKey(), a.getPoints());
            options.put(a.getCriterionKey(), a.getOptionKey());
        });
        return new RatingFacts(
                RatingId.of(getId()),
                DossierId.of(dossierId),
                UnitId.of(evaluatedAgencyId),
                procedureId,
                channel,
                status,
                overallOption,
                overallPoints,
                submittedAt,
                deviceId,
                points,
                options,
                new TreeSet<>(reasons),
                comment);
    }
}
