package vn.hailong.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The times and dates the database can store: MariaDB's DATETIME and DATE hold years 1000 to
 * 9999, while Java parses years up to ±999,999,999. A value outside is the client's mistake, a 400
 * naming the field, and must be caught before an INSERT fails with a 500.
 */
public final class StorableTimes {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    /** Times are stored in UTC (hibernate.jdbc.time_zone), so the range is UTC's. */
    public static final Instant EARLIEST = EARLIEST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);

    public static final Instant LATEST = OffsetDateTime.of(LATEST_DATE.atTime(23, 59, 59, 999_999_000), ZoneOffset.UTC)
            .toInstant();

    private StorableTimes() {}

    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean storable(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Records a malformed-field error unless the instant is storable; returns the instant, or null when it is not. */
    public static @Nullable Instant check(FieldErrors errors, String field, String given, Instant instant) {
        if (storable(instant)) {
            return instant;
        }
        errors.malformed(field, field + " '" + given + "' is outside the years 1000 to 9999 (UTC) that can be stored");
        return null;
    }

    /** Records a malformed-field error unless the date is storable; returns the date, or null when it is not. */
    public static @Nullable LocalDate check(FieldErrors errors, String field, String given, LocalDate date) {
        if (storable(date)) {
            return date;
        }
        errors.malformed(field, field + " '" + given + "' is outside the years 1000 to 9999 that can be stored");
        return null;
    }
}
