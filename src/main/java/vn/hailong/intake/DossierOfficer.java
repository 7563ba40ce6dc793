package vn.hailong.intake;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An officer's part in a dossier. */
@Embeddable
public class DossierOfficer {

    @Column(name = "officer_id", nullable = false, columnDefinition = "uuid")
    private UUID officerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private OfficerRole role;

    protected DossierOfficer() {}

    DossierOfficer(UUID officerId, OfficerRole role) {
        this.officerId = officerId;
        this.role = role;
    }

    public UUID getOfficerId() {
        return officerId;
    }

    public OfficerRole getRole() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DossierOfficer other && officerId.equals(other.officerId) && role == other.role;
    }

    @Override
    public int hashCode() {
        return officerId.hashCode() * 31 + role.hashCode();
    }
}
