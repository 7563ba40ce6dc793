package vn.hailong;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What tests read to know whether the rollups have caught up with the ratings: the counted ratings
 * of a unit in the raw table against what its rollup rows say, read with plain SQL.
 */
public final class RollupProbe {

    private static final String UNIT = "(SELECT id FROM agency WHERE code = ?)";

    private final JdbcTemplate jdbc;

    public RollupProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored rating of the unit, whatever its status. */
    public long storedRatingsOf(String unitCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE evaluated_agency_id = " + UNIT, Long.class, unitCode);
    }

    public long countedRatingsOf(String unitCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE status = 'COUNTED' AND evaluated_agency_id = " + UNIT,
                Long.class,
                unitCode);
    }

    /** Counted ratings as the unit's own year rows say (the criterion every rating answers). */
    public long countedInRollups(String unitCode) {
        return sum("'O'", unitCode);
    }

    /** Counted ratings of the units below as the unit's own rows of them say. */
    public long countedBelow(String unitCode) {
        return sum("'B'", unitCode);
    }

    private long sum(String reach, String unitCode) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(answers), 0) FROM rating_rollup WHERE dimension = 'ALL' AND grain = 'Y' AND reach = "
                        + reach + " AND status = 'COUNTED' AND criterion = 'overall' AND unit_id = " + UNIT,
                Long.class,
                unitCode);
    }

    /**
     * Waits until the unit's rollups count exactly its counted ratings, at most {@code within};
     * returns what the rollups count then (the caller asserts it).
     */
    public long awaitConverged(String unitCode, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long inRollups = countedInRollups(unitCode);
            if (inRollups == countedRatingsOf(unitCode) || System.nanoTime() > deadline) {
                return inRollups;
            }
            Thread.sleep(50);
        }
    }
}
