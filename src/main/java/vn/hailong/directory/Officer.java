package vn.hailong.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/** An officer as the one-stop software knows them: its id and a display name, nothing else personal. */
@Entity
@Table(name = "officer")
public class Officer extends AbstractEntity {

    public static final int EXTERNAL_ID_MAX_LENGTH = 64;
    public static final int NAME_MAX_LENGTH = 200;

    @Column(name = "external_id", nullable = false, unique = true, length = EXTERNAL_ID_MAX_LENGTH)
    private String externalId;

    @Column(name = "display_name", nullable = false, length = NAME_MAX_LENGTH)
    private String displayName;

    protected Officer() {}

    Officer(String externalId, String displayName) {
        this.externalId = externalId;
        this.displayName = displayName;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDisplayName() {
        return displayName;
    }
}
