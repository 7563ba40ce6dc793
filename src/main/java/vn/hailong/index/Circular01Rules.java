package vn.hailong.index;

import java.util.Objects;

/**
 * A methodology's rules for the Circular 01/2018 unit score: nine indicators of at most
 * {@code indicatorMax} points each, how averages and the total are rounded, and the bands.
 */
public record Circular01Rules(
        int indicatorMax, Rounding averageRounding, Rounding totalRounding, Circular01Bands bands) {

    /** Circular 01/2018 Art. 13 has nine indicators. */
    public static final int INDICATORS = 9;

    public Circular01Rules {
        Objects.requireNonNull(averageRounding, "averageRounding");
        Objects.requireNonNull(totalRounding, "totalRounding");
        Objects.requireNonNull(bands, "bands");
        if (indicatorMax <= 0) {
            throw new IllegalArgumentException("indicatorMax must be positive: " + indicatorMax);
        }
    }

    /** domain.md §2: 2 points per indicator (max 18); averages and total to 2 decimals, half up; the default bands. */
    public static Circular01Rules defaults() {
        return new Circular01Rules(
                2, Rounding.twoDecimalsHalfUp(), Rounding.twoDecimalsHalfUp(), Circular01Bands.defaults());
    }
}
