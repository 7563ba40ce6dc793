package vn.hailong.platform;

/**
 * A share of a sample ("412 of 530 ratings satisfied") with its 95 % confidence interval, so that
 * every satisfaction rate a manager reads says how much it can be trusted: 15 of 15 is 100 % but
 * could well be 80 %; 520 of 530 is 98 % and cannot be much else.
 * <p>
 * The interval is Wilson's score interval (Wilson 1927; Brown, Cai and DasGupta 2001 recommend it
 * over the textbook "± 1.96 √(p(1−p)/n)" because it stays inside 0..1 and behaves at 0 % and
 * 100 % and on small samples, which is exactly where rankings mislead). One definition for the
 * dashboard, the index explanation and open data.
 *
 * @param successes how many of the sample count (e.g. satisfied ratings), 0 ≤ successes ≤ sampleSize
 * @param sampleSize the size of the sample (e.g. counted ratings); 0 means "no data"
 */
public record SampleProportion(long successes, long sampleSize) {

    /** z for a two-sided 95 % interval. */
    static final double Z_95 = 1.959963984540054;

    public SampleProportion {
        if (sampleSize < 0 || successes < 0 || successes > sampleSize) {
            throw new IllegalArgumentException(
                    "a share needs 0 ≤ successes ≤ sampleSize, got " + successes + " of " + sampleSize);
        }
    }

    public static SampleProportion of(long successes, long sampleSize) {
        return new SampleProportion(successes, sampleSize);
    }

    public boolean isEmpty() {
        return sampleSize == 0;
    }

    /** The observed share, 0..1; NaN when the sample is empty. */
    public double share() {
        return isEmpty() ? Double.NaN : (double) successes / sampleSize;
    }

    /** Lower end of the 95 % Wilson interval, 0..1; NaN when the sample is empty. */
    public double lower95() {
        return wilsonBound(-1);
    }

    /** Upper end of the 95 % Wilson interval, 0..1; NaN when the sample is empty. */
    public double upper95() {
        return wilsonBound(+1);
    }

    private double wilsonBound(int sign) {
        if (isEmpty()) {
            return Double.NaN;
        }
        double n = sampleSize;
        double p = share();
        double z2 = Z_95 * Z_95;
        double centre = p + z2 / (2 * n);
        double spread = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double bound = (centre + sign * spread) / (1 + z2 / n);
        // Rounding error can push the bound a hair outside 0..1 at p = 0 or 1.
        return Math.min(1.0, Math.max(0.0, bound));
    }
}
