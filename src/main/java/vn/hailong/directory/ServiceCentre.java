package vn.hailong.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/** A public administration service centre ("Trung tâm Phục vụ hành chính công") of an agency. */
@Entity
@Table(name = "service_centre")
public class ServiceCentre extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "agency_id", nullable = false, columnDefinition = "uuid")
    private UUID agencyId;

    protected ServiceCentre() {}

    ServiceCentre(String code, String name, UUID agencyId) {
        this.code = code;
        this.name = name;
        this.agencyId = agencyId;
    }

    void describe(String name, UUID agencyId) {
        this.name = name;
        this.agencyId = agencyId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UUID getAgencyId() {
        return agencyId;
    }
}
