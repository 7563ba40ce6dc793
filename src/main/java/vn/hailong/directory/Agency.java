package vn.hailong.directory;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * An administrative unit. Agencies are versioned in time rather than edited in place: after a
 * merger the old code keeps its history (old dossier codes embed it) and the new unit names it as
 * {@code successorOf}. A code is therefore never reused for another unit.
 */
@Entity
@Table(name = "agency")
public class Agency extends AbstractEntity {

    public static final int NAME_MAX_LENGTH = 255;
    public static final int PEER_GROUP_MAX_LENGTH = 40;

    @Column(nullable = false, unique = true, length = AgencyCode.MAX_LENGTH)
    private String code;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgencyKind kind;

    @Column(name = "parent_id", columnDefinition = "uuid")
    private @Nullable UUID parentId;

    @Column(name = "peer_group", length = PEER_GROUP_MAX_LENGTH)
    private @Nullable String peerGroup;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private @Nullable LocalDate validTo;

    @Column(name = "successor_of_id", columnDefinition = "uuid")
    private @Nullable UUID successorOfId;

    protected Agency() {}

    Agency(
            AgencyCode code,
            LocalDate validFrom,
            String name,
            AgencyKind kind,
            @Nullable UUID parentId,
            @Nullable String peerGroup) {
        this.code = code.value();
        this.validFrom = validFrom;
        apply(name, kind, parentId, peerGroup);
    }

    void describe(String name, AgencyKind kind, @Nullable UUID parentId, @Nullable String peerGroup) {
        apply(name, kind, parentId, peerGroup);
    }

    private void apply(String name, AgencyKind kind, @Nullable UUID parentId, @Nullable String peerGroup) {
        this.name = name;
        this.kind = kind;
        this.parentId = parentId;
        this.peerGroup = peerGroup;
    }

    void retire(LocalDate validTo) {
        this.validTo = validTo;
    }

    void succeed(UUID predecessorId) {
        this.successorOfId = predecessorId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public @Nullable UUID getParentId() {
        return parentId;
    }

    public @Nullable String getPeerGroup() {
        return peerGroup;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public @Nullable LocalDate getValidTo() {
        return validTo;
    }

    public @Nullable UUID getSuccessorOfId() {
        return successorOfId;
    }

    public AgencySummary summary() {
        return new AgencySummary(getId(), code, name, kind, parentId, peerGroup, validFrom, validTo, successorOfId);
    }
}
