package vn.hailong.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** An administrative procedure ("thủ tục hành chính"), registered the first time a dossier names it. */
@Entity
@Table(name = "admin_procedure")
public class Procedure extends AbstractEntity {

    public static final int CODE_MAX_LENGTH = 60;
    public static final int NAME_MAX_LENGTH = 500;
    public static final int FIELD_MAX_LENGTH = 200;

    @Column(nullable = false, unique = true, length = CODE_MAX_LENGTH)
    private String code;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "field", length = FIELD_MAX_LENGTH)
    private @Nullable String field;

    protected Procedure() {}

    Procedure(String code, String name, @Nullable String field) {
        this.code = code;
        this.name = name;
        this.field = field;
    }

    void rename(String name, @Nullable String field) {
        this.name = name;
        if (field != null) {
            this.field = field;
        }
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getField() {
        return field;
    }

    public ProcedureSummary summary() {
        return new ProcedureSummary(getId(), code, name, field);
    }
}
