package vn.hailong.intake;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a dossier ({@link Dossier}), typed so that it cannot be passed where another id is expected. In JSON (and
 * in {@link #toString()}) it is the plain UUID string, as the raw {@link UUID} was before.
 */
public record DossierId(UUID value) {

    public DossierId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DossierId of(UUID value) {
        return new DossierId(value);
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
