package vn.hailong.platform;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an evaluated unit (an agency of the directory), typed so that it cannot be passed where another id is expected. In JSON (and
 * in {@link #toString()}) it is the plain UUID string, as the raw {@link UUID} was before.
 * It lives in the shared kernel, not in the directory, because modules that do not depend on the
 * directory (ratings) carry unit ids in their events.
 */
public record UnitId(UUID value) {

    public UnitId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UnitId of(UUID value) {
        return new UnitId(value);
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
