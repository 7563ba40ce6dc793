package vn.hailong.rating;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a rating ({@link Rating}), typed so that it cannot be passed where another id is expected. In JSON (and
 * in {@link #toString()}) it is the plain UUID string, as the raw {@link UUID} was before.
 */
public record RatingId(UUID value) {

    public RatingId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RatingId of(UUID value) {
        return new RatingId(value);
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
