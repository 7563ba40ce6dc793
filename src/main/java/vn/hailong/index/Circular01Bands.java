package vn.hailong.index;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The band edges of a Circular 01/2018 unit score. The shape follows the methodology: the top band
 * starts strictly above its edge, every other band starts at (and includes) its edge.
 * <ul>
 * <li>{@link Circular01Band#EXCELLENT}: total &gt; {@code excellentAbove}</li>
 * <li>{@link Circular01Band#GOOD}: {@code goodFrom} ≤ total ≤ {@code excellentAbove}</li>
 * <li>{@link Circular01Band#FAIR}: {@code fairFrom} ≤ total &lt; {@code goodFrom}</li>
 * <li>{@link Circular01Band#AVERAGE}: {@code averageFrom} ≤ total &lt; {@code fairFrom}</li>
 * <li>{@link Circular01Band#WEAK}: total &lt; {@code averageFrom}</li>
 * </ul>
 */
public record Circular01Bands(
        BigDecimal excellentAbove, BigDecimal goodFrom, BigDecimal fairFrom, BigDecimal averageFrom) {

    public Circular01Bands {
        Objects.requireNonNull(excellentAbove, "excellentAbove");
        Objects.requireNonNull(goodFrom, "goodFrom");
        Objects.requireNonNull(fairFrom, "fairFrom");
        Objects.requireNonNull(averageFrom, "averageFrom");
        if (excellentAbove.compareTo(goodFrom) < 0
                || goodFrom.compareTo(fairFrom) <= 0
                || fairFrom.compareTo(averageFrom) <= 0) {
            throw new IllegalArgumentException("band edges must decrease: > " + excellentAbove + ", " + goodFrom + ", "
                    + fairFrom + ", " + averageFrom);
        }
    }

    /** domain.md §2: Xuất sắc &gt; 15; Tốt 12–15 (15 included); Khá 9–&lt;12; Trung bình 6–&lt;9; Yếu &lt; 6. */
    public static Circular01Bands defaults() {
        return new Circular01Bands(
                new BigDecimal("15"), new BigDecimal("12"), new BigDecimal("9"), new BigDecimal("6"));
    }

    public Circular01Band classify(BigDecimal total) {
        if (total.compareTo(excellentAbove) > 0) {
            return Circular01Band.EXCELLENT;
        }
        if (total.compareTo(goodFrom) >= 0) {
            return Circular01Band.GOOD;
        }
        if (total.compareTo(fairFrom) >= 0) {
            return Circular01Band.FAIR;
        }
        if (total.compareTo(averageFrom) >= 0) {
            return Circular01Band.AVERAGE;
        }
        return Circular01Band.WEAK;
    }
}
