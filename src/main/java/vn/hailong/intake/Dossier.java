package vn.hailong.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

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

import vn.hailong.platform.jpa.AbstractEntity;

/** A dossier ("hồ sơ") as the one-stop software last described it. */
@Entity
@Table(name = "dossier")
public class Dossier extends AbstractEntity {

    @Column(nullable = false, unique = true, length = DossierCode.MAX_LENGTH)
    private String code;

    @Column(name = "procedure_id", nullable = false, columnDefinition = "uuid")
    private UUID procedureId;

    @Column(name = "receiving_agency_id", nullable = false, columnDefinition = "uuid")
    private UUID receivingAgencyId;

    @Column(name = "competent_agency_id", nullable = false, columnDefinition = "uuid")
    private UUID competentAgencyId;

    @Column(name = "evaluated_agency_id", nullable = false, columnDefinition = "uuid")
    private UUID evaluatedAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DossierChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_kind", nullable = false, length = 20)
    private ApplicantKind applicantKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private DossierStatus status;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_at")
    private @Nullable Instant dueAt;

    @Column(name = "returned_at")
    private @Nullable Instant returnedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private @Nullable Timeliness timeliness;

    @Column(name = "supplement_requests", nullable = false)
    private int supplementRequests;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_officer", joinColumns = @JoinColumn(name = "dossier_id"))
    private Set<DossierOfficer> officers = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Dossier() {}

    Dossier(DossierCode code, DossierFacts facts, ZoneId zone, Instant now) {
        this.code = code.value();
        this.createdAt = now;
        apply(facts, zone, now);
    }

    /** Replaces everything the one-stop software says about the dossier; timeliness follows from the dates. */
    void describe(DossierFacts facts, ZoneId zone, Instant now) {
        apply(facts, zone, now);
    }

    private void apply(DossierFacts facts, ZoneId zone, Instant now) {
        this.procedureId = facts.procedureId();
        this.receivingAgencyId = facts.receivingAgencyId();
        this.competentAgencyId = facts.competentAgencyId();
        this.evaluatedAgencyId = facts.evaluatedAgencyId();
        this.channel = facts.channel();
        this.applicantKind = facts.applicantKind();
        this.status = facts.status();
        this.receivedAt = facts.receivedAt();
        this.dueAt = facts.dueAt();
        this.returnedAt = facts.returnedAt();
        this.supplementRequests = facts.supplementRequests();
        this.timeliness = Timeliness.of(dueAt, returnedAt, zone);
        if (!officers.equals(facts.officers())) {
            officers.clear();
            officers.addAll(facts.officers());
        }
        this.updatedAt = now;
    }

    /** The facts as a comparable value, so an identical re-send is recognised and writes nothing. */
    DossierFacts facts() {
        return new DossierFacts(
                procedureId,
                receivingAgencyId,
                competentAgencyId,
                evaluatedAgencyId,
                channel,
                applicantKind,
                status,
                receivedAt,
                dueAt,
                returnedAt,
                supplementRequests,
                Set.copyOf(officers));
    }

    public String getCode() {
        return code;
    }

    public UUID getProcedureId() {
        return procedureId;
    }

    public UUID getReceivingAgencyId() {
        return receivingAgencyId;
    }

    public UUID getCompetentAgencyId() {
        return competentAgencyId;
    }

    public UUID getEvaluatedAgencyId() {
        return evaluatedAgencyId;
    }

    public DossierChannel getChannel() {
        return channel;
    }

    public ApplicantKind getApplicantKind() {
        return applicantKind;
    }

    public DossierStatus getStatus() {
        return status;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public @Nullable Instant getDueAt() {
        return dueAt;
    }

    public @Nullable Instant getReturnedAt() {
        return returnedAt;
    }

    public @Nullable Timeliness getTimeliness() {
        return timeliness;
    }

    public int getSupplementRequests() {
        return supplementRequests;
    }

    public Set<DossierOfficer> getOfficers() {
        return Set.copyOf(officers);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
