package vn.hailong.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/** A counter ("quầy") of a service centre, where an officer hands dossiers over. */
@Entity
@Table(name = "service_counter")
public class Counter extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "centre_id", nullable = false, columnDefinition = "uuid")
    private UUID centreId;

    protected Counter() {}

    Counter(String code, String name, UUID centreId) {
        this.code = code;
        this.name = name;
        this.centreId = centreId;
    }

    void describe(String name, UUID centreId) {
        this.name = name;
        this.centreId = centreId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UUID getCentreId() {
        return centreId;
    }
}
